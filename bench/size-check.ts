// `npm run size`, part of `npm run check`: fails when a bundle outgrows its guard, so growth is caught
// in CI. The guards sit just above today's sizes; the targets (20 kB an entry, 35 kB in all)
// are reported by `npm run bench`, and why the entries miss theirs is in docs/performance.md.
import { measureSizes } from './size.ts';

/** Guards in kB (min + gzip, with dependencies). Lower them when a change shrinks the bundles. */
const GUARDS: Record<string, number> = {
  // Just above the sizes measured after the size pass (root 3.3, close 29.6, whippy 28.5, clarion
  // 28.4, whole 36.2): zod's union, date, record, int and check classes out of the bundles, the
  // root entry without zod. Before it: 8.9, 31.8, 30.7, 30.3, 38.3 (see docs/performance.md).
  'sequence-apis': 3.6,
  'sequence-apis/close': 29.9,
  'sequence-apis/whippy': 28.8,
  'sequence-apis/clarion': 28.7,
  // The client alone, tree-shaken: like for like with the entries before webhooks and the event log,
  // which held only the client (their guards were 29.5, 29.5, 28.5). Measured 27.5, 26.7, 26.2.
  'sequence-apis/close CloseClient alone': 27.8,
  'sequence-apis/whippy WhippyClient alone': 27.0,
  'sequence-apis/clarion ClarionClient alone': 26.5,
  'whole package': 36.5,
};

let failed = false;
for (const row of await measureSizes()) {
  const guard = GUARDS[row.name]!;
  const ok = row.kb <= guard;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${row.name.padEnd(41)} ${row.kb.toFixed(1).padStart(5)} kB  (guard ${guard} kB, target ${row.budget} kB)`,
  );
}
if (failed) {
  console.error('A bundle outgrew its size guard.');
  process.exitCode = 1;
}
