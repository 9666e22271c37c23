import type { RateLimit } from './rate-limit.js';

/** Why an attempt failed: an HTTP status, a timeout, a failed connection, or a body cut off after the headers. */
export type RetryReason = 'status' | 'timeout' | 'connection' | 'body';

/** Passed to `onRetry` before the client waits and sends a call again. */
export interface RetryEvent {
  /** The HTTP method of the call. */
  method: string;
  /** The full URL of the call. */
  url: string;
  /** The retry about to be made, 1-based (the call's attempt `retry + 1`). */
  retry: number;
  /** What went wrong with the previous attempt. */
  reason: RetryReason;
  /** The status of the failed attempt, when it got an HTTP answer (429 means rate-limited). */
  status?: number;
  /** Milliseconds the client waits before the retry (the server's timing, or its own backoff). */
  waitMs: number;
  /** The rate limit the failed answer announced, if any. */
  rateLimit?: RateLimit;
}

/** Passed to `onResponse` for every HTTP answer a call receives, successful or not, retried or not. */
export interface ResponseEvent {
  /** The HTTP method of the call. */
  method: string;
  /** The full URL of the call. */
  url: string;
  /** The HTTP status. */
  status: number;
  /** Which attempt of the call this answered, 1-based. */
  attempt: number;
  /** Milliseconds from the attempt being sent to its answer being read. */
  durationMs: number;
  /** The rate limit the answer announced, if any. */
  rateLimit?: RateLimit;
}

/**
 * Observers of a client's traffic, set in the client options. They are called synchronously and
 * must not throw (an exception is logged and ignored, never changing the call's result).
 */
export interface ClientHooks {
  /** Called before each retry, with why it happens and how long the client waits. */
  onRetry?: (event: RetryEvent) => void;
  /** Called for each HTTP answer received. */
  onResponse?: (event: ResponseEvent) => void;
}
