import { describePgError } from './postgres-errors.js';
import { loadPg } from './postgres-load.js';
import { PgLock } from './postgres-lock.js';
import { PgStateTable } from './postgres-state.js';
import { PgTable } from './postgres-table.js';
import { parsePostgresUrl, schemaExists } from './postgres-target.js';
import type { PgClientLike, PgPoolClientLike, PgPoolLike } from './postgres-types.js';
import type { SyncSink, SyncTransaction } from './sink.js';
import type { StreamState, SyncVendor } from './types.js';

/** Where the PostgreSQL sink writes: a URL (the sink opens and closes its connection) or your pool. */
export type PostgresTarget = { url: string; schema?: string | undefined } | { pool: PgPoolLike; schema?: string | undefined };

/** A connection for one sync: its own client from a URL, or one checked out of the user's pool. */
interface Session {
  client: PgClientLike;
  /** Ends the session (a URL's client) or gives it back (a pool's; destroyed when it broke). */
  close(broken: boolean): Promise<void>;
}

/**
 * The PostgreSQL sink of `sync` (`pg`, an optional peer, loaded only here): the SQLite sink's
 * tables and state in a schema (default `public`), one transaction per page, a session-level
 * advisory lock per vendor. Every failure is one line naming the database (no password).
 */
export class PostgresSyncSink implements SyncSink {
  readonly label: string;
  readonly #target: PostgresTarget;
  readonly #schema: string;
  readonly #user: string | undefined;
  #session: Session | undefined;
  #broken = false;
  #names: readonly string[] = [];
  readonly #tables = new Map<string, PgTable>();
  #state: PgStateTable | undefined;
  #lock: PgLock | undefined;

  constructor(target: PostgresTarget) {
    this.#target = target;
    if ('url' in target) {
      const parsed = parsePostgresUrl(target.url);
      this.label = parsed.label;
      this.#schema = target.schema ?? parsed.schema;
      this.#user = parsed.user;
    } else {
      this.#schema = target.schema ?? 'public';
      this.label = `the PostgreSQL pool (schema ${this.#schema})`;
    }
  }

  /** Connects and checks the layout of whatever already exists; creates nothing before the lock. */
  async open(tables: readonly string[]): Promise<void> {
    this.#names = tables;
    await this.#guard(async () => {
      this.#session = await this.#connect();
      const client = this.#client();
      // Close writes naive datetimes, in UTC: read them as UTC whatever the server's TimeZone.
      await client.query("SELECT set_config('TimeZone', 'UTC', false)");
      if (!(await schemaExists(client, this.#schema))) return;
      this.#state = await PgStateTable.check(client, this.#schema);
      for (const name of tables) {
        const table = await PgTable.check(client, this.#schema, name);
        if (table) this.#tables.set(name, table);
      }
    });
  }

  async #connect(): Promise<Session> {
    const target = this.#target;
    const onError = () => void (this.#broken = true);
    if ('pool' in target) {
      const client: PgPoolClientLike = await target.pool.connect();
      client.on('error', onError);
      return {
        client,
        close: async (broken) => {
          // The pool's next user gets the session as it was lent.
          if (!broken) await client.query('RESET application_name; RESET TimeZone').catch(() => (broken = true));
          client.off?.('error', onError);
          client.release(broken);
        },
      };
    }
    const pg = await loadPg();
    const { connectionString } = parsePostgresUrl(target.url);
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, keepAlive: true });
    client.on('error', onError);
    await client.connect();
    return { client, close: () => client.end() };
  }

  /** Takes the vendor's advisory lock, then creates the schema, tables and state table that are missing. */
  async lock(vendor: SyncVendor): Promise<void> {
    await this.#guard(async () => {
      const client = this.#client();
      this.#lock = new PgLock(this.#schema, vendor);
      await this.#lock.take(client, vendor, this.label);
      await this.#lock.createLocked(client, async () => {
        if (!(await schemaExists(client, this.#schema))) await client.query(`CREATE SCHEMA IF NOT EXISTS ${PgTable.quote(this.#schema)}`);
        this.#state ??= await PgStateTable.create(client, this.#schema);
        for (const name of this.#names)
          if (!this.#tables.has(name)) this.#tables.set(name, await PgTable.create(client, this.#schema, name));
      });
    });
  }

  readState(vendor: SyncVendor, stream: string): Promise<unknown> {
    return this.#guard(async () => (this.#state ? this.#state.read(this.#client(), vendor, stream) : undefined));
  }

  async begin(): Promise<SyncTransaction> {
    const client = this.#client();
    await this.#guard(() => client.query('BEGIN'));
    const table = (name: string) => {
      const found = this.#tables.get(name);
      if (!found) throw new Error(`table ${name} was not opened`);
      return found;
    };
    const guard = <T>(run: () => Promise<T>) => this.#guard(run);
    return {
      upsert: (name, items, syncedAt) => guard(() => table(name).upsert(client, items, syncedAt)),
      delete: (name, ids) => guard(() => table(name).delete(client, ids)),
      deleteStale: (name, before) => guard(() => table(name).deleteStale(client, before)),
      writeState: (vendor: SyncVendor, stream: string, state: StreamState) =>
        guard(() => this.#state!.write(client, vendor, stream, state)),
      commit: async () => {
        await guard(() => client.query('COMMIT'));
        for (const found of this.#tables.values()) found.committed();
      },
      rollback: async () => {
        for (const found of this.#tables.values()) found.rolledBack();
        // A lost connection rolled back by itself; the error that lost it is the one to report.
        await client.query('ROLLBACK').catch(() => (this.#broken = true));
      },
    };
  }

  /** Lets go of the lock and ends (or gives back) the session; never hides the error that ended the sync. */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    if (!this.#broken) await this.#lock?.release(session.client).catch(() => (this.#broken = true));
    const prepared = [...this.#tables.values()].flatMap((table) => table.prepared);
    // A pooled session lives on: it keeps none of the sync's prepared statements.
    if (!this.#broken && 'pool' in this.#target && prepared.length > 0) {
      await session.client.query(prepared.map((name) => `DEALLOCATE ${name}`).join('; ')).catch(() => (this.#broken = true));
    }
    await session.close(this.#broken).catch(() => undefined);
  }

  #client(): PgClientLike {
    if (!this.#session) throw describePgError(new Error('not connected'), this.label, this.#user);
    return this.#session.client;
  }

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw describePgError(error, this.label, this.#user);
    }
  }
}
