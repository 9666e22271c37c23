// `sequence-apis/sync` (Node only): keep tables of a vendor's sequence data current in a database.
export { sync, pickStreams, SYNC_STREAMS, type SyncOptions } from './sync.js';
export type { StreamReport, SyncReport, SyncVendor, StreamState, PassState } from './types.js';
export type { SyncSink, SyncTransaction, UpsertCounts } from './sink.js';
export { SqliteSyncSink, STATE_TABLE, SYNCED_AT } from './sqlite-sink.js';
export { LOCKS_TABLE } from './sqlite-lock.js';
export { parseDbTarget, sinkFor, type DbTarget, type PostgresPoolTarget } from './target.js';
export { PostgresSyncSink, type PostgresTarget } from './postgres-sink.js';
export type { PgPoolLike, PgPoolClientLike, PgClientLike, PgResult } from './postgres-types.js';
export { SyncBusyError, SyncDatabaseError } from './errors.js';
export { DEFAULT_RUNS_LOOKBACK_DAYS } from './whippy.js';
