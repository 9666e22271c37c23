// `npm run size:pack`, part of `npm run check`: fails when the published tarball outgrows its guard.
// It was 847 kB (three quarters source maps); without maps it is ~262 kB, most of it the bundled CLI.
import { execFileSync } from 'node:child_process';

/** Guard on the packed tarball, in bytes (gzip, as `npm pack` reports it). Lower it when the package shrinks. */
const MAX_PACKED = 471_000; // issues 20-24 and 27 merged: 470.3 kB measured (with the API-doc comments of the review); on their branches sync +37 kB, webhooks and dedupe stores +35 kB (the new entry's .d.ts split the vendors' declarations into shared chunks), the PostgreSQL sink +8 kB, option checks and endpoint groups +10 kB, User-Agent/raw calls/withOptions +12 kB, README sections; before: sequence-apis/sync (ESM, CJS, .d.ts: ~20 kB packed), the CLI carrying it (+6 kB), its README section, the pull pieces it shares split into their own chunks: +37 kB (353 -> 390.2 kB); the refreshed docs pages +2 kB; the CLI bundle minified (-26 kB packed, 375.9 -> 349.6 kB); the docs/*.md pages and the two webhook examples the README links to ship too (+12 kB); webhooks and the event log added 41.5 kB packed (264.3 -> 305.8 kB); named model interfaces with a source per field add 11.3 kB (-> 317.1 kB); sequence-apis/pull (ESM, CJS, .d.ts), the CLI bundle carrying it and its README section add 29.4 kB (-> 346.5 kB); one budget across processes (sequence-apis/redis, the store types in each entry's .d.ts, the pacer in both chunks and the CLI) about 21.4 kB

const root = new URL('..', import.meta.url).pathname;
// --ignore-scripts: `prepare` would rebuild; the check runs after the build.
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const maps = packed.files.filter((file) => file.path.endsWith('.map'));
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `tarball: ${kB(packed.size)} packed (guard ${kB(MAX_PACKED)}), ${kB(packed.unpackedSize)} unpacked, ${packed.files.length} files`,
);
if (maps.length > 0) console.log(`source maps in the tarball: ${maps.map((file) => file.path).join(', ')}`);
if (packed.size > MAX_PACKED || maps.length > 0) process.exitCode = 1;
