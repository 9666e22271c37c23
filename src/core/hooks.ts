import type { LeveledLogger } from './logger.js';
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

/** Passed to `onPacing` when the client holds a call back to keep to the vendor's rate limit. */
export interface PacingEvent {
  /** Milliseconds the call waits before it is sent. */
  waitMs: number;
  /** Which budget is spent (e.g. the vendor's documented rate, its write limit, a 429's hold). */
  reason: string;
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
  /** Called when pacing holds a call back (no request was refused: the client waits before sending). */
  onPacing?: (event: PacingEvent) => void;
}

/** Runs a hook; a hook that throws is logged and never changes the call. */
export function notify<E>(hook: ((event: E) => void) | undefined, event: E, logger: LeveledLogger): void {
  if (hook === undefined) return;
  try {
    hook(event);
  } catch (error) {
    logger.warn('a client hook threw (ignored)', error);
  }
}
