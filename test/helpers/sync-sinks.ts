// The sinks every sync test runs against: one row per database (a `db` for `sync()` and a way to
// read its tables back). PostgreSQL is the server the global setup starts (test/setup/services.ts).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { inject } from 'vitest';
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

/** Runs `use` on a connection to the shared test server, its search_path set to `schema`. */
export async function withPostgres<T>(schema: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`);
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A fresh schema of the shared PostgreSQL (the global setup's), reached by `?schema=`. */
function postgres(): SinkUnderTest {
  const schema = `sync_${randomUUID().replaceAll('-', '')}`;
  const url = new URL(inject('postgresUrl'));
  url.searchParams.set('schema', schema);
  const exists = async (client: pg.Client, table: string) =>
    (await client.query('SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [schema, table])).rowCount! > 0;
  return {
    db: url.toString(),
    rows: (table) =>
      withPostgres(schema, async (client) => {
        const rows = (await exists(client, table)) ? (await client.query(`SELECT id, json FROM "${table}"`)).rows : [];
        return new Map(rows.map((row: { id: string; json: unknown }) => [row.id, row.json]));
      }),
    exec: (sql) => withPostgres(schema, async (client) => void (await client.query(sql))),
    state: (vendor, stream) =>
      withPostgres(schema, async (client) => {
        if (!(await exists(client, '_sync_state'))) return undefined;
        const { rows } = await client.query('SELECT state FROM _sync_state WHERE vendor = $1 AND stream = $2', [vendor, stream]);
        return rows[0]?.state as unknown;
      }),
  };
}

/** Every sink the sync is tested on. */
export const SINKS: SinkFactory[] = [
  { name: 'sqlite', make: sqlite },
  { name: 'postgres', make: postgres },
];
