import { describe, expect, it } from 'vitest';
import { wholeNumber } from '../../src/core/filters.js';
import { checkInput, jsonObject, openEnum } from '../../src/core/schema.js';
import { InvalidRequestError } from '../../src/index.js';

// The schema helpers that replaced zod's record, union and enum parsers (bundle size): same checks.
describe('schema helpers', () => {
  it('jsonObject keeps every key of an object and refuses an array, a string or null', () => {
    const query = { type: 'and', queries: [{ type: 'id', value: 'lead_1' }] };
    expect(checkInput(jsonObject(), query, 's_query')).toEqual(query);
    for (const value of [[], 'lead_1', null]) {
      expect(() => checkInput(jsonObject(), value, 's_query')).toThrow(InvalidRequestError);
      expect(() => checkInput(jsonObject(), value, 's_query')).toThrow(/expected object/);
    }
  });

  it('openEnum accepts a value the vendor adds later and refuses a non-string', () => {
    const status = openEnum<'active' | 'paused'>();
    expect(checkInput(status, 'archived', 'status')).toBe('archived');
    expect(() => checkInput(status, 1, 'status')).toThrow(/expected string, received number/);
  });
});

describe('wholeNumber', () => {
  it('accepts a safe integer and refuses a fraction, an unsafe integer or a numeric string', () => {
    expect(checkInput(wholeNumber(), 42, 'order')).toBe(42);
    expect(() => checkInput(wholeNumber(), 1.5, 'order')).toThrow(/must be a whole number/);
    expect(() => checkInput(wholeNumber(), 2 ** 53, 'order')).toThrow(/must be a whole number/);
    expect(() => checkInput(wholeNumber(), '42', 'order')).toThrow(/expected number, received string/);
  });
});
