// `npm run test:runtimes`: the built package under Node 22, Node 24, Bun and Deno, each installed from
// its npm package into .runtimes/ (kept between runs), and under Vercel's edge-runtime (devDependency),
// against the fakes served by this process.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { startFakeServer } from '../dist/testing/index.js';

const root = new URL('..', import.meta.url).pathname;
const runtimes = `${root}.runtimes`;
const bin = (name) => `${runtimes}/node_modules/.bin/${name}`;

if (![bin('node'), bin('bun'), bin('deno')].every(existsSync)) {
  mkdirSync(runtimes, { recursive: true });
  writeFileSync(`${runtimes}/package.json`, JSON.stringify({ name: 'sequence-apis-runtimes', private: true }));
  console.log('installing node@22, bun and deno from the npm registry into .runtimes/ …');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'node@22', 'bun', 'deno'], {
    cwd: runtimes,
    stdio: 'inherit',
  });
}

const server = await startFakeServer();
const env = {
  ...process.env,
  SEQUENCE_SDK_FAKES: JSON.stringify({ close: server.close.baseUrl, whippy: server.whippy.baseUrl, clarion: server.clarion.baseUrl }),
};
const smoke = `${root}scripts/runtime-smoke.mjs`;
const matrix = [
  ['Node 22', bin('node'), [smoke]],
  ['Node 24', process.execPath, [smoke]],
  ['Bun', bin('bun'), [smoke]],
  ['Deno', bin('deno'), ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', smoke]],
  // Vercel's edge-runtime (a devDependency): the same smoke, bundled, in an Edge context without eval.
  ['edge-runtime', process.execPath, [`${root}scripts/edge-smoke.mjs`]],
];

// The User-Agent each runtime sent (the fake's request log): the SDK's own where the runtime lets it
// be set, none of the SDK's inside edge-runtime (src/core/user-agent.ts).
const userAgentOk = (name, userAgent) => (name === 'edge-runtime') !== /^sequence-apis\/\S+ \(\w+\/\S+\)$/.test(userAgent ?? '');

const results = [];
for (const [name, command, args] of matrix) {
  // spawn, not spawnSync: the fakes live in this process, so its event loop must keep running.
  const outcome = await new Promise((resolve) => {
    const proc = spawn(command, args, { env, cwd: root });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.stderr.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.trim() });
    });
  });
  const userAgent = server.close.fake.requests.at(-1)?.headers['user-agent'];
  const ok = outcome.code === 0 && userAgentOk(name, userAgent);
  results.push({ name, ok, detail: `${outcome.out.split('\n').at(-1)}; user-agent: ${userAgent ?? 'none'}` });
}
await server.stop();

console.log('\n| runtime | result |\n|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.ok ? 'ok' : 'FAIL'}: ${r.detail} |`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
