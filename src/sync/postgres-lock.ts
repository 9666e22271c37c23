import { hostname } from 'node:os';
import { SyncBusyError } from './errors.js';
import { processAlive } from './sqlite-lock.js';
import type { PgClientLike } from './postgres-types.js';

/** The first key of every sequence-apis advisory lock (so other applications' locks never collide). */
const NAMESPACE = 0x5e9a_5c1d & 0x7fff_ffff;

/** A 31-bit FNV-1a hash: the second key, one per schema and vendor. */
function keyOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash & 0x7fff_ffff;
}

/** The two keys of a vendor's lock in a schema (`pg_advisory_lock(k1, k2)`). */
export function advisoryKeys(schema: string, vendor: string): [number, number] {
  return [NAMESPACE, keyOf(`${schema}.${vendor}`)];
}

const HOLDER = `SELECT a.pid, a.application_name, host(a.client_addr) AS client, a.backend_start
  FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2 AND l.granted`;

/** What a sync names itself in `application_name`: who holds a lock, for the sync that finds it taken. */
export function applicationName(vendor: string): string {
  // PostgreSQL keeps 63 bytes of it.
  return `sequence-apis sync ${vendor} pid ${process.pid} on ${hostname()}`.slice(0, 63);
}

/**
 * One sync per vendor and schema: a session-level advisory lock, which PostgreSQL releases when
 * the session ends however it ends (a kill -9 of the sync closes its socket), so no stale lock
 * is ever left behind. A sync finding it taken refuses in one line naming the holder.
 */
export class PgLock {
  readonly #keys: [number, number];
  readonly #ddlKey: number;
  #held = false;

  constructor(schema: string, vendor: string) {
    this.#keys = advisoryKeys(schema, vendor);
    this.#ddlKey = keyOf(`${schema} tables`);
  }

  /**
   * Takes the lock on `client`'s session, or throws naming the sync that holds it; `label` names the
   * database. A holder that was a process of this host, now gone (kill -9), is waited for: its
   * session ends as soon as PostgreSQL notices the closed socket.
   */
  async take(client: PgClientLike, vendor: string, label: string): Promise<void> {
    await client.query("SELECT set_config('application_name', $1, false)", [applicationName(vendor)]);
    const giveUp = Date.now() + DEAD_HOLDER_WAIT_MS;
    for (;;) {
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS ok', this.#keys);
      if (rows[0]?.ok === true) return void (this.#held = true);
      const holder = (await client.query(HOLDER, this.#keys)).rows[0];
      if (!(deadHere(holder, vendor) && Date.now() < giveUp)) {
        throw new SyncBusyError(`another sync of ${vendor} into ${label} is running (${describeHolder(holder)}): wait for it to finish`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Runs `create` (CREATE … IF NOT EXISTS) in a transaction holding the schema's DDL lock: syncs of
   * two vendors may create the shared `_sync_state` (or the schema) at the same moment.
   */
  async createLocked(client: PgClientLike, create: () => Promise<void>): Promise<void> {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [NAMESPACE, this.#ddlKey]);
      await create();
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Lets go of the lock (a pooled session lives on, so it must be let go of explicitly). */
  async release(client: PgClientLike): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    await client.query('SELECT pg_advisory_unlock($1, $2)', this.#keys);
  }
}

/** How long a sync waits for the session of a killed sync of this host to end. */
const DEAD_HOLDER_WAIT_MS = 30_000;

/** Whether the holder was a sync of this host whose process is gone, or its session is ending. */
function deadHere(row: Record<string, unknown> | undefined, vendor: string): boolean {
  // No holder, or one already gone from pg_stat_activity: a session that is ending.
  if (!row || row.application_name === null) return true;
  const pid = /^sequence-apis sync \S+ pid (\d+) on /.exec(typeof row.application_name === 'string' ? row.application_name : '')?.[1];
  if (pid === undefined) return false;
  const name = `sequence-apis sync ${vendor} pid ${pid} on ${hostname()}`.slice(0, 63);
  return row.application_name === name && !processAlive(Number(pid));
}

/** `pid 123 on host-a, PostgreSQL backend 456 from 10.0.0.7, since …`, from what pg_stat_activity shows. */
function describeHolder(row: Record<string, unknown> | undefined): string {
  if (!row) return 'it ended a moment ago: run the sync again';
  const name = typeof row.application_name === 'string' ? row.application_name : '';
  const ours = /^sequence-apis sync \S+ (pid \d+ on .+)$/.exec(name)?.[1];
  const who = ours ?? `application ${JSON.stringify(name || 'unnamed')}`;
  const from = typeof row.client === 'string' ? ` from ${row.client}` : '';
  const since = row.backend_start instanceof Date ? `, since ${row.backend_start.toISOString()}` : '';
  return `${who}, PostgreSQL backend ${String(row.pid)}${from}${since}`;
}
