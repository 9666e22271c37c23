import { retentionMs, type ClaimResult, type DedupeStore, type DedupeStoreOptions } from '../core/dedupe.js';
import { DedupeStoreError } from '../core/dedupe.js';
import { SequenceSdkError } from '../core/errors.js';

/** A `pg` Pool (or Client): anything with `query(text, values)`; yours to connect and end. */
export interface PgQueryable {
  /** Runs one statement with `$1…` parameters. */
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Options of {@link postgresDedupeStore}. */
export interface PostgresDedupeStoreOptions extends DedupeStoreOptions {
  /** A `pg` Pool every replica's store points at the same database with. */
  pool: PgQueryable;
  /** The schema of the two tables (default `public`; it must exist). The tables are created on first use. */
  schema?: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The claim is one statement: a new key, or one whose lease (or retention) ran out, takes our token.
// PostgreSQL's ON CONFLICT takes the row lock, so of two replicas claiming at once exactly one wins.
const claimSql = (t: string) => `INSERT INTO ${t} (key, token, done, until) VALUES ($1, $2, false, $3)
  ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, done = false, until = EXCLUDED.until WHERE ${t}.until <= $4
  RETURNING token`;

/**
 * A {@link DedupeStore} in PostgreSQL, shared by every replica on any host: a claim is one
 * `INSERT … ON CONFLICT DO UPDATE … WHERE` the lease ran out (atomic under the row lock), a lease
 * column holds the deadline, done keys are kept for the retention. Tables are created on first use.
 * @example const dedupe = postgresDedupeStore({ pool: new pg.Pool({ connectionString }) });
 */
export function postgresDedupeStore(options: PostgresDedupeStoreOptions): DedupeStore {
  if (typeof options?.pool?.query !== 'function') throw new SequenceSdkError('postgresDedupeStore needs { pool }, a pg Pool');
  const retention = retentionMs(options);
  const schema = ident(options.schema ?? 'public');
  const [keys, marks] = [`${schema}.sequence_apis_dedupe`, `${schema}.sequence_apis_watermark`];
  let ready: Promise<void> | undefined;
  let completed = 0;
  const query = async (text: string, values?: unknown[]) => {
    try {
      ready ??= options.pool
        .query(
          // One multi-statement query is one transaction: the lock keeps replicas from creating at once.
          `SELECT pg_advisory_xact_lock(1590318109, 1);
           CREATE TABLE IF NOT EXISTS ${keys} (key text PRIMARY KEY, token text, done boolean NOT NULL, until bigint NOT NULL);
           CREATE TABLE IF NOT EXISTS ${marks} (name text PRIMARY KEY, value double precision NOT NULL, until bigint NOT NULL)`,
        )
        .then(() => undefined);
      ready.catch(() => (ready = undefined)); // the next delivery tries again
      await ready;
      return (await options.pool.query(text, values)).rows;
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new DedupeStoreError(`the PostgreSQL dedupe store failed: ${message.replaceAll(/\s+/g, ' ')}`, { cause });
    }
  };
  return {
    async claim(key, token, leaseMs, now): Promise<ClaimResult> {
      const won = await query(claimSql(keys), [key, token, now + leaseMs, now]);
      if (won[0]?.token === token) return { state: 'claimed' };
      const [row] = await query(`SELECT done, until FROM ${keys} WHERE key = $1`, [key]);
      if (row?.done === true) return { state: 'done' };
      // Released or expired between the two statements: say busy briefly rather than loop here.
      return { state: 'busy', retryAfterMs: Math.max(1, Number(row?.until ?? now) - now) };
    },
    async complete(key, now) {
      await query(
        `INSERT INTO ${keys} (key, token, done, until) VALUES ($1, NULL, true, $2)
         ON CONFLICT (key) DO UPDATE SET token = NULL, done = true, until = EXCLUDED.until`,
        [key, now + retention],
      );
      if (++completed % 1000 === 0) await query(`DELETE FROM ${keys} WHERE until <= $1`, [now]);
    },
    async release(key, token) {
      await query(`DELETE FROM ${keys} WHERE key = $1 AND token = $2 AND NOT done`, [key, token]);
    },
    async watermark(name, now) {
      const [row] = await query(`SELECT value FROM ${marks} WHERE name = $1 AND until > $2`, [name, now]);
      return row ? Number(row.value) : undefined;
    },
    async raiseWatermark(name, value, now) {
      await query(
        `INSERT INTO ${marks} (name, value, until) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET
         value = CASE WHEN ${marks}.until <= $4 THEN EXCLUDED.value ELSE greatest(${marks}.value, EXCLUDED.value) END, until = EXCLUDED.until`,
        [name, value, now + retention, now],
      );
    },
  };
}
