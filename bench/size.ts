// Target 5: each entry point bundled and minified with its dependencies, gzipped.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import type { Result } from './support.ts';

/** Gzipped bytes of `contents` bundled and minified with everything it imports. */
async function gzippedBundle(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: new URL('..', import.meta.url).pathname },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/** The size budgets, in kB gzipped (1 kB = 1,024 bytes). */
export const SIZE_BUDGETS = { entry: 20, whole: 35 };

/** The client class of each vendor entry, measured alone (what an application that only calls the API pays). */
const CLIENTS: Record<string, string> = {
  'sequence-apis/close': 'CloseClient',
  'sequence-apis/whippy': 'WhippyClient',
  'sequence-apis/clarion': 'ClarionClient',
};

/**
 * Measures every entry point (`export *`: everything it exports, webhooks and schemas included),
 * each vendor's client alone (`import { CloseClient }`, tree-shaken: the like-for-like row with the
 * entries as they were before webhooks and the event log), and the whole package.
 */
export async function measureSizes(): Promise<{ name: string; kb: number; budget: number }[]> {
  const rows = [];
  for (const entry of ['sequence-apis', 'sequence-apis/close', 'sequence-apis/whippy', 'sequence-apis/clarion', 'sequence-apis/webhooks']) {
    rows.push({ name: entry, kb: (await gzippedBundle(`export * from '${entry}';`)) / 1024, budget: SIZE_BUDGETS.entry });
  }
  for (const [entry, client] of Object.entries(CLIENTS)) {
    const kb = (await gzippedBundle(`export { ${client} } from '${entry}';`)) / 1024;
    rows.push({ name: `${entry} ${client} alone`, kb, budget: SIZE_BUDGETS.entry });
  }
  const whole =
    "export * from 'sequence-apis'; export * as close from 'sequence-apis/close'; export * as whippy from 'sequence-apis/whippy'; export * as clarion from 'sequence-apis/clarion';";
  rows.push({ name: 'whole package', kb: (await gzippedBundle(whole)) / 1024, budget: SIZE_BUDGETS.whole });
  return rows;
}

export async function size(): Promise<Result[]> {
  return (await measureSizes()).map((row) => ({
    target: `size of ${row.name} (min + gzip, with dependencies)`,
    measured: `${row.kb.toFixed(1)} kB`,
    limit: `<= ${row.budget} kB`,
    ok: row.kb <= row.budget,
  }));
}
