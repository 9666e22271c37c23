// The sinks every sync test runs against: one row per database. A PostgreSQL sink joins by adding
// a row here (a `db` for `sync()` and a way to read its tables back).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SyncSink } from '../../src/sync/index.js';

/** One database a sync writes into, and how a test reads it back. */
export interface SinkUnderTest {
  /** What `sync({ db })` and `--db` get. */
  db: string | SyncSink;
  /** The table's rows by id, `json` parsed (`_synced_at` left out). */
  rows(table: string): Promise<Map<string, unknown>>;
  /** Raw SQL, for tests that corrupt or inspect the database. */
  exec(sql: string): Promise<void>;
  /** A stream's state row, parsed. */
  state(vendor: string, stream: string): Promise<unknown>;
}

/** Makes a fresh, empty database in `dir`. */
export interface SinkFactory {
  name: string;
  /** Whether `--db` (the CLI and child processes) can reach it by a string. */
  make(dir: string): SinkUnderTest;
}

function sqlite(dir: string): SinkUnderTest {
  const path = join(dir, `${randomUUID()}.sqlite`);
  const withDb = <T>(use: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(path);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    db: path,
    rows: (table) =>
      Promise.resolve(
        withDb((db) => {
          const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
          const rows = exists ? db.prepare(`SELECT id, json FROM "${table}"`).all() : [];
          return new Map(rows.map((row) => [String(row.id), JSON.parse(String(row.json)) as unknown]));
        }),
      ),
    exec: (sql) => Promise.resolve(withDb((db) => void db.exec(sql))),
    state: (vendor, stream) =>
      Promise.resolve(
        withDb((db) => {
          const row = db.prepare('SELECT state FROM _sync_state WHERE vendor = ? AND stream = ?').get(vendor, stream);
          return row ? (JSON.parse(String(row.state)) as unknown) : undefined;
        }),
      ),
  };
}

/** Every sink the sync is tested on. */
export const SINKS: SinkFactory[] = [{ name: 'sqlite', make: sqlite }];
