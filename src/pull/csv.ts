import { stringify } from 'csv-stringify/sync';
import { flatten } from './flatten.js';

/**
 * What CSV output does with cells a spreadsheet would evaluate as formulas (OWASP "CSV
 * Injection"): `'escape'` (default) prefixes them with `'`, `'keep'` writes them as received.
 */
export type CsvFormulas = 'escape' | 'keep';

// Excel, LibreOffice and Google Sheets start a formula at `=`, `+`, `-` or `@`, also after leading
// whitespace; a leading tab or carriage return can hide one. OWASP lists exactly these.
const FORMULA = /^[\s\u00a0\ufeff]*[=+\-@]|^[\t\r]/;
// A plain number (`-12.5`, `+15550102000`, `1e3`) is read as a number, never as a formula: left alone.
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The cell as a spreadsheet must read it: one that would start a formula gets a leading `'`,
 * which spreadsheets take as "text" and do not show. Plain numbers and E.164 phones stay as they are.
 */
export function escapeFormula(cell: string): string {
  return FORMULA.test(cell) && !PLAIN_NUMBER.test(cell.trim()) ? `'${cell}` : cell;
}

/** Turns items into CSV text: nested fields become dotted columns, formulas are neutralised. */
export class CsvEncoder {
  /** The header's columns, fixed by the first item. */
  columns: string[] | undefined;
  readonly #dropped = new Set<string>();
  readonly #formulas: CsvFormulas;

  constructor(formulas: CsvFormulas = 'escape', columns?: string[]) {
    this.#formulas = formulas;
    this.columns = columns;
  }

  /** The CSV text of `items`, with the header first when these are the first items. */
  encode(items: readonly unknown[]): string {
    if (items.length === 0) return '';
    const rows = items.map((item) => flatten(item));
    const header = this.columns === undefined;
    const columns = (this.columns ??= Object.keys(rows[0]!));
    const known = new Set(columns);
    const cell = this.#formulas === 'keep' ? (text: string) => text : escapeFormula;
    const records = rows.map((row) => {
      for (const key of Object.keys(row)) if (!known.has(key)) this.#dropped.add(key);
      return columns.map((column) => cell(row[column] ?? ''));
    });
    if (header) records.unshift(columns.map(cell));
    return stringify(records);
  }

  /** Columns seen after the header was written (they are not in the file). */
  droppedColumns(): string[] {
    return [...this.#dropped];
  }
}

/**
 * Items as one CSV document (header from the first item, dotted columns for nested fields), with
 * formula cells neutralised unless `formulas` is `'keep'`.
 */
export function toCsv(items: readonly unknown[], options: { formulas?: CsvFormulas } = {}): string {
  return new CsvEncoder(options.formulas).encode(items);
}
