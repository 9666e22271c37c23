import * as z from 'zod/mini';
import type { DateInput } from './filter-builder.js';

export { FilterBuilder, resolveFilter } from './filter-builder.js';
export type { DateInput, FilterInput } from './filter-builder.js';

/**
 * A whole number (a safe integer). A refinement of `z.number()` rather than `z.int()`: the same
 * check, a plainer message, and no number-format parser in the bundles.
 */
export function wholeNumber(): z.ZodMiniNumber<number> {
  return z.number().check(z.refine(Number.isSafeInteger, 'must be a whole number'));
}

// ISO 8601 date or date-time: 2026-01-31, 2026-01-31T10:00Z, 2026-01-31T10:00:00.123+02:00, ...
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Ends in a zone: `Z`, or an offset such as `+02:00` / `-0500`.
const ZONED = /[Z+-][\d:]*$/;

/** True when the string's YYYY-MM-DD names a real day (`Date` would roll 2026-02-30 over to March). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Accepts a valid `Date` or zoned ISO 8601 string and sends it as the same instant in UTC ISO 8601.
 *
 * A date-time without a zone (`2026-01-31T10:00:00`) is refused, not guessed: `Date` would read it
 * in the machine's own zone, so one call would name a different instant on every server, and no
 * vendor documents which zone it assumes (Whippy's own payloads mix zoned and zoneless times).
 * Refusing keeps the instant what the caller wrote; adding `Z` or an offset is a one-character fix.
 */
export const isoDateTime = z.pipe(
  // One transform checks the type too: a `z.union` of `z.date()` and a string would bring zod's
  // union and date parsers into every bundle for this one field (and say only "Invalid input").
  z.custom<DateInput>(),
  z.transform((value: DateInput, ctx): string => {
    const problem = dateProblem(value);
    if (problem) {
      ctx.issues.push({ code: 'custom', message: problem, input: value });
      return z.NEVER;
    }
    return (value instanceof Date ? value : new Date(value)).toISOString();
  }),
);

/** What is wrong with a date input, or undefined when it is a real, zoned moment. */
function dateProblem(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is not a real date' : undefined;
  if (typeof value !== 'string' || !ISO_8601.test(value)) {
    return 'must be a Date or an ISO 8601 date or date-time, e.g. 2026-01-31T09:00:00Z';
  }
  // Longer than YYYY-MM-DD means a time of day was written: it needs its zone.
  if (value.length > 10 && !ZONED.test(value)) return 'needs a time zone: add Z or an offset such as -05:00';
  return Number.isNaN(new Date(value).getTime()) || !isCalendarDate(value) ? 'is not a real date' : undefined;
}

// Bounds and patterns of caller input as plain refinements: zod's own length, range and regex
// checks would each add a check class to the bundles, for checks that run once per call.

/** At least `min` characters or items. */
export function minLength<T extends { length: number }>(min: number, message: string): z.core.$ZodCheck<T> {
  return z.refine<T>((value) => value.length >= min, message);
}

/** At most `max` characters or items. */
export function maxLength<T extends { length: number }>(max: number, message: string): z.core.$ZodCheck<T> {
  return z.refine<T>((value) => value.length <= max, message);
}

/** A number of at least `min`. */
export function minimum(min: number, message: string): z.core.$ZodCheck<number> {
  return z.refine<number>((value) => value >= min, message);
}

/** A number of at most `max`. */
export function maximum(max: number, message: string): z.core.$ZodCheck<number> {
  return z.refine<number>((value) => value <= max, message);
}

/** A string matching `pattern` (not a global regex: `test` would then keep state). */
export function regex(pattern: RegExp, message: string): z.core.$ZodCheck<string> {
  return z.refine<string>((value) => pattern.test(value), message);
}

/** A page size: a whole number from 1 to `max`. */
export function pageLimit(max: number) {
  return wholeNumber().check(minimum(1, `must be at least 1`), maximum(max, `must be at most ${max} (the vendor's maximum)`));
}

/** A non-negative offset. */
export const pageOffset = wholeNumber().check(minimum(0, 'must be 0 or more'));

/** An id in a filter: a non-empty string without characters that could alter the query. */
export const filterId = z
  .string()
  .check(
    minLength(1, 'must not be empty'),
    maxLength(256, 'must be at most 256 characters'),
    regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  );

// Digits with an optional leading +. No length rule: Whippy documents only "no spaces" (whippy.md
// §2 E7) and Clarion only an E.164 example (clarion.md §3.6), and short codes are real numbers.
const PHONE = /^\+?\d+$/;

/**
 * A phone number as callers write it (`+1 555 010 2000`, `+1 (555) 010-2000`), sent without
 * spaces or formatting characters; anything that is not then digits (with an optional +) is refused.
 */
export const phoneNumber = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const compact = value.replace(/[\s().-]/g, '');
    if (!PHONE.test(compact)) {
      ctx.issues.push({ code: 'custom', message: 'must be a phone number such as +15550102000', input: value });
      return z.NEVER;
    }
    return compact;
  }),
);
