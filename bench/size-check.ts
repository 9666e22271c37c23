// `npm run size`, part of `npm run check`: fails when a bundle outgrows its guard, so growth is caught
// in CI. The guards sit just above today's sizes; the targets (20 kB an entry, 35 kB in all)
// are reported by `npm run bench`, and why the entries miss theirs is in docs/performance.md.
import { measureSizes } from './size.ts';

/** Guards in kB (min + gzip, with dependencies). Lower them when a change shrinks the bundles. */
const GUARDS: Record<string, number> = {
  'sequence-apis': 9.5,
  // Raised by exactly what webhooks and the event log added (close +2.3, whippy +1.1, clarion +1.8, whole +3.4).
  // Then by what the retry-loop rewrite added over main (measured: close, whippy, clarion +0.4 kB;
  // the whole package stays under its guard): the onRetry/onResponse hooks, path template, APIResource.
  'sequence-apis/close': 32.2,
  'sequence-apis/whippy': 31.0,
  'sequence-apis/clarion': 30.7,
  // The client alone, tree-shaken: like for like with the entries before webhooks and the event log,
  // which held only the client. Held to those entries' guards (29.5, 29.5, 28.5).
  'sequence-apis/close CloseClient alone': 29.5,
  'sequence-apis/whippy WhippyClient alone': 29.5,
  'sequence-apis/clarion ClarionClient alone': 28.5,
  'whole package': 38.4,
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
