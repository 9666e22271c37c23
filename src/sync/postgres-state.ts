import { SyncDatabaseError } from './errors.js';
import { quoteIdent } from './postgres-columns.js';
import type { PgClientLike } from './postgres-types.js';
import { STATE_TABLE } from './sqlite-sink.js';
import type { StreamState, SyncVendor } from './types.js';

const COLUMNS = ['vendor', 'stream', 'state', 'mode', 'watermark', 'complete', 'updated_at'];

/** `_sync_state` in PostgreSQL: the SQLite sink's columns, typed (`state jsonb`, `watermark timestamptz`). */
export class PgStateTable {
  readonly #qualified: string;

  private constructor(schema: string) {
    this.#qualified = `${quoteIdent(schema)}.${quoteIdent(STATE_TABLE)}`;
  }

  /** The table as it exists, checked; undefined when there is none. */
  static async check(client: PgClientLike, schema: string): Promise<PgStateTable | undefined> {
    const { rows } = await client.query(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [schema, STATE_TABLE],
    );
    if (rows.length === 0) return undefined;
    const missing = COLUMNS.filter((column) => !rows.some((row) => row.name === column));
    if (missing.length > 0) {
      throw new SyncDatabaseError(`table ${STATE_TABLE} has another layout (no ${missing.join(', ')} column): not one sequence-apis wrote`);
    }
    return new PgStateTable(schema);
  }

  /** Creates it if it is still missing. */
  static async create(client: PgClientLike, schema: string): Promise<PgStateTable> {
    const table = new PgStateTable(schema);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table.#qualified} (vendor text NOT NULL, stream text NOT NULL, state jsonb NOT NULL, mode text,
        watermark timestamptz, complete boolean NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (vendor, stream))`,
    );
    return table;
  }

  /** A stream's state as stored (pg parses jsonb), or undefined. */
  async read(client: PgClientLike, vendor: SyncVendor, stream: string): Promise<unknown> {
    const { rows } = await client.query(`SELECT state FROM ${this.#qualified} WHERE vendor = $1 AND stream = $2`, [vendor, stream]);
    return rows[0]?.state ?? undefined;
  }

  /** Saves a stream's state (inside the page's transaction). */
  async write(client: PgClientLike, vendor: SyncVendor, stream: string, state: StreamState): Promise<void> {
    const complete = state.pass === undefined && (state.gaps?.length ?? 0) === 0;
    await client.query(
      `INSERT INTO ${this.#qualified} (vendor, stream, state, mode, watermark, complete, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (vendor, stream) DO UPDATE SET state = EXCLUDED.state, mode = EXCLUDED.mode, watermark = EXCLUDED.watermark,
         complete = EXCLUDED.complete, updated_at = EXCLUDED.updated_at`,
      [vendor, stream, JSON.stringify(state), state.pass?.mode ?? null, state.watermark ?? null, complete],
    );
  }
}
