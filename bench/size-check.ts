// `npm run size`, part of `npm run check`: fails when a bundle outgrows its guard, so growth is caught
// in CI. The guards sit just above today's sizes; the targets (20 kB an entry, 35 kB in all)
// are reported by `npm run bench`, and why the entries miss theirs is in docs/performance.md.
import { measureSizes } from './size.ts';

/** Guards in kB (min + gzip, with dependencies). Lower them when a change shrinks the bundles. */
const GUARDS: Record<string, number> = {
  // Raised by exactly what webhooks and the event log added (close +2.3, whippy +1.1, clarion +1.8, whole +3.4),
  // then by one budget across processes (issue 14: the pacer's store, budgets and fallback; about +1 to +1.9), and the retry-loop rewrite (+0.4).
  'sequence-apis': 9.8,
  'sequence-apis/close': 33.6,
  'sequence-apis/whippy': 32.7,
  'sequence-apis/clarion': 32.1,
  'whole package': 40.4,
};

let failed = false;
for (const row of await measureSizes()) {
  const guard = GUARDS[row.name]!;
  const ok = row.kb <= guard;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${row.name.padEnd(22)} ${row.kb.toFixed(1).padStart(5)} kB  (guard ${guard} kB, target ${row.budget} kB)`,
  );
}
if (failed) {
  console.error('A bundle outgrew its size guard.');
  process.exitCode = 1;
}
