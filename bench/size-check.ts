// `npm run size`, part of `npm run check`: fails when a bundle outgrows its guard, so growth is caught
// in CI. The guards sit just above today's sizes; the targets (20 kB an entry, 35 kB in all)
// are reported by `npm run bench`, and why the entries miss theirs is in docs/performance.md.
import { measureSizes } from './size.ts';

/** Guards in kB (min + gzip, with dependencies). Lower them when a change shrinks the bundles. */
const GUARDS: Record<string, number> = {
  // Just above the sizes measured after the second size pass (root 4.1, close 31.1, whippy 30.2,
  // clarion 29.9, whole 38.0): zod-mini's object and never wrappers out of the bundles, ApiError's
  // fields from one key list. After the first pass: 4.1, 31.4, 30.4, 30.0, 38.2; before it (with the
  // shared rate-limit store): 9.7, 33.5, 32.6, 32.0, 40.3.
  // +0.1 at the last review: request headers in debug logs, secret body fields redacted, the cursor-loop guard.
  // The client-alone rows stay under the pre-session entry guards (29.5, 29.5, 28.5).
  // +0.6 close (events.catchUp: the dedupe protocol, shared with the receiver), +0.2 whippy (its
  // timestamp,signature header) at issue 21; sequence-apis/webhooks new (the three verifiers, the receiver, two stores).
  'sequence-apis': 4.2,
  'sequence-apis/close': 32.1,
  'sequence-apis/whippy': 30.7,
  // +0.5 kB at issue 22: postgresDedupeStore (measured 7.0).
  'sequence-apis/webhooks': 7.1,
  'sequence-apis/clarion': 30.1,
  // The client alone, tree-shaken: like for like with the entries before webhooks and the event log,
  // which held only the client (their guards were 29.5, 29.5, 28.5). Measured 29.0, 28.5, 27.8.
  'sequence-apis/close CloseClient alone': 30.0,
  'sequence-apis/whippy WhippyClient alone': 28.7,
  'sequence-apis/clarion ClarionClient alone': 28.0,
  'whole package': 39.3,
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
