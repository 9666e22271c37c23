import { InvalidRequestError } from '../core/errors.js';
import { SyncDatabaseError } from './errors.js';
import { cellOf, DATE_FIELDS, kindOfType, kindOfValue, quoteIdent, SQL_TYPE, widens, type ColumnKind } from './postgres-columns.js';
import type { PgClientLike } from './postgres-types.js';
import type { UpsertCounts } from './sink.js';

/** Names of prepared statements: unique within the process, so within every session. */
let statementCount = 0;

/** PostgreSQL refuses a statement with more than 65,535 parameters: a page is sent in chunks below it. */
export const MAX_PARAMETERS = 65_000;

const COLUMNS_OF = `SELECT a.attname AS name, t.typname AS type,
    EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS unique
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  WHERE n.nspname = $1 AND c.relname = $2`;

/**
 * One stream's table: `id text` primary key, `json jsonb`, `_synced_at timestamptz` and a typed
 * column per top-level scalar, added (inside the page's transaction) as fields appear. A page is
 * one multi-row `INSERT … ON CONFLICT (id) DO UPDATE` per chunk, never a statement per row.
 */
export class PgTable {
  readonly #name: string;
  readonly #qualified: string;
  #columns = new Map<string, ColumnKind>();
  #saved = new Map<string, ColumnKind>();
  /** The INSERTs this session has prepared, by text. */
  readonly #statements = new Map<string, string>();

  private constructor(schema: string, name: string) {
    this.#name = name;
    this.#qualified = `${quoteIdent(schema)}.${quoteIdent(name)}`;
  }

  /** The quoted identifier. */
  static quote = quoteIdent;

  /** The table as it exists, checked; undefined when there is none. A table of another layout is refused, untouched. */
  static async check(client: PgClientLike, schema: string, name: string): Promise<PgTable | undefined> {
    const { rows } = await client.query(COLUMNS_OF, [schema, name]);
    if (rows.length === 0) return undefined;
    const table = new PgTable(schema, name);
    table.#check(rows);
    table.#take(rows);
    return table;
  }

  /** Creates the table (if it is still missing) with the model's date columns. */
  static async create(client: PgClientLike, schema: string, name: string): Promise<PgTable> {
    const table = new PgTable(schema, name);
    const dates = (DATE_FIELDS[name] ?? []).map((field) => `, ${quoteIdent(field)} timestamptz`).join('');
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table.#qualified} (id text PRIMARY KEY, json jsonb NOT NULL, _synced_at timestamptz NOT NULL${dates})`,
    );
    return (await PgTable.check(client, schema, name))!;
  }

  #check(rows: Record<string, unknown>[]): void {
    const column = (name: string) => rows.find((row) => row.name === name);
    const missing = ['id', 'json'].filter((name) => !column(name));
    const reason =
      (missing.length > 0 ? `no ${missing.map((name) => `"${name}"`).join(' or ')} column` : undefined) ??
      (!column('_synced_at') ? 'no "_synced_at" column' : undefined) ??
      (!column('id')?.unique ? '"id" has no unique index' : undefined) ??
      (column('json')?.type !== 'jsonb' ? `"json" is ${String(column('json')?.type)}, not jsonb` : undefined);
    if (reason) throw new SyncDatabaseError(`table ${this.#name} has another layout (${reason}): not one sequence-apis wrote`);
  }

  #take(rows: Record<string, unknown>[]): void {
    this.#columns = new Map(rows.filter((row) => row.name !== 'json').map((row) => [String(row.name), kindOfType(String(row.type))]));
    this.#saved = new Map(this.#columns);
  }

  #statementName(text: string): string {
    let name = this.#statements.get(text);
    if (name === undefined) {
      name = `sequence_apis_upsert_${++statementCount}`;
      this.#statements.set(text, name);
    }
    return name;
  }

  /** The statements this table prepared (deallocated when a pooled session is given back). */
  get prepared(): string[] {
    return [...this.#statements.values()];
  }

  /** Forgets columns added in a transaction that was rolled back. */
  rolledBack(): void {
    this.#columns = new Map(this.#saved);
  }

  /** Keeps the columns a committed transaction added. */
  committed(): void {
    this.#saved = new Map(this.#columns);
  }

  /** Upserts a page of items (the last of a repeated id wins, counted as an update, as SQLite counts it). */
  async upsert(client: PgClientLike, items: readonly unknown[], syncedAt: string): Promise<UpsertCounts> {
    const byId = new Map<string, Record<string, unknown>>();
    for (const item of items) {
      const record = recordOf(item);
      byId.set(String(record.id), record);
    }
    const counts = { inserted: 0, updated: items.length - byId.size };
    await this.#addColumns(client, [...byId.values()]);
    const columns = [...this.#columns.keys()].filter((name) => name !== 'id' && name !== '_synced_at');
    const perRow = columns.length + 3;
    const records = [...byId.entries()];
    const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
    for (let start = 0; start < records.length; start += size) {
      const chunk = records.slice(start, start + size);
      const inserted = await this.#insert(client, chunk, columns, syncedAt);
      counts.inserted += inserted;
      counts.updated += chunk.length - inserted;
    }
    return counts;
  }

  async #insert(client: PgClientLike, chunk: [string, Record<string, unknown>][], columns: string[], syncedAt: string): Promise<number> {
    const values: unknown[] = [];
    const tuples = chunk.map(([id, record]) => {
      const first = values.length + 1;
      values.push(id, JSON.stringify(record), syncedAt);
      for (const column of columns) values.push(cellOf(this.#columns.get(column)!, record[column]));
      return `(${Array.from({ length: columns.length + 3 }, (_, i) => `$${first + i}`).join(', ')})`;
    });
    const names = ['id', 'json', '_synced_at', ...columns].map(quoteIdent);
    const updates = names.slice(1).map((name) => `${name} = EXCLUDED.${name}`);
    // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it rewrote.
    const text = `INSERT INTO ${this.#qualified} (${names.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} RETURNING (xmax = 0) AS inserted`;
    // Prepared once per session and shape (columns, rows): the pages after the first skip parsing and planning.
    const { rows } = await client.query({ name: this.#statementName(text), text, values });
    return rows.filter((row) => row.inserted === true).length;
  }

  async #addColumns(client: PgClientLike, records: Record<string, unknown>[]): Promise<void> {
    const added = new Map<string, ColumnKind>();
    const widened = new Set<string>();
    for (const record of records) {
      for (const key in record) {
        if (key === 'json') continue;
        const kind = this.#columns.get(key) ?? added.get(key);
        if (kind === undefined) {
          const fresh = kindOfValue(record[key]);
          if (fresh) added.set(key, fresh);
        } else if (widens(kind, record[key])) widened.add(key);
      }
    }
    for (const [column, first] of added) {
      const kind = widened.has(column) ? 'double' : first;
      await client.query(
        `ALTER TABLE ${this.#qualified} ADD COLUMN IF NOT EXISTS ${quoteIdent(column)} ${SQL_TYPE[kind === 'other' ? 'text' : kind]}`,
      );
      this.#columns.set(column, kind);
    }
    for (const column of widened) {
      if (added.has(column)) continue;
      await client.query(`ALTER TABLE ${this.#qualified} ALTER COLUMN ${quoteIdent(column)} TYPE double precision`);
      this.#columns.set(column, 'double');
    }
  }

  /** Deletes rows by id; resolves with how many there were. */
  async delete(client: PgClientLike, ids: readonly (string | number)[]): Promise<number> {
    const result = await client.query(`DELETE FROM ${this.#qualified} WHERE id = ANY($1::text[])`, [ids.map(String)]);
    return result.rowCount ?? 0;
  }

  /** Deletes the rows last stamped before `before` (a snapshot's sweep). */
  async deleteStale(client: PgClientLike, before: string): Promise<number> {
    const result = await client.query(`DELETE FROM ${this.#qualified} WHERE _synced_at < $1`, [before]);
    return result.rowCount ?? 0;
  }
}

/** An item checked for a row: an object with a string or number id. */
function recordOf(item: unknown): Record<string, unknown> {
  const record = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
  if (typeof record?.id !== 'string' && typeof record?.id !== 'number') {
    throw new InvalidRequestError('PostgreSQL row', [{ path: 'id', message: 'each item must be an object with a string or number id' }]);
  }
  return record;
}
