/** A vendor `sync` keeps tables of. */
export type SyncVendor = 'close' | 'whippy' | 'clarion';

/** What one stream's run did. */
export interface StreamReport {
  /** `snapshot`: the whole list was read (or its reading continued); `incremental`: only changes. */
  mode: 'snapshot' | 'incremental';
  /** Rows added to the table. */
  inserted: number;
  /** Rows rewritten (whether or not a field changed). */
  updated: number;
  /** Rows removed: deleted at the vendor. */
  deleted: number;
  /** Requests the stream made (pages and objects asked for; the client's retries not counted). */
  requests: number;
  /** False when the vendor refused part of the list (Close's `_skip` maximum): see the warnings. */
  complete: boolean;
}

/** What a {@link sync} run did, stream by stream. */
export interface SyncReport {
  vendor: SyncVendor;
  streams: Record<string, StreamReport>;
  /** One line each: an incomplete stream, a new snapshot after the event log's 30 days. */
  warnings: string[];
}

/** A pass over a stream that is under way: saved with every committed page, so a killed run continues it. */
export interface PassState {
  mode: 'snapshot' | 'incremental';
  /** When the pass started (ISO 8601): rows a snapshot did not stamp after it are deleted at its end. */
  startedAt: string;
  /** The parents a per-parent stream walks (Close sequences for subscriptions, Whippy sequences for runs). */
  parents?: string[] | undefined;
  /** The parent being read (index into `parents`). */
  index: number;
  /** Offset of the next page within the current list. */
  offset: number;
  /** Incremental Whippy runs: the start time the lists read from. */
  after?: string | undefined;
  /** What the vendor refused in this pass (one line each). */
  gaps: string[];
}

/** A stream's row in `_sync_state`. */
export interface StreamState {
  version: 1;
  /** Where the next incremental run reads from (ISO 8601); absent until a first pass completed. */
  watermark?: string | undefined;
  /** What the last snapshot could not read: the stream stays incomplete until a new snapshot. */
  gaps?: string[] | undefined;
  /** The pass under way, absent between complete runs. */
  pass?: PassState | undefined;
}
