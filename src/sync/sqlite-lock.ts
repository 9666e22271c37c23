import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { SyncBusyError } from './errors.js';

/** The table holding each vendor's sync lock: one row while a sync runs. */
export const LOCKS_TABLE = '_sync_locks';

/** A lock another host holds counts as abandoned when it has not been refreshed for this long. */
const STALE_MS = 15 * 60_000;

/** Locks this process holds (a second sync in the same process must see the first as running). */
const held = new Set<string>();

interface LockRow {
  pid: number;
  host: string;
  token: string;
  started_at: string;
  heartbeat_at: string;
}

/** Whether a process of this host runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the sync that wrote `row` still runs: same process (its token held), same host (its pid alive), else a recent heartbeat. */
function running(row: LockRow): boolean {
  if (row.host !== hostname()) return Date.now() - Date.parse(row.heartbeat_at) < STALE_MS;
  if (row.pid === process.pid) return held.has(row.token);
  return processAlive(row.pid);
}

/**
 * One sync per vendor and database: a row in `_sync_locks`, taken in an immediate transaction
 * (so two starting syncs cannot both take it). A row left by a killed sync is taken over.
 */
export class SqliteLock {
  readonly #db: DatabaseSync;
  readonly #token = randomUUID();
  #vendor: string | undefined;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${LOCKS_TABLE}" (vendor TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, token TEXT NOT NULL, started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL)`,
    );
  }

  /** Takes the vendor's lock, or throws naming the sync that holds it; `label` names the database. */
  take(vendor: string, label: string): void {
    const db = this.#db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const row = db.prepare(`SELECT * FROM "${LOCKS_TABLE}" WHERE vendor = ?`).get(vendor) as LockRow | undefined;
      if (row && running(row)) {
        throw new SyncBusyError(
          `another sync of ${vendor} into ${label} is running (pid ${row.pid} on ${row.host}, since ${row.started_at}): wait for it to finish`,
        );
      }
      const now = new Date().toISOString();
      db.prepare(`INSERT OR REPLACE INTO "${LOCKS_TABLE}" VALUES (?, ?, ?, ?, ?, ?)`).run(
        vendor,
        process.pid,
        hostname(),
        this.#token,
        now,
        now,
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    held.add(this.#token);
    this.#vendor = vendor;
  }

  /** Refreshes the heartbeat (inside the caller's transaction). */
  beat(): void {
    if (this.#vendor === undefined) return;
    this.#db
      .prepare(`UPDATE "${LOCKS_TABLE}" SET heartbeat_at = ? WHERE vendor = ? AND token = ?`)
      .run(new Date().toISOString(), this.#vendor, this.#token);
  }

  /** Lets go of the lock (only if this sync still holds it). */
  release(): void {
    held.delete(this.#token);
    if (this.#vendor === undefined) return;
    this.#db.prepare(`DELETE FROM "${LOCKS_TABLE}" WHERE vendor = ? AND token = ?`).run(this.#vendor, this.#token);
    this.#vendor = undefined;
  }
}
