import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv } from '../../src/pull/index.js';
import { OWASP_PAYLOADS, readAsSpreadsheet } from '../helpers/spreadsheet.js';

/** Items carrying every payload in nested fields, beside values that must survive as they are. */
const items = OWASP_PAYLOADS.map((payload, i) => ({
  id: `r${i}`,
  status: payload,
  contact: { name: payload, email: `+${i}|calc`, phone: '+15550102000', address: { line1: payload } },
  amount: -12.5,
  score: '-3',
  ratio: '1e-3',
  started_at: '2026-01-01T09:00:00.000Z',
  tags: [payload],
}));

function cells(csv: string): { header: string[]; rows: Record<string, string>[] } {
  const rows: string[][] = parse(csv);
  return { header: rows[0]!, rows: rows.slice(1).map((row) => Object.fromEntries(row.map((cell, i) => [rows[0]![i]!, cell]))) };
}

describe('CSV formula neutralisation', () => {
  it(`leaves no cell a spreadsheet would run as a formula, for ${OWASP_PAYLOADS.length} OWASP payloads in nested, dotted columns`, () => {
    const { header, rows } = cells(toCsv(items));
    expect(header).toEqual(expect.arrayContaining(['contact.name', 'contact.address.line1', 'contact.phone']));
    for (const [i, row] of rows.entries()) {
      for (const [column, cell] of Object.entries(row))
        expect(readAsSpreadsheet(cell).kind, `${column}: ${JSON.stringify(cell)}`).not.toBe('formula');
      for (const column of ['status', 'contact.name', 'contact.address.line1']) {
        expect(readAsSpreadsheet(row[column]!)).toEqual({ kind: 'text', value: OWASP_PAYLOADS[i] });
      }
    }
  });

  it('keeps phones, negative numbers, exponents and ISO dates exactly as they came', () => {
    const { rows } = cells(toCsv(items));
    for (const row of rows) {
      expect(row).toMatchObject({
        'contact.phone': '+15550102000',
        amount: '-12.5',
        score: '-3',
        ratio: '1e-3',
        started_at: '2026-01-01T09:00:00.000Z',
      });
    }
    for (const plain of ['+15550102000', '-12.5', '+5', '-0.5e3', '42', '.5', '2026-01-01', 'plain text', ''])
      expect(escapeFormula(plain)).toBe(plain);
  });

  it('neutralises a formula in a column name too', () => {
    const { header } = cells(toCsv([{ id: 'x', '=cmd|calc': 1 }]));
    expect(header.map((cell) => readAsSpreadsheet(cell).kind)).not.toContain('formula');
  });

  it("writes every payload as received with formulas 'keep' (for programs, not spreadsheets)", () => {
    const { rows } = cells(toCsv(items, { formulas: 'keep' }));
    expect(rows.map((row) => row['contact.name'])).toEqual(OWASP_PAYLOADS);
    expect(rows.every((row) => readAsSpreadsheet(row.status!).kind === 'formula')).toBe(true);
  });
});
