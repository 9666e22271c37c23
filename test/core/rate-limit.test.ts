import { describe, expect, it } from 'vitest';
import { parseRateLimitHeader, parseRetryAfter, readRateLimit, serverRetryDelay } from '../../src/core/rate-limit.js';

describe('rate-limit parsing', () => {
  it("reads Close's comma-separated RateLimit header", () => {
    expect(parseRateLimitHeader('limit=100, remaining=0, reset=1')).toEqual({ limit: 100, remaining: 0, resetMs: 1000 });
  });

  it('reads the semicolon-separated form seen in the wild, with fractional reset', () => {
    expect(parseRateLimitHeader('limit=160; remaining=159; reset=8.5')).toEqual({ limit: 160, remaining: 159, resetMs: 8500 });
  });

  it("reads the IETF draft's short keys", () => {
    expect(parseRateLimitHeader('"default";r=5;t=2')).toEqual({ remaining: 5, resetMs: 2000 });
  });

  it('ignores a malformed header instead of failing', () => {
    expect(parseRateLimitHeader('garbage')).toBeUndefined();
    expect(parseRateLimitHeader('limit=abc, remaining=-1')).toBeUndefined();
    expect(readRateLimit(new Headers({ ratelimit: ';;,,' }))).toBeUndefined();
  });

  it('reads legacy X-Rate-Limit-* headers and Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = new Headers({
      'x-rate-limit-limit': '20',
      'x-rate-limit-remaining': '3',
      'x-rate-limit-reset': '2',
      'retry-after': '4',
    });
    expect(readRateLimit(headers, undefined, now)).toEqual({ limit: 20, remaining: 3, resetMs: 2000, retryAfterMs: 4000 });
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
  });

  it('treats a reset that is a Unix timestamp as a point in time', () => {
    const now = 1_800_000_000_000;
    expect(readRateLimit(new Headers({ 'ratelimit-reset': String(now / 1000 + 7) }), undefined, now)?.resetMs).toBe(7000);
  });

  it('lets a vendor reader add its own header on top of the standard ones', () => {
    const reader = (h: Headers) => ({ resetMs: Number(h.get('x-ratelimit-remaining-interval-milliseconds')) });
    expect(readRateLimit(new Headers({ 'x-ratelimit-remaining-interval-milliseconds': '3000' }), reader)).toEqual({ resetMs: 3000 });
  });

  it('waits for the window reset on a 429, but only for Retry-After on a 503', () => {
    const rateLimit = { limit: 10, remaining: 3, resetMs: 1500, retryAfterMs: 2000 };
    expect(serverRetryDelay(429, rateLimit)).toBe(1500);
    expect(serverRetryDelay(503, rateLimit)).toBe(2000);
    expect(serverRetryDelay(503, { remaining: 3, resetMs: 1500 })).toBeUndefined();
    expect(serverRetryDelay(503, { remaining: 0, resetMs: 1500 })).toBe(1500);
    expect(serverRetryDelay(429, undefined)).toBeUndefined();
  });
});
