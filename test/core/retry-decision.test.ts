import { describe, expect, it } from 'vitest';
import { backoff, decideRetry, DEFAULT_BACKOFF, type AttemptOutcome, type RetryInput } from '../../src/core/retry-decision.js';

const status = (code: number, rateLimit?: { remaining?: number; resetMs?: number; retryAfterMs?: number }): AttemptOutcome => ({
  kind: 'status',
  status: code,
  rateLimit,
});
const timeout: AttemptOutcome = { kind: 'timeout' };
const reset: AttemptOutcome = { kind: 'connection', refused: false };
const refused: AttemptOutcome = { kind: 'connection', refused: true };
const cutOff: AttemptOutcome = { kind: 'body' };

type Row = [string, Partial<RetryInput> & { outcome: AttemptOutcome }, number | 'give up'];

// attempt 1 of a GET with maxRetries 2 unless the row says otherwise; waits with DEFAULT_BACKOFF, unjittered.
const TABLE: Row[] = [
  ['GET 503, first retry: 0.5 s backoff', { outcome: status(503) }, 500],
  ['GET 503, second retry: 1 s backoff', { attempt: 2, outcome: status(503) }, 1_000],
  ['GET 503 after the budget is spent', { attempt: 3, outcome: status(503) }, 'give up'],
  ['GET 503 with maxRetries 0', { maxRetries: 0, outcome: status(503) }, 'give up'],
  ['backoff caps at 8 s', { attempt: 9, maxRetries: 20, outcome: status(500) }, 8_000],
  ['GET 400 is never retried', { outcome: status(400) }, 'give up'],
  ['GET 404 is never retried', { outcome: status(404) }, 'give up'],
  ['GET 503 with Retry-After honours it', { outcome: status(503, { retryAfterMs: 2_000 }) }, 2_000],
  ['GET 429: the window reset wins over Retry-After', { outcome: status(429, { resetMs: 300, retryAfterMs: 5_000 }) }, 300],
  ['a server wait is capped at maxRetryAfter', { maxRetryAfter: 100, outcome: status(429, { retryAfterMs: 3_600_000 }) }, 100],
  ['GET timeout', { outcome: timeout }, 500],
  ['GET connection reset', { outcome: reset }, 500],
  ['GET body cut off after the headers', { outcome: cutOff }, 500],
  ['GET body cut off after the budget is spent', { attempt: 3, outcome: cutOff }, 'give up'],
  ['POST 429: refused unprocessed, resent', { idempotent: false, outcome: status(429) }, 500],
  ['POST refused connection: never reached a server, resent', { idempotent: false, outcome: refused }, 500],
  ['POST 503 is never resent', { idempotent: false, outcome: status(503) }, 'give up'],
  ['POST 500 is never resent', { idempotent: false, outcome: status(500) }, 'give up'],
  ['POST timeout is never resent', { idempotent: false, outcome: timeout }, 'give up'],
  ['POST connection reset is never resent', { idempotent: false, outcome: reset }, 'give up'],
  ['POST body cut off is never resent', { idempotent: false, outcome: cutOff }, 'give up'],
];

describe('decideRetry: (attempt, idempotent, outcome) -> wait | give up', () => {
  it.each(TABLE)('%s', (_name, row, expected) => {
    const input: RetryInput = { attempt: 1, maxRetries: 2, idempotent: true, maxRetryAfter: 60_000, ...row };
    // random() = 1: no jitter, so the table shows the schedule itself.
    const decision = decideRetry(input, DEFAULT_BACKOFF, () => 1);
    expect(decision.retry ? decision.waitMs : 'give up').toBe(expected);
  });

  it('jitters only the client backoff (75-100% of it), never a server-timed wait', () => {
    const base = { attempt: 1, maxRetries: 2, idempotent: true, maxRetryAfter: 60_000 };
    expect(decideRetry({ ...base, outcome: status(503) }, DEFAULT_BACKOFF, () => 0)).toEqual({ retry: true, waitMs: 375 });
    expect(decideRetry({ ...base, outcome: status(503, { retryAfterMs: 1_000 }) }, DEFAULT_BACKOFF, () => 0)).toEqual({
      retry: true,
      waitMs: 1_000,
    });
  });

  it('doubles the default backoff from 0.5 s up to 8 s', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoff(retry, DEFAULT_BACKOFF))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });
});
