import type { ClarionClient } from '../clarion/client.js';
import { runPass } from './list-pass.js';
import type { StreamRun } from './stream.js';

/** Clarion's streams. */
export const CLARION_STREAMS = ['sequences'] as const;

/** Syncs Clarion's sequences: the whole list each run (Clarion does not page), upserted; rows no longer listed are deleted. */
export function syncClarionStream(run: StreamRun, client: ClarionClient): Promise<void> {
  return runPass(run, { list: () => client.sequences.list({ signal: run.signal }) }, 'snapshot');
}
