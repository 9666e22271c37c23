import type { WhippyClient } from '../whippy/client.js';
import { listAll, runPass, type ListPlan } from './list-pass.js';
import type { StreamRun } from './stream.js';

/** Whippy's streams, in the order a sync runs them. */
export const WHIPPY_STREAMS = ['sequences', 'runs', 'sequence_contacts'] as const;

/** Runs started this long before the watermark are read again: a run still active changes after its start. */
export const DEFAULT_RUNS_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;

function planOf(client: WhippyClient, stream: string, signal: AbortSignal | undefined): ListPlan {
  const options = { signal };
  const parents = (run: StreamRun) => listAll(run, client.sequences.list({}, options));
  if (stream === 'sequences') return { list: (_, offset) => client.sequences.list({ offset }, options) };
  if (stream === 'runs') {
    return {
      parents,
      list: (parent, offset, after) => client.sequences.runs.list(parent!, { offset, ...(after ? { after } : {}) }, options),
    };
  }
  return { parents, list: (parent, offset) => client.sequences.contacts.list(parent!, { offset }, options) };
}

/**
 * Syncs one Whippy stream. Sequences and sequence contacts: the whole list each run (Whippy
 * documents no date filter on them), upserted, and rows no longer listed deleted. Runs: a
 * snapshot first, then per sequence the runs started since the watermark less the look-back.
 */
export async function syncWhippyStream(run: StreamRun, client: WhippyClient, lookbackDays = DEFAULT_RUNS_LOOKBACK_DAYS): Promise<void> {
  const plan = planOf(client, run.stream, run.signal);
  const { watermark, pass } = run.state;
  if (run.stream !== 'runs' || pass || watermark === undefined) return runPass(run, plan, pass?.mode ?? 'snapshot');
  const after = new Date(Date.parse(watermark) - lookbackDays * DAY_MS).toISOString();
  return runPass(run, plan, 'incremental', after);
}
