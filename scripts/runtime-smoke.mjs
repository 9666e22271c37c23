// Runs in Node, Bun, Deno and edge-runtime (bundled by scripts/edge-smoke.mjs): one call per vendor and one paginated walk, through the built
// package, against the fakes whose URLs come in SEQUENCE_SDK_FAKES. Prints one line and exits 0.
import { CloseClient, subscriptionsFilter } from '../dist/close/index.js';
import { WhippyClient } from '../dist/whippy/index.js';
import { ClarionClient } from '../dist/clarion/index.js';
import { NotFoundError, SequenceSdkError } from '../dist/index.js';

const fakes = JSON.parse(
  globalThis.process?.env?.SEQUENCE_SDK_FAKES ?? globalThis.Deno?.env.get('SEQUENCE_SDK_FAKES') ?? globalThis.SEQUENCE_SDK_FAKES ?? '{}',
);
// edge-runtime sets the global EdgeRuntime, as Vercel's edge does; it has no `process`.
const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : typeof globalThis.EdgeRuntime === 'string'
      ? `${globalThis.EdgeRuntime} (no process, no eval)`
      : `node ${globalThis.process.versions.node}`;

const close = new CloseClient({ baseUrl: fakes.close, apiKey: 'test_close_key', logLevel: 'off' });
const whippy = new WhippyClient({ baseUrl: fakes.whippy, apiKey: 'test_whippy_key', logLevel: 'off' });
const clarion = new ClarionClient({ baseUrl: fakes.clarion, apiKey: 'test_clarion_token', logLevel: 'off' });

const [sequence] = await close.sequences.list().toArray({ limit: 1 });
let walked = 0;
for await (const sub of close.subscriptions.list(subscriptionsFilter().sequence(sequence.id).limit(2), { concurrency: 2 })) {
  if (sub.sequence_id !== sequence.id) throw new Error('walk returned another sequence');
  walked++;
}
const [whippySequence] = await whippy.sequences.list({ title: 'Welcome' }).toArray({ limit: 1 });
const runs = await whippy.sequences.runs.list(whippySequence.id, { status: 'active' }).toArray({ limit: 100 });
const clarionSequences = await clarion.sequences.list().toArray({ limit: 100 });
const missing = await close.sequences.retrieve('seq_missing').then(
  () => undefined,
  (error) => error,
);
if (!(missing instanceof NotFoundError) || !(missing instanceof SequenceSdkError))
  throw new Error('errors are not instances of the exported classes');
if (walked < 1 || runs.length < 1 || clarionSequences.length < 1) throw new Error('empty results');
console.log(
  `ok ${runtime}: close walked ${walked} subscriptions over pages, whippy ${runs.length} runs, clarion ${clarionSequences.length} sequences, NotFoundError typed`,
);
