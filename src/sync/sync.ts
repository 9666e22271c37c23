import type { DatabaseSync } from 'node:sqlite';
import { ClarionClient } from '../clarion/client.js';
import { CloseClient } from '../close/client.js';
import { InvalidRequestError } from '../core/errors.js';
import { WhippyClient } from '../whippy/client.js';
import { CLARION_STREAMS, syncClarionStream } from './clarion.js';
import { CLOSE_DEFAULT_STREAMS, CLOSE_STREAMS, syncCloseStream } from './close.js';
import type { SyncSink } from './sink.js';
import { parseState } from './state.js';
import { StreamRun } from './stream.js';
import { sinkFor, type PostgresPoolTarget } from './target.js';
import type { StreamReport, SyncReport, SyncVendor } from './types.js';
import { syncWhippyStream, WHIPPY_STREAMS } from './whippy.js';

/** Every vendor's streams, in the order a sync runs them. */
export const SYNC_STREAMS: Record<SyncVendor, readonly string[]> = {
  close: CLOSE_STREAMS,
  whippy: WHIPPY_STREAMS,
  clarion: CLARION_STREAMS,
};
/** The streams a sync runs when none are named (Close's `events` only when asked for). */
const DEFAULT_STREAMS: Record<SyncVendor, readonly string[]> = { ...SYNC_STREAMS, close: CLOSE_DEFAULT_STREAMS };

/** Options of {@link sync}. */
export interface SyncOptions {
  /** The vendor's client: which vendor is synced follows from it. */
  client: CloseClient | WhippyClient | ClarionClient;
  /** A SQLite file path (created if missing), an open `DatabaseSync`, a `postgres://` URL (`?schema=` optional), `{ pool }` (a `pg` Pool of yours), or a {@link SyncSink}. */
  db: string | DatabaseSync | SyncSink | PostgresPoolTarget;
  /** Streams to sync (default all of the vendor's). */
  streams?: readonly string[] | undefined;
  /** Stops the sync: what is committed stays, and the next run continues from there. */
  signal?: AbortSignal | undefined;
  /** The clock the watermarks and `_synced_at` follow (default the real one; tests pass a fake's). */
  now?: (() => Date) | undefined;
  /** Whippy runs: days before the watermark read again, so runs still active are updated (default 7). */
  runsLookbackDays?: number | undefined;
  /** Called after every committed page, with the stream and its counts so far. */
  onProgress?: ((stream: string, report: StreamReport) => void) | undefined;
}

function vendorOf(client: unknown): SyncVendor {
  if (client instanceof CloseClient) return 'close';
  if (client instanceof WhippyClient) return 'whippy';
  if (client instanceof ClarionClient) return 'clarion';
  throw new InvalidRequestError('sync', [{ path: 'client', message: 'must be a CloseClient, WhippyClient or ClarionClient' }]);
}

/** The streams asked for, checked against the vendor's (in the vendor's order). */
export function pickStreams(vendor: SyncVendor, asked: readonly string[] | undefined): string[] {
  const known = SYNC_STREAMS[vendor];
  const unknown = (asked ?? []).filter((stream) => !known.includes(stream));
  if (unknown.length > 0) {
    throw new InvalidRequestError('sync', [
      {
        path: 'streams',
        message: `${vendor} has no stream ${unknown.map((s) => JSON.stringify(s)).join(', ')}: its streams are ${known.join(', ')}`,
      },
    ]);
  }
  if (asked === undefined || asked.length === 0) return [...DEFAULT_STREAMS[vendor]];
  return known.filter((stream) => asked.includes(stream));
}

function runStream(run: StreamRun, options: SyncOptions): Promise<void> {
  const { client } = options;
  if (client instanceof CloseClient) return syncCloseStream(run, client);
  if (client instanceof WhippyClient) return syncWhippyStream(run, client, options.runsLookbackDays);
  return syncClarionStream(run, client);
}

/**
 * Keeps tables `<vendor>_<stream>` current: the first run takes a snapshot, later runs read
 * only what changed where the vendor allows it (Close's event log, Whippy runs by start time).
 * Every page is committed with the stream's state, so a killed sync continues where it stopped.
 * @example const report = await sync({ client: close, db: 'pulls.sqlite' });
 */
export async function sync(options: SyncOptions): Promise<SyncReport> {
  const vendor = vendorOf(options.client);
  const streams = pickStreams(vendor, options.streams);
  const sink = sinkFor(options.db);
  const report: SyncReport = { vendor, streams: {}, warnings: [] };
  const warn = (line: string) => report.warnings.push(line);
  const now = options.now ?? (() => new Date());
  try {
    await sink.open(streams.map((stream) => `${vendor}_${stream}`));
    await sink.lock(vendor);
    // Every state is checked before the first request: a corrupted row stops the sync with nothing changed.
    const states = [];
    for (const stream of streams)
      states.push(parseState(await sink.readState(vendor, stream), `${sink.label}: _sync_state row ${vendor}/${stream}`));
    for (const [index, stream] of streams.entries()) {
      options.signal?.throwIfAborted();
      const run = new StreamRun({ sink, vendor, stream, state: states[index], now, warn, signal: options.signal });
      report.streams[stream] = run.report;
      run.onCommit = () => options.onProgress?.(stream, run.report);
      await runStream(run, options);
      if (run.report.mode === 'incremental') for (const gap of run.state.gaps ?? []) run.warn(`still ${gap} (since its last snapshot)`);
    }
  } finally {
    await sink.close();
  }
  return report;
}
