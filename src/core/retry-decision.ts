import { serverRetryDelay, type RateLimit } from './rate-limit.js';

/** Statuses worth another attempt: the server may answer differently in a moment. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * How one attempt failed, as the retry decision sees it:
 * - `status`: an HTTP answer that is not 2xx (its rate limit, if it announced one);
 * - `timeout`: no complete answer within the attempt's timeout (headers or body);
 * - `connection`: the connection failed; `refused` when it was never accepted;
 * - `body`: the headers arrived but the body was cut off mid-stream.
 */
export type AttemptOutcome =
  | { kind: 'status'; status: number; rateLimit: RateLimit | undefined }
  | { kind: 'timeout' }
  | { kind: 'connection'; refused: boolean }
  | { kind: 'body' };

/** Everything the decision depends on; nothing else is read. */
export interface RetryInput {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** Retries allowed after the first attempt: the call makes at most `maxRetries + 1` requests. */
  maxRetries: number;
  /** Whether resending is safe after an ambiguous failure (not for a POST). */
  idempotent: boolean;
  outcome: AttemptOutcome;
  /** Longest server-requested wait accepted (the client's `maxRetryAfter`). */
  maxRetryAfter: number;
}

/** Retry after `waitMs`, or give up (the failure is the call's result). */
export type RetryDecision = { retry: true; waitMs: number } | { retry: false };

/** A backoff schedule: the first wait, doubled per retry up to the cap. */
export interface BackoffTiming {
  baseMs: number;
  maxMs: number;
}

/** The client's own backoff schedule: 0.5 s, 1 s, 2 s … capped at 8 s. */
export const DEFAULT_BACKOFF: Readonly<BackoffTiming> = { baseMs: 500, maxMs: 8_000 };

/**
 * The schedule clients use. Internal and not exported from the package: the test setup shortens
 * it (test/setup/fast-backoff.ts) so that no test sleeps real seconds.
 */
export const backoffTiming: BackoffTiming = { ...DEFAULT_BACKOFF };

/** The client's own wait before retry `retry` (1-based). */
export function backoff(retry: number, timing: BackoffTiming = backoffTiming): number {
  return Math.min(timing.baseMs * 2 ** (retry - 1), timing.maxMs);
}

const GIVE_UP: RetryDecision = { retry: false };

/** Whether this failure may be resent at all, whatever the budget. */
function retryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  switch (outcome.kind) {
    case 'status':
      // 429 means the server refused the request unprocessed: safe to resend for any method.
      return RETRY_STATUSES.has(outcome.status) && (idempotent || outcome.status === 429);
    case 'connection':
      // A refused connection never reached a server, so even a POST is safe to resend.
      return idempotent || outcome.refused;
    case 'timeout':
    case 'body':
      return idempotent;
  }
}

/**
 * The retry decision, a pure function (given `random`): one budget (`maxRetries`) for every kind
 * of failure. A server's timing (Retry-After, a spent RateLimit window) is honoured as given,
 * capped at `maxRetryAfter`; otherwise the client's own backoff, jittered so that many clients do
 * not retry in step.
 */
export function decideRetry(input: RetryInput, timing: BackoffTiming = backoffTiming, random: () => number = Math.random): RetryDecision {
  const { attempt, outcome } = input;
  if (attempt > input.maxRetries || !retryable(outcome, input.idempotent)) return GIVE_UP;
  const server = outcome.kind === 'status' ? serverRetryDelay(outcome.status, outcome.rateLimit) : undefined;
  if (server !== undefined) return { retry: true, waitMs: Math.min(server, input.maxRetryAfter) };
  return { retry: true, waitMs: jittered(backoff(attempt, timing), random) };
}

/** Jitter for the client's own backoff: 75-100% of it. */
export function jittered(ms: number, random: () => number = Math.random): number {
  return ms * (0.75 + random() * 0.25);
}

/** A short name for the failure, for logs: the status, or the kind of failure. */
export function describeOutcome(outcome: AttemptOutcome): string {
  return outcome.kind === 'status' ? String(outcome.status) : outcome.kind;
}
