import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { InvalidRequestError, SequenceSdkError } from '../core/errors.js';

/** A quoted SQLite identifier: any name is safe inside it. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value SQLite stores in a column. */
export type Cell = string | number | null;

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
 * Pulls and syncs share it (a sync adds `_synced_at` through `put`'s `extra`).
 */
export class ItemTable {
  readonly #db: DatabaseSync;
  readonly #name: string;
  readonly #columns: string[] = [];
  readonly #known = new Set<string>(['id', 'json']);
  #upsert: StatementSync | undefined;

  /** Opens (or creates) the table; an existing table without `id` and `json` is refused, untouched. */
  constructor(db: DatabaseSync, name: string) {
    this.#db = db;
    this.#name = quoteName(name);
    const existing = db.prepare(`PRAGMA table_info(${this.#name})`).all();
    const names = existing.map((row) => String(row.name));
    const missing = ['id', 'json'].filter((column) => !names.includes(column));
    if (existing.length > 0 && missing.length > 0) {
      throw new SequenceSdkError(
        `table ${name} has another layout (no ${missing.map((c) => `"${c}"`).join(' or ')} column): not one sequence-apis wrote`,
      );
    }
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.#name} ("id" PRIMARY KEY NOT NULL, "json" TEXT NOT NULL)`);
    for (const column of names) {
      if (!this.#known.has(column)) this.#columns.push(column);
      this.#known.add(column);
    }
  }

  /** Inserts or updates one item (inside the caller's transaction); `extra` cells (e.g. `_synced_at`) override its fields. */
  put(item: unknown, extra?: Record<string, Cell>): void {
    const { id, record } = rowOf(item);
    for (const key in record) if (!this.#known.has(key) && scalar(record[key]) !== undefined) this.#addColumn(key);
    for (const key in extra) if (!this.#known.has(key)) this.#addColumn(key);
    const values: Cell[] = [id, JSON.stringify(item)];
    for (const column of this.#columns) values.push(extra && column in extra ? extra[column]! : (scalar(record[column]) ?? null));
    this.#statement().run(...values);
  }

  /** Which of these ids have a row (one query per 500 ids). */
  existing(ids: readonly (string | number)[]): Set<string | number> {
    const found = new Set<string | number>();
    for (let at = 0; at < ids.length; at += 500) {
      const chunk = ids.slice(at, at + 500);
      const sql = `SELECT "id" FROM ${this.#name} WHERE "id" IN (${chunk.map(() => '?').join(', ')})`;
      for (const row of this.#db.prepare(sql).all(...chunk)) found.add(row.id as string | number);
    }
    return found;
  }

  /** Deletes the row with this id; returns whether there was one. */
  remove(id: string | number): boolean {
    return Number(this.#db.prepare(`DELETE FROM ${this.#name} WHERE "id" = ?`).run(id).changes) > 0;
  }

  /** Deletes the rows whose `column` is below `value` (or null); returns how many. */
  removeBelow(column: string, value: Cell): number {
    if (!this.#known.has(column)) return 0;
    const name = quoteName(column);
    return Number(this.#db.prepare(`DELETE FROM ${this.#name} WHERE ${name} IS NULL OR ${name} < ?`).run(value).changes);
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

/** An item checked for a row: an object with a string or number id. */
export function rowOf(item: unknown): { id: string | number; record: Record<string, unknown> } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new InvalidRequestError('SQLite row', [{ path: '', message: 'each item must be an object' }]);
  }
  const record = item as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new InvalidRequestError('SQLite row', [{ path: 'id', message: 'each item needs a string or number id for the primary key' }]);
  }
  return { id, record };
}
