// How a record's top-level scalars become typed PostgreSQL columns. The record itself is always
// kept whole in `json`; a column is a typed copy of one field, for queries and indexes.

/** The column types the sink creates, and how it treats a column of another type it finds. */
export type ColumnKind = 'text' | 'bigint' | 'double' | 'boolean' | 'timestamptz' | 'other';

/** The SQL type the sink declares for a kind. */
export const SQL_TYPE: Record<Exclude<ColumnKind, 'other'>, string> = {
  text: 'text',
  bigint: 'bigint',
  double: 'double precision',
  boolean: 'boolean',
  timestamptz: 'timestamptz',
};

/**
 * Fields the models type as dates (ISO 8601 strings on the wire, `z.string()` in models.ts, named
 * in each model's TSDoc): their columns are `timestamptz`, created with the table. Every other
 * column's type follows the first non-null value the sync sees.
 */
export const DATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  close_sequences: ['date_created', 'date_updated'],
  close_subscriptions: ['date_created', 'date_updated'],
  close_events: ['date_created', 'date_updated'],
  whippy_sequences: ['created_at', 'updated_at'],
  whippy_runs: ['created_at', 'updated_at'],
  whippy_sequence_contacts: ['scheduled_at', 'run_created_at', 'run_updated_at', 'created_at', 'updated_at'],
  clarion_sequences: ['created_at'],
};

/** The kind of a column PostgreSQL reports (`pg_type.typname`). */
export function kindOfType(typname: string): ColumnKind {
  if (['text', 'varchar', 'bpchar', 'name', 'citext'].includes(typname)) return 'text';
  if (['int8', 'int4', 'int2'].includes(typname)) return 'bigint';
  if (['float8', 'float4', 'numeric'].includes(typname)) return 'double';
  if (typname === 'bool') return 'boolean';
  if (typname === 'timestamptz' || typname === 'timestamp') return 'timestamptz';
  return 'other';
}

/** The kind a new column gets from its first value; undefined for null or a non-scalar (no column yet). */
export function kindOfValue(value: unknown): ColumnKind | undefined {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isSafeInteger(value) ? 'bigint' : 'double';
  return undefined;
}

// What PostgreSQL's timestamptz input takes from an API: a date, optionally a time and an offset.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

/** A parameter for `value` in a column of `kind`; null when it does not fit (the value stays in `json`). */
export function cellOf(kind: ColumnKind, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'timestamptz':
      return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
    case 'other':
      return typeof value === 'string' ? value : null;
  }
}

/** Whether a column of `kind` should widen to take `value` (an integer column meeting a fraction). */
export function widens(kind: ColumnKind, value: unknown): boolean {
  return kind === 'bigint' && typeof value === 'number' && Number.isFinite(value) && !Number.isSafeInteger(value);
}

/** A quoted PostgreSQL identifier: any name is safe inside it. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
