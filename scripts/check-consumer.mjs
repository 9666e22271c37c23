// `npm run check:consumer` (part of `npm run check`, after the build): packs the package, installs the
// tarball into a temporary consumer project and type-checks an import of every entry point, as ESM
// (.mts) and CJS (.cts), with the settings of a strict app: skipLibCheck false, strict, module
// nodenext, lib es2023, types node. The repo's own skipLibCheck: true would hide errors in the d.ts.
// Then, in that project (which has no msw), imports `sequence-apis/testing` and starts a fake server.
// Dependencies come from this repo's node_modules by symlink: no registry needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
/** Packages every consumer gets besides the tarball. */
const linked = [...Object.keys(pkg.dependencies), '@types/node', 'undici-types'];
/** The optional peers an entry is for, by name: `testing/msw` gets msw, a `redis` entry ioredis and redis. */
const peersOf = (entry) =>
  Object.keys(pkg.peerDependencies ?? {}).filter((peer) =>
    entry
      .split('/')
      .slice(1)
      .some((segment) => peer.includes(segment)),
  );
// msw's own types need the DOM lib (Request, MessageEvent, …): any app using msw already has it.
const extraLib = (entry) => (peersOf(entry).includes('msw') ? ['lib.dom.d.ts'] : []);

const compilerOptions = {
  strict: true,
  skipLibCheck: false,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  noEmit: true,
  // TypeScript's own lib files need no checking; every package's .d.ts, ours first, is checked.
  skipDefaultLibCheck: true,
};

/** A consumer project at `dir` with the tarball's contents as node_modules/sequence-apis. */
function makeProject(dir, tarball, peers) {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, pkg.name), { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', join(modules, pkg.name), '--strip-components=1']);
  for (const name of [...linked, ...peers]) {
    mkdirSync(join(modules, name, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}

/** Type-checks one file importing `entry`; returns the diagnostics as text lines. */
function typeCheck(dir, entry, format, host) {
  const file = join(dir, `${entry.replaceAll('/', '-')}.${format === 'esm' ? 'mts' : 'cts'}`);
  const code =
    format === 'esm'
      ? `import * as entry from '${entry}';\nconsole.log(entry);\n`
      : `import entry = require('${entry}');\nconsole.log(entry);\n`;
  writeFileSync(file, code);
  const options = { ...compilerOptions, lib: [...compilerOptions.lib, ...extraLib(entry)] };
  const program = ts.createProgram({ rootNames: [file], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.replace(`${dir}/node_modules/`, '')}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
      : '';
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

const work = mkdtempSync(join(tmpdir(), 'sequence-apis-consumer-'));
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const tarball = join(work, packed.filename);
  // One project per set of peers; `app` has none (no msw): the testing entry must stand there.
  const projects = new Map();
  const projectFor = (peers) => {
    const dir = join(work, ['app', ...peers].join('-').replaceAll('/', '_'));
    if (!projects.has(dir)) projects.set(dir, makeProject(dir, tarball, peers));
    return dir;
  };
  const plain = projectFor([]);
  const host = ts.createCompilerHost(compilerOptions);
  const rows = [];
  for (const entry of entries) {
    for (const format of ['esm', 'cjs']) {
      const errors = typeCheck(projectFor(peersOf(entry)), entry, format, host);
      rows.push({ entry, format, errors });
    }
  }
  console.log('| entry | ESM (.mts) | CJS (.cts) |\n|---|---|---|');
  for (const entry of entries) {
    const cell = (format) => {
      const { errors } = rows.find((r) => r.entry === entry && r.format === format);
      return errors.length === 0 ? 'ok' : `${errors.length} error(s)`;
    };
    const peers = peersOf(entry);
    const note = peers.length > 0 ? ` (with ${peers.join(', ')}${extraLib(entry).length > 0 ? ', lib dom' : ''})` : '';
    console.log(`| ${entry}${note} | ${cell('esm')} | ${cell('cjs')} |`);
  }
  const failed = rows.filter((r) => r.errors.length > 0);
  for (const r of failed) console.log(`\n${r.entry} (${r.format}):\n  ${[...new Set(r.errors)].join('\n  ')}`);

  // Runs where msw cannot be resolved: the testing entry must not need it.
  const run = (format) => {
    const file = join(plain, `fake-server.${format === 'esm' ? 'mjs' : 'cjs'}`);
    const load = format === 'esm' ? `await import('${pkg.name}/testing')` : `require('${pkg.name}/testing')`;
    const body = `const { startFakeServer } = ${load};\nconst server = await startFakeServer();\nconst answer = await fetch(server.close.baseUrl + '/sequence/', { headers: { authorization: 'Basic ' + btoa('test_close_key:') } });\nawait server.stop();\nif (answer.status !== 200) throw new Error('fake server answered ' + answer.status);\n`;
    writeFileSync(file, format === 'esm' ? body : `(async () => {\n${body}})().catch((e) => { console.error(e); process.exit(1); });\n`);
    execFileSync(process.execPath, [file], { cwd: plain, stdio: 'inherit' });
  };
  run('esm');
  run('cjs');
  console.log(`\n${pkg.name}/testing starts a fake server without msw installed (ESM and CJS)`);
  if (failed.length > 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
