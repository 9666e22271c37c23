import { afterAll, describe, expect, it } from 'vitest';
import { isoDateTime } from '../../src/core/filters.js';
import { checkInput } from '../../src/core/schema.js';
import { InvalidRequestError } from '../../src/index.js';

// Node re-reads process.env.TZ when it is assigned, so each case below runs under that zone (the
// offset check proves it did, so these tests cannot pass by running in UTC).
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const ZONES = [
  ['America/New_York', 300],
  ['Asia/Kolkata', -330],
  ['Pacific/Chatham', -825],
] as const;

const send = (value: unknown) => checkInput(isoDateTime, value, 'filter');

describe.each(ZONES)('dates under TZ=%s', (zone, januaryOffset) => {
  it('runs under that zone', () => {
    process.env.TZ = zone;
    expect(new Date('2026-01-31T10:00:00Z').getTimezoneOffset()).toBe(januaryOffset);
  });

  it('refuses a date-time without a zone rather than reading it in the machine zone', () => {
    process.env.TZ = zone;
    for (const zoneless of ['2026-01-31T10:00:00', '2026-01-31T10:00', '2026-01-31 10:00:00.123']) {
      expect(() => send(zoneless)).toThrow(InvalidRequestError);
      expect(() => send(zoneless)).toThrow(/needs a time zone/);
    }
  });

  it('sends a Date and the same instant written with a zone as the same string', () => {
    process.env.TZ = zone;
    const instant = '2026-01-31T15:00:00.000Z';
    expect(send(new Date(instant))).toBe(instant);
    expect(send('2026-01-31T15:00:00Z')).toBe(instant);
    expect(send('2026-01-31T10:00:00-05:00')).toBe(instant);
    expect(send('2026-01-31T20:30:00+05:30')).toBe(instant);
  });

  it('reads a date alone as midnight UTC, whatever the zone', () => {
    process.env.TZ = zone;
    expect(send('2026-01-31')).toBe('2026-01-31T00:00:00.000Z');
  });
});

describe('dates of the wrong kind', () => {
  it('refuses a number, null or an object by saying what a date input is', () => {
    for (const value of [1767225600000, null, {}]) {
      expect(() => send(value)).toThrow(/must be a Date or an ISO 8601 date or date-time/);
    }
  });

  it('refuses an Invalid Date and a day that does not exist as not a real date', () => {
    expect(() => send(new Date('nonsense'))).toThrow(/is not a real date/);
    expect(() => send('2026-02-30')).toThrow(/is not a real date/);
  });
});
