import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { loadSqlite, openSqliteFile } from './sqlite-load.js';
import { ItemTable, quoteName } from './sqlite-table.js';
import { pullInto, type PullInput, type PullOptions, type ResumableSink } from './resumable.js';
import type { PullState } from './walk.js';

/** The table in the same database that keeps each pull's state: one row per pull key. */
export const PULLS_TABLE = '_sequence_apis_pulls';

/** Items per transaction, at least: fewer commits cost less than the state granularity they buy. */
const DEFAULT_BATCH = 5_000;

/** Options of {@link SqliteSink} and {@link pullToSqlite}. */
export interface SqliteOptions {
  /** The database: a file path (created on the first item) or an open `DatabaseSync` (left open). */
  db: string | DatabaseSync;
  /** The table the items go to, e.g. `whippy_runs`. */
  table: string;
  /** Names the pull in the state table (default: the table name). */
  key?: string;
  /** Items per transaction at least (default 5,000): a commit per row would be slower than the pull. */
  batchSize?: number;
}

/**
 * Writes a pull into a SQLite table (`id` primary key, `json`, a column per top-level scalar), in transactions of at least
 * `batchSize` items, each committing its items together with the pull's state: after any crash
 * the state names exactly the items the table holds.
 */
export class SqliteSink<T> implements ResumableSink<T> {
  readonly #options: SqliteOptions;
  readonly #key: string;
  #db: DatabaseSync | undefined;
  #table: ItemTable | undefined;
  #pending: T[] = [];
  #state: PullState | undefined;

  constructor(options: SqliteOptions) {
    this.#options = options;
    this.#key = options.key ?? options.table;
  }

  /** The state saved by an earlier run of this pull, if the database holds one. */
  async saved(): Promise<PullState | undefined> {
    if (typeof this.#options.db === 'string' && !existsSync(this.#options.db)) return undefined;
    const db = await this.#open();
    const row = db.prepare(`SELECT state FROM ${quoteName(PULLS_TABLE)} WHERE key = ?`).get(this.#key);
    return row ? (JSON.parse(String(row.state)) as PullState) : undefined;
  }

  /** Loads node:sqlite before the first request (a runtime without it fails here, having fetched nothing); the file opens on the first item. */
  async begin(): Promise<void> {
    if (typeof this.#options.db === 'string') await loadSqlite();
  }

  /** Queues a page; commits once `batchSize` items wait, or when the pull is complete. */
  async write(items: T[], state: PullState): Promise<void> {
    for (const item of items) this.#pending.push(item);
    this.#state = state;
    if (state.complete || this.#pending.length >= (this.#options.batchSize ?? DEFAULT_BATCH)) await this.#commit();
  }

  /** Commits what waits (also after a failure: those items are whole) and closes a database it opened. */
  async close(): Promise<void> {
    try {
      if (this.#pending.length > 0) await this.#commit();
    } finally {
      if (typeof this.#options.db === 'string') this.#db?.close();
      this.#db = undefined;
    }
  }

  async #commit(): Promise<void> {
    const db = await this.#open();
    this.#table ??= new ItemTable(db, this.#options.table);
    db.exec('BEGIN');
    try {
      for (const item of this.#pending) this.#table.put(item);
      if (this.#state) {
        db.prepare(
          `INSERT INTO ${quoteName(PULLS_TABLE)} (key, table_name, state, complete, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET state = excluded.state, complete = excluded.complete, updated_at = excluded.updated_at`,
        ).run(this.#key, this.#options.table, JSON.stringify(this.#state), this.#state.complete ? 1 : 0, new Date().toISOString());
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    this.#pending = [];
  }

  async #open(): Promise<DatabaseSync> {
    if (this.#db) return this.#db;
    const target = this.#options.db;
    const db = typeof target === 'string' ? await openSqliteFile(target) : target;
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${quoteName(PULLS_TABLE)} (key TEXT PRIMARY KEY, table_name TEXT NOT NULL, state TEXT NOT NULL, complete INTEGER NOT NULL, updated_at TEXT NOT NULL)`,
    );
    this.#db = db;
    return db;
  }
}

/**
 * Pulls a list into a SQLite table; with `resume`, continues the unfinished pull saved in the
 * same database. Resolves with the final state (items, pages, the vendor's total).
 * @example await pullToSqlite(whippy.sequences.runs.list(seqId), { db: 'pull.db', table: 'whippy_runs' });
 */
export function pullToSqlite<T>(input: PullInput<T>, options: SqliteOptions & PullOptions): Promise<PullState> {
  return pullInto(input, new SqliteSink<T>(options), options);
}
