// The README runs as written: every ```ts block type-checks on its own, as a module of a strict
// consumer project (skipLibCheck false, module nodenext, types node), and every block
// not marked `no-run` runs against the fakes. `sequence-apis/*` resolves to src/ (no build needed);
// `npm run check:consumer` checks the built package's own types.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { markdownBlocks, readmeBlocks } from './readme-blocks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = readmeBlocks(join(root, 'README.md'));
/** Every entry point of package.json, mapped to its source: `./x` is src/x/index.ts, else src/x.ts. */
const entries: Record<string, string> = Object.fromEntries(
  Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => {
      const sub = key.slice(2);
      const source = sub === '' ? 'src/index.ts' : existsSync(join(root, `src/${sub}/index.ts`)) ? `src/${sub}/index.ts` : `src/${sub}.ts`;
      return [sub === '' ? 'sequence-apis' : `sequence-apis/${sub}`, source];
    }),
);

const strict: ts.CompilerOptions = {
  strict: true,
  skipLibCheck: false,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  // msw's own types need the DOM lib, as in any app that uses msw (the testing block does);
  // `npm run check:consumer` checks every other entry with es2023 alone.
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  noEmit: true,
  // TypeScript's own lib files need no checking (a third of the time); every package's .d.ts is checked.
  skipDefaultLibCheck: true,
  paths: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, [join(root, file)]])),
};

const srcAlias: Plugin = {
  name: 'sequence-apis-src',
  setup(b) {
    b.onResolve({ filter: /^sequence-apis(\/.*)?$/ }, ({ path }) => (entries[path] ? { path: join(root, entries[path]) } : undefined));
  },
};

let work: string;
const file = (name: string) => join(work, `${name}.mts`);
const runnable = blocks.filter((b) => b.runnable);
/** What each runnable block threw (null: it ran), by block name; see the last describe. */
let running: Promise<Record<string, string | null>>;

/** Bundles each runnable block (and the runner) into work/out, `sequence-apis/*` resolved to src/. */
async function bundleBlocks(): Promise<void> {
  await build({
    entryPoints: {
      ...Object.fromEntries(runnable.map((b) => [b.name, file(b.name)])),
      'readme-runner': join(root, 'test/docs/readme-runner.ts'),
    },
    outdir: join(work, 'out'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['msw', 'msw/*', 'pg'],
    plugins: [srcAlias],
    logLevel: 'silent',
  });
}

/** Runs the bundled blocks in a child process, one after the other, against fresh fakes. */
async function runBlocks(): Promise<Record<string, string | null>> {
  const out = join(work, 'out');
  const resultsFile = join(work, 'results.json');
  await promisify(execFile)(
    process.execPath,
    [join(out, 'readme-runner.mjs'), resultsFile, ...runnable.map((b) => join(out, `${b.name}.mjs`))],
    {
      cwd: work,
      timeout: 90_000,
      // The PostgreSQL block's database: the global setup's server (test/setup/services.ts).
      env: { ...process.env, DATABASE_URL: inject('postgresUrl') },
    },
  );
  const raw = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, string | null>;
  return Object.fromEntries(Object.entries(raw).map(([path, error]) => [path.replace(/^.*\/(block-\d+)\.mjs$/, '$1'), error]));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'readme-blocks-'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'readme-blocks', private: true, type: 'module' }));
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  // `export {}`: a block is a module even if it imports nothing, so no two blocks share a scope.
  for (const block of blocks) writeFileSync(file(block.name), `${block.code}\nexport {};\n`);
  // The blocks run in a child process while the type check below holds this thread; esbuild answers
  // through this thread's event loop, so the bundle is finished first.
  await bundleBlocks();
  running = runBlocks();
  running.catch(() => {}); // awaited, and its failure reported, by the runnable blocks' beforeAll
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('README.md', () => {
  it('has ts blocks to check, and a source file for every entry point they may import', () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(Object.values(entries).filter((source) => !existsSync(join(root, source)))).toEqual([]);
  });

  it('reads ts blocks only, titled by their section, and a ts no-run block is checked but not run', () => {
    const markdown = [
      '## A',
      '```sh',
      'npm test',
      '```',
      '### B',
      '```ts',
      'const a = 1;',
      '```',
      '## C',
      '```ts no-run',
      'const c = 3;',
      '```',
    ];
    expect(markdownBlocks(markdown.join('\n'))).toEqual([
      { name: 'block-01', title: 'A > B (line 6)', code: 'const a = 1;', runnable: true },
      { name: 'block-02', title: 'C (line 10)', code: 'const c = 3;', runnable: false },
    ]);
  });

  describe('every ts block type-checks on its own in a strict consumer project', () => {
    const diagnostics = new Map<string, string[]>();
    beforeAll(() => {
      // One program, every block its own module file.
      const program = ts.createProgram({ rootNames: blocks.map((b) => file(b.name)), options: strict });
      for (const d of ts.getPreEmitDiagnostics(program)) {
        const where = d.file ? d.file.fileName : 'program';
        const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
        const list = diagnostics.get(where) ?? [];
        list.push(`line ${line}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
        diagnostics.set(where, list);
      }
    }, 120_000);

    it('and nothing outside the blocks (src/, its dependencies) fails under those settings', () => {
      const blockFiles = new Set(blocks.map((b) => file(b.name)));
      expect([...diagnostics].filter(([where]) => !blockFiles.has(where))).toEqual([]);
    });

    it.each(blocks.map((b) => [b.title, b] as const))('%s', (_, block) => {
      expect(diagnostics.get(file(block.name)) ?? []).toEqual([]);
    });
  });

  describe('every runnable block runs against the fakes (a fresh server each)', () => {
    let results: Record<string, string | null> = {};
    beforeAll(async () => {
      results = await running;
    }, 120_000);

    it.each(runnable.map((b) => [b.title, b] as const))('%s', (_, block) => {
      expect(results[block.name], block.code).toBeNull();
    });
  });
});
