import type { StreamState, SyncVendor } from './types.js';

/** Rows a page added and rewrote. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/**
 * One page's writes, committed together: rows, deletions and the stream's state, so that after
 * a crash the state names exactly what the tables hold.
 */
export interface SyncTransaction {
  /** Inserts or updates items (objects with an `id`) in `table`, stamping `_synced_at`. */
  upsert(table: string, items: readonly unknown[], syncedAt: string): Promise<UpsertCounts>;
  /** Deletes rows by id; resolves with how many there were. */
  delete(table: string, ids: readonly (string | number)[]): Promise<number>;
  /** Deletes the rows last stamped before `before` (a snapshot's sweep); resolves with how many. */
  deleteStale(table: string, before: string): Promise<number>;
  /** Saves a stream's state. */
  writeState(vendor: SyncVendor, stream: string, state: StreamState): Promise<void>;
  /** Commits the page: its rows, deletions and state, together. */
  commit(): Promise<void>;
  /** Drops the page: nothing of it is kept. */
  rollback(): Promise<void>;
}

/**
 * Where a sync writes: tables `<vendor>_<stream>` (`id` primary key, `json`, a column per
 * top-level scalar, `_synced_at`) and `_sync_state`. SQLite is the first implementation; any
 * other database implements the same few calls.
 */
export interface SyncSink {
  /** Names the database in messages (a path, or a URL without its password). */
  readonly label: string;
  /** Opens the database and checks (or creates) `tables` and the state table; refuses another layout. */
  open(tables: readonly string[]): Promise<void>;
  /** Takes the vendor's sync lock; throws {@link SyncBusyError} when another sync holds it. */
  lock(vendor: SyncVendor): Promise<void>;
  /** A stream's saved state, as stored (checked by the caller), or undefined. */
  readState(vendor: SyncVendor, stream: string): Promise<unknown>;
  /** Starts one page's transaction. */
  begin(): Promise<SyncTransaction>;
  /** Lets go of the lock and closes what `open` opened. */
  close(): Promise<void>;
}
