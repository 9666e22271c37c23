import type * as Sqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';
import { retentionMs, type ClaimResult, type DedupeStore, type DedupeStoreOptions } from '../core/dedupe.js';
import { SequenceSdkError } from '../core/errors.js';

/** Options of {@link sqliteDedupeStore}. */
export interface SqliteDedupeStoreOptions extends DedupeStoreOptions {
  /** The database file (created if missing). Every process on this host that receives the same events names the same file. */
  path: string;
  /** How long a statement waits for another process's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sequence_apis_dedupe (key TEXT PRIMARY KEY, token TEXT, done INTEGER NOT NULL, until INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sequence_apis_watermark (name TEXT PRIMARY KEY, value REAL NOT NULL, until INTEGER NOT NULL);`;

// One statement claims: a new key, or one whose lease (or retention) ran out, takes our token;
// RETURNING says whether it did. SQLite runs it under the write lock, so two processes never both win.
const CLAIM = `INSERT INTO sequence_apis_dedupe (key, token, done, until) VALUES (?1, ?2, 0, ?3)
ON CONFLICT (key) DO UPDATE SET token = excluded.token, done = 0, until = excluded.until WHERE sequence_apis_dedupe.until <= ?4
RETURNING token`;

async function open(options: SqliteDedupeStoreOptions): Promise<DatabaseSync> {
  let sqlite: typeof Sqlite;
  try {
    sqlite = await import('node:sqlite');
  } catch (cause) {
    throw new SequenceSdkError(
      "sqliteDedupeStore needs Node's built-in node:sqlite (Node 22.13 or later): use redisDedupeStore elsewhere",
      {
        cause,
      },
    );
  }
  const db = new sqlite.DatabaseSync(options.path);
  // busy_timeout first: switching to WAL itself needs the lock another process may hold.
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}

/**
 * A {@link DedupeStore} in a SQLite file (Node's built-in `node:sqlite`), safe for several
 * processes on one host sharing the file: WAL journal, a busy timeout, and each claim one atomic
 * statement. Not for a network file system (SQLite's locks do not hold there): use Redis across hosts.
 * The file opens on the first delivery; a failure to open answers that delivery 503.
 * @example const dedupe = sqliteDedupeStore({ path: './webhooks.sqlite' });
 */
export function sqliteDedupeStore(options: SqliteDedupeStoreOptions): DedupeStore & {
  /** Closes the database file (the store is done). */
  close(): Promise<void>;
} {
  if (typeof options?.path !== 'string' || options.path === '') throw new SequenceSdkError('sqliteDedupeStore needs { path }');
  const retention = retentionMs(options);
  let db: Promise<DatabaseSync> | undefined;
  let completed = 0;
  const database = () => {
    db ??= open(options);
    db.catch(() => (db = undefined)); // a later delivery tries again
    return db;
  };
  return {
    async claim(key, token, leaseMs, now): Promise<ClaimResult> {
      const sql = await database();
      const won = sql.prepare(CLAIM).get(key, token, now + leaseMs, now);
      if (won?.token === token) return { state: 'claimed' };
      const row = sql.prepare('SELECT done, until FROM sequence_apis_dedupe WHERE key = ?').get(key) as
        { done: number; until: number } | undefined;
      if (row?.done) return { state: 'done' };
      // Released or expired between the two statements: say busy briefly rather than loop here.
      return { state: 'busy', retryAfterMs: Math.max(1, (row?.until ?? now) - now) };
    },
    async complete(key, now) {
      (await database())
        .prepare('INSERT OR REPLACE INTO sequence_apis_dedupe (key, token, done, until) VALUES (?, NULL, 1, ?)')
        .run(key, now + retention);
      if (++completed % 1000 === 0) (await database()).prepare('DELETE FROM sequence_apis_dedupe WHERE until <= ?').run(now);
    },
    async release(key, token) {
      (await database()).prepare('DELETE FROM sequence_apis_dedupe WHERE key = ? AND token = ? AND done = 0').run(key, token);
    },
    async watermark(name, now) {
      const row = (await database()).prepare('SELECT value FROM sequence_apis_watermark WHERE name = ? AND until > ?').get(name, now);
      return row ? Number(row.value) : undefined;
    },
    async raiseWatermark(name, value, now) {
      (await database())
        .prepare(
          `INSERT INTO sequence_apis_watermark (name, value, until) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE SET
           value = CASE WHEN sequence_apis_watermark.until <= ?4 THEN excluded.value ELSE max(value, excluded.value) END, until = excluded.until`,
        )
        .run(name, value, now + retention, now);
    },
    async close() {
      const open = db;
      db = undefined;
      await open?.then((sql) => sql.close()).catch(() => undefined);
    },
  };
}
