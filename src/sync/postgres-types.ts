// The parts of `pg` the PostgreSQL sink uses, as structural types: the package's declarations
// never reach the `sequence-apis/sync` types, so a project without `pg` still type-checks.

/** What a query resolves with. */
export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** One connection (session): a `pg` Client, or a client checked out of a Pool. */
export interface PgClientLike {
  /** Runs one statement with `$1…` parameters. */
  query(text: string, values?: unknown[]): Promise<PgResult>;
  /** Runs a named (prepared once per session) statement. */
  query(config: { name: string; text: string; values: unknown[] }): Promise<PgResult>;
  /** `error` arrives when the server or the network drops the connection while idle. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Removes the listener `on` added (a pooled client lives on after the sync). */
  off?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A client checked out of a pool: given back with `release` (with an error: destroyed instead). */
export interface PgPoolClientLike extends PgClientLike {
  /** Gives the connection back to the pool (with an error: the pool destroys it). */
  release(error?: Error | boolean): void;
}

/** A `pg` Pool, yours: the sync checks out one connection for its run and gives it back. */
export interface PgPoolLike {
  /** Checks out one connection. */
  connect(): Promise<PgPoolClientLike>;
}
