import type * as Sqlite from 'node:sqlite';
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
