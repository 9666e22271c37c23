import type { DatabaseSync } from 'node:sqlite';
import { openSqliteFile } from '../pull/sqlite-load.js';
import { ItemTable, rowOf } from '../pull/sqlite-table.js';
import { SyncDatabaseError } from './errors.js';
import type { SyncSink, SyncTransaction, UpsertCounts } from './sink.js';
import { SqliteLock } from './sqlite-lock.js';
import type { StreamState, SyncVendor } from './types.js';

/** The table of every stream's state: one row per vendor and stream. */
export const STATE_TABLE = '_sync_state';

const STATE_COLUMNS = ['vendor', 'stream', 'state', 'mode', 'watermark', 'complete', 'updated_at'];

/** The stamp column a sync adds to the pull's layout. */
export const SYNCED_AT = '_synced_at';

/**
 * The SQLite sink of `sync` (`node:sqlite`): the pull's tables (`ItemTable`) plus `_synced_at`,
 * `_sync_state`, and a lock row per vendor. One transaction per page.
 */
export class SqliteSyncSink implements SyncSink {
  readonly label: string;
  readonly #target: string | DatabaseSync;
  #db: DatabaseSync | undefined;
  #lock: SqliteLock | undefined;
  readonly #tables = new Map<string, ItemTable>();

  /** `db`: a file path (created if missing) or an open `DatabaseSync` (left open). */
  constructor(db: string | DatabaseSync) {
    this.#target = db;
    this.label = typeof db === 'string' ? db : 'the database';
  }

  async open(tables: readonly string[]): Promise<void> {
    const db = typeof this.#target === 'string' ? await openSqliteFile(this.#target) : this.#target;
    this.#db = db;
    try {
      this.#checkStateTable(db);
      for (const table of tables) this.#tables.set(table, new ItemTable(db, table));
      this.#lock = new SqliteLock(db);
    } catch (error) {
      if (error instanceof SyncDatabaseError) throw error;
      throw new SyncDatabaseError(`${this.label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  #checkStateTable(db: DatabaseSync): void {
    const columns = db
      .prepare(`PRAGMA table_info("${STATE_TABLE}")`)
      .all()
      .map((row) => String(row.name));
    const missing = STATE_COLUMNS.filter((column) => !columns.includes(column));
    if (columns.length > 0 && missing.length > 0) {
      throw new SyncDatabaseError(
        `${this.label}: table ${STATE_TABLE} has another layout (no ${missing.join(', ')} column): not one sequence-apis wrote`,
      );
    }
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${STATE_TABLE}" (vendor TEXT NOT NULL, stream TEXT NOT NULL, state TEXT NOT NULL, mode TEXT, watermark TEXT, complete INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (vendor, stream))`,
    );
  }

  lock(vendor: SyncVendor): Promise<void> {
    this.#lock?.take(vendor, this.label);
    return Promise.resolve();
  }

  readState(vendor: SyncVendor, stream: string): Promise<unknown> {
    const row = this.#open().prepare(`SELECT state FROM "${STATE_TABLE}" WHERE vendor = ? AND stream = ?`).get(vendor, stream);
    return Promise.resolve(row?.state ?? undefined);
  }

  begin(): Promise<SyncTransaction> {
    const db = this.#open();
    db.exec('BEGIN IMMEDIATE');
    this.#lock?.beat();
    const table = (name: string) => {
      const found = this.#tables.get(name) ?? new ItemTable(db, name);
      this.#tables.set(name, found);
      return found;
    };
    return Promise.resolve({
      upsert: (name, items, syncedAt) => Promise.resolve(upsertAll(table(name), items, syncedAt)),
      delete: (name, ids) => Promise.resolve(ids.filter((id) => table(name).remove(id)).length),
      deleteStale: (name, before) => Promise.resolve(table(name).removeBelow(SYNCED_AT, before)),
      writeState: (vendor, stream, state) => Promise.resolve(writeState(db, vendor, stream, state)),
      commit: () => Promise.resolve(void db.exec('COMMIT')),
      rollback: () => Promise.resolve(void (db.isTransaction && db.exec('ROLLBACK'))),
    });
  }

  close(): Promise<void> {
    try {
      if (this.#db?.isOpen) this.#lock?.release();
    } finally {
      if (typeof this.#target === 'string' && this.#db?.isOpen) this.#db.close();
      this.#db = undefined;
    }
    return Promise.resolve();
  }

  #open(): DatabaseSync {
    if (!this.#db) throw new SyncDatabaseError(`${this.label} is not open`);
    return this.#db;
  }
}

function upsertAll(table: ItemTable, items: readonly unknown[], syncedAt: string): UpsertCounts {
  const known = table.existing(items.map((item) => rowOf(item).id));
  const stamp = { [SYNCED_AT]: syncedAt };
  for (const item of items) table.put(item, stamp);
  // A page listing one id twice counts it once, as the table holds it.
  const inserted = new Set(items.map((item) => rowOf(item).id).filter((id) => !known.has(id))).size;
  return { inserted, updated: items.length - inserted };
}

function writeState(db: DatabaseSync, vendor: SyncVendor, stream: string, state: StreamState): void {
  const complete = state.pass === undefined && (state.gaps?.length ?? 0) === 0 ? 1 : 0;
  db.prepare(
    `INSERT INTO "${STATE_TABLE}" (vendor, stream, state, mode, watermark, complete, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (vendor, stream) DO UPDATE SET state = excluded.state, mode = excluded.mode, watermark = excluded.watermark, complete = excluded.complete, updated_at = excluded.updated_at`,
  ).run(vendor, stream, JSON.stringify(state), state.pass?.mode ?? null, state.watermark ?? null, complete, new Date().toISOString());
}
