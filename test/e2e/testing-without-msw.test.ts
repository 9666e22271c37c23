// sequence-apis/testing works where msw cannot be resolved; only sequence-apis/testing/msw needs it.
// (`npm run check:consumer` does the same with the packed tarball.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/testing/', import.meta.url));
let work: string;

/** Bundles `entry` with msw left as an import, and runs `script` next to it in a directory with no node_modules. */
async function runWithoutMsw(entry: string, script: string): Promise<string> {
  await build({
    entryPoints: { entry: join(src, entry) },
    outdir: work,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['msw', 'msw/*'],
    logLevel: 'silent',
  });
  writeFileSync(join(work, 'main.mjs'), script);
  try {
    return execFileSync(process.execPath, [join(work, 'main.mjs')], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    return `failed: ${String((error as { stderr?: string }).stderr)}`;
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'testing-without-msw-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sequence-apis/testing without msw installed', () => {
  it('imports and starts a fake server that answers over HTTP', async () => {
    const out = await runWithoutMsw(
      'index.ts',
      `import { startFakeServer } from './entry.mjs';
const server = await startFakeServer();
const answer = await fetch(server.close.baseUrl + '/sequence/', { headers: { authorization: 'Basic ' + btoa('test_close_key:') } });
console.log(answer.status, (await answer.json()).data.length);
await server.stop();`,
    );
    expect(out.trim()).toBe('200 3');
  });

  it('while sequence-apis/testing/msw, the one entry that needs msw, fails to load there', async () => {
    const out = await runWithoutMsw('msw.ts', `await import('./entry.mjs');\nconsole.log('loaded');`);
    expect(out).toMatch(/failed: .*Cannot find package 'msw'/s);
  });
});
