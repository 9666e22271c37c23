import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { maximum, maxLength, minimum, minLength, regex, wholeNumber } from '../../src/core/filters.js';
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

describe('input bounds and patterns', () => {
  it('minLength, maxLength, minimum, maximum and regex refuse with their own message and pass what fits', () => {
    const name = z.string().check(minLength(1, 'must not be empty'), maxLength(3, 'must be at most 3 characters'));
    const count = z.number().check(minimum(1, 'must be at least 1'), maximum(5, 'must be at most 5'));
    const word = z.string().check(regex(/^[a-z]+$/, 'must be a lower-case word'));
    expect(checkInput(name, 'abc', 'name')).toBe('abc');
    expect(() => checkInput(name, '', 'name')).toThrow(/must not be empty/);
    expect(() => checkInput(name, 'abcd', 'name')).toThrow(/must be at most 3 characters/);
    expect(checkInput(count, 5, 'count')).toBe(5);
    expect(() => checkInput(count, 0, 'count')).toThrow(/must be at least 1/);
    expect(() => checkInput(count, 6, 'count')).toThrow(/must be at most 5/);
    expect(() => checkInput(word, 'Abc', 'word')).toThrow(/must be a lower-case word/);
  });
});
