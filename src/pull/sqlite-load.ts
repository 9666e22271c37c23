import type * as Sqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';
import { SequenceSdkError } from '../core/errors.js';

/** The `node:sqlite` module, imported only when a pull writes SQLite. */
export type SqliteModule = typeof Sqlite;

/**
 * Loads Node's built-in SQLite (no native addon). `importer` is for tests. Throws one clear
 * error on a runtime without it (Node before 22.13 without `--experimental-sqlite`, Bun, Deno).
 */
export async function loadSqlite(importer: () => Promise<SqliteModule> = () => import('node:sqlite')): Promise<SqliteModule> {
  try {
    return await importer();
  } catch (cause) {
    const runtime = typeof process === 'object' && process.versions?.node ? `Node ${process.version}` : 'this runtime';
    throw new SequenceSdkError(
      `SQLite output needs Node's built-in node:sqlite (Node 22.13 or later, or 22.5 with --experimental-sqlite), which ${runtime} lacks: use NDJSON or CSV instead`,
      { cause },
    );
  }
}

/**
 * Opens (or creates) a database file as pulls and syncs write it. A file that is not SQLite is
 * refused with one line naming it, before anything is written to it.
 */
export async function openSqliteFile(path: string): Promise<DatabaseSync> {
  const { DatabaseSync } = await loadSqlite();
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    // Read first: a file that is not SQLite fails here, before a pragma could write to it.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // WAL without fsync: a commit hands its pages to the OS and goes on, so a killed or crashed
    // process loses no committed transaction; only an OS crash or power cut can (pull again then).
    // Waiting for the disk on every commit made a million-item pull 2.5x slower than NDJSON.
    // Bigger pages and cache suit rows of a kilobyte or more (page size only applies to a new file).
    // busy_timeout: a second writer (another pull or sync into the same file) waits its turn
    // instead of failing with "database is locked".
    db.exec(
      'PRAGMA busy_timeout = 30000; PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536',
    );
    return db;
  } catch (cause) {
    db?.close();
    const reason = cause instanceof Error ? cause.message : String(cause);
    const notSqlite = /not a database|malformed/i.test(reason);
    throw new SequenceSdkError(
      notSqlite ? `${path} is not a SQLite database sequence-apis can open (${reason})` : `cannot open ${path}: ${reason}`,
      {
        cause,
      },
    );
  }
}
