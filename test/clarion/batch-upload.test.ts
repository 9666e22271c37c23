import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BatchUploadError } from '../../src/clarion/index.js';
import { InternalServerError, type InvalidRequestError } from '../../src/index.js';
import { patientRows, useClarionFake } from '../helpers/clarion.js';

const clarion = useClarionFake();

describe('clarion.sequences.batchUpload', () => {
  it('uploads 250 rows as 3 calls of 100, 100 and 50 and merges the result as if one call was made', async () => {
    const rows = patientRows(250);
    clarion.fake.doNotCall.add(rows[5]!.phoneNumber).add(rows[150]!.phoneNumber).add(rows[249]!.phoneNumber);
    rows[120]!.dateOfBirth = '15/01/1990';
    const before = clarion.fake.sequences.size;
    const result = await clarion
      .client()
      .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows, next_activity_date: '2026-12-01T15:00:00Z' });
    expect(clarion.fake.uploads).toEqual([
      { rows: 100, validateOnly: false },
      { rows: 100, validateOnly: false },
      { rows: 50, validateOnly: false },
    ]);
    expect(result).toEqual({
      valid: false,
      total_attempted: 250,
      valid_count: 247,
      created_count: 247,
      calls: 3,
      errors: [
        { row: 5, chunk_row: 5, chunk: 0, message: 'Phone number is on the do-not-call list' },
        { row: 150, chunk_row: 50, chunk: 1, message: 'Phone number is on the do-not-call list' },
        { row: 249, chunk_row: 49, chunk: 2, message: 'Phone number is on the do-not-call list' },
      ],
      warnings: [{ row: 120, chunk_row: 20, chunk: 1, message: 'dateOfBirth is not YYYY-MM-DD; it was ignored' }],
    });
    expect(clarion.fake.sequences.size - before).toBe(247);
    expect(clarion.fake.requests[0]?.body).toMatchObject({
      sequence_definition_id: clarion.definitionId(),
      next_activity_date: '2026-12-01T15:00:00.000Z',
    });
  });

  it('created sequences are then listed and retrievable', async () => {
    await clarion.client().sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows: patientRows(3) });
    const all = await clarion.client().sequences.list().toArray({ limit: 100 });
    const mine = all.filter((s) => s.inputs?.some((input) => input.name === 'firstName' && input.value === 'First2'));
    expect(mine).toHaveLength(1);
    expect((await clarion.client().sequences.retrieve(mine[0]!.id)).status).toBe('queued');
  });

  it('with validate_only checks every chunk and creates nothing', async () => {
    const before = clarion.fake.sequences.size;
    const result = await clarion
      .client()
      .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows: patientRows(201), validate_only: true });
    expect(result).toMatchObject({ valid: true, total_attempted: 201, valid_count: 201, created_count: 0, calls: 3 });
    expect(clarion.fake.uploads.map((u) => u.validateOnly)).toEqual([true, true, true]);
    expect(clarion.fake.sequences.size).toBe(before);
  });

  it('keeps camelCase row keys and normalises the phone', async () => {
    await clarion.client().sequences.batchUpload({
      sequence_definition_id: clarion.definitionId(),
      rows: [
        { phoneNumber: '+1 (555) 123-4567', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-01-15', preferredLanguage: 'en' },
      ],
    });
    expect(clarion.fake.requests[0]?.body).toEqual({
      sequence_definition_id: clarion.definitionId(),
      rows: [{ phoneNumber: '+15551234567', firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-01-15', preferredLanguage: 'en' }],
    });
  });

  it('says which rows were created when a later chunk fails, and does not resend it', async () => {
    let calls = 0;
    const original = clarion.fake.handle.bind(clarion.fake);
    clarion.fake.handle = async (request: Request) =>
      ++calls === 2 ? Response.json({ error: 'upstream EHR timeout' }, { status: 502 }) : original(request);
    const error = (await clarion
      .client()
      .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows: patientRows(250) })
      .catch((e: unknown) => e)) as BatchUploadError;
    expect(error).toBeInstanceOf(BatchUploadError);
    expect(error.result).toMatchObject({ created_count: 100, total_attempted: 100, calls: 1 });
    expect(error.failedAt).toBe(100);
    expect(error.message).toMatch(
      /failed at row 100 of 250: rows 0-99 were sent in 1 earlier call\(s\), which created 100 sequence\(s\) \(0 row error\(s\)\); rows 100-249 were not sent/,
    );
    expect(error.cause).toBeInstanceOf(InternalServerError);
    expect(calls).toBe(2);
  });

  it.each([
    ['a row without firstName', [{ phoneNumber: '+15551234567', lastName: 'X' }], 'rows[0].firstName'],
    [
      'a snake_case key',
      [{ phoneNumber: '+15551234567', firstName: 'A', lastName: 'B', date_of_birth: '1990-01-01' }],
      'rows[0].date_of_birth',
    ],
    ['a malformed phone', [{ phoneNumber: 'call me', firstName: 'A', lastName: 'B' }], 'rows[0].phoneNumber'],
    ['no rows', [], 'rows'],
  ])('refuses %s before sending', async (_, rows, field) => {
    const error = (await clarion
      .client()
      .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows: rows as never })
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.field).toBe(field);
    expect(clarion.fake.requestCount).toBe(0);
  });

  it('never logs a patient row at any log level unless logBodies is on', async () => {
    const lines: string[] = [];
    const write = (...args: unknown[]) => lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
    const logger = { debug: write, info: write, warn: write, error: write };
    const rows = [{ phoneNumber: '+15557654321', firstName: 'Philippa', lastName: 'Patientname', dateOfBirth: '1961-07-04' }];
    clarion.fake.doNotCall.add('+15557654321');
    for (const logLevel of ['debug', 'info', 'warn', 'error'] as const) {
      await clarion
        .client({ logger, logLevel, validation: 'lenient' })
        .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows });
      await clarion
        .client({ logger, logLevel })
        .sequences.stop(clarion.sequenceIn('completed'))
        .catch(() => undefined);
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of ['Philippa', 'Patientname', '1961-07-04', '5557654321', 'do-not-call', 'cannot be stopped']) {
      expect(lines.join('\n')).not.toContain(secret);
    }
    await clarion
      .client({ logger, logLevel: 'debug', logBodies: true })
      .sequences.batchUpload({ sequence_definition_id: clarion.definitionId(), rows });
    expect(lines.join('\n')).toContain('Philippa');
  });
});
