import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { InvalidRequestError } from '../core/errors.js';

/** A quoted SQLite identifier: any name is safe inside it. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

type Cell = string | number | null;

/** A top-level field's value as a column cell, or `undefined` when it is not a scalar. */
function scalar(value: unknown): Cell | undefined {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0; // SQLite has no boolean type
  return undefined;
}

/**
 * One table of items: `id` primary key, `json` (the item exactly as received) and a column per
 * top-level scalar field, added as fields appear. Columns carry no declared type, so values keep
 * the type they arrived with. Writes are upserts: a re-run changes rows, never duplicates them.
 */
export class ItemTable {
  readonly #db: DatabaseSync;
  readonly #name: string;
  readonly #columns: string[] = [];
  readonly #known = new Set<string>(['id', 'json']);
  #upsert: StatementSync | undefined;

  constructor(db: DatabaseSync, name: string) {
    this.#db = db;
    this.#name = quoteName(name);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.#name} ("id" PRIMARY KEY NOT NULL, "json" TEXT NOT NULL)`);
    for (const row of db.prepare(`PRAGMA table_info(${this.#name})`).all()) {
      const column = String(row.name);
      if (!this.#known.has(column)) this.#columns.push(column);
      this.#known.add(column);
    }
  }

  /** Inserts or updates one item (inside the caller's transaction). */
  put(item: unknown): void {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InvalidRequestError('SQLite row', [{ path: '', message: 'each item must be an object' }]);
    }
    const record = item as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new InvalidRequestError('SQLite row', [{ path: 'id', message: 'each item needs a string or number id for the primary key' }]);
    }
    for (const key in record) if (!this.#known.has(key) && scalar(record[key]) !== undefined) this.#addColumn(key);
    const values: Cell[] = [id, JSON.stringify(item)];
    for (const column of this.#columns) values.push(scalar(record[column]) ?? null);
    this.#statement().run(...values);
  }

  #addColumn(column: string): void {
    this.#db.exec(`ALTER TABLE ${this.#name} ADD COLUMN ${quoteName(column)}`);
    this.#columns.push(column);
    this.#known.add(column);
    this.#upsert = undefined;
  }

  #statement(): StatementSync {
    if (this.#upsert) return this.#upsert;
    const names = ['id', 'json', ...this.#columns].map(quoteName);
    const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
    this.#upsert = this.#db.prepare(
      `INSERT INTO ${this.#name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
    );
    return this.#upsert;
  }
}
