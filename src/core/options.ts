import { checkOptionKinds, LIST_OPTION_KINDS, REQUEST_OPTION_KINDS } from './client-options.js';
import { InvalidRequestError, type ValidationIssue } from './errors.js';
import type { ClientHooks } from './hooks.js';
import type { Logger, LogLevel } from './logger.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { AppInfo } from './user-agent.js';
import type { ValidationMode } from './schema.js';

/** Options every vendor client accepts, with the same names in all three (the hooks `onRetry` and `onResponse` included). */
export interface ClientOptions extends ClientHooks {
  /**
   * The API root including its version path, e.g. `https://api.close.com/api/v1`. Default: the
   * environment variable `CLOSE_BASE_URL`, `WHIPPY_BASE_URL` or `CLARION_BASE_URL`, else the vendor's.
   */
  baseUrl?: string;
  /** Milliseconds to wait for each attempt (default 60 000). */
  timeout?: number;
  /** Retries after the first attempt (default 2): a call makes at most `maxRetries + 1` requests, whatever failed. */
  maxRetries?: number;
  /** Longest wait, in ms, the client accepts from a server's retry timing (default 60 000). */
  maxRetryAfter?: number;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Where log lines go (default `console`). */
  logger?: Logger;
  /** Least severe level written (default `'warn'`). */
  logLevel?: LogLevel;
  /** Log request and response bodies at debug level (default false; never on by itself). */
  logBodies?: boolean;
  /** How responses are checked against the models (default `'strict'`). */
  validation?: ValidationMode;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Your application, added to the User-Agent: `sequence-apis/0.1.0 (node/24.1.0) MyApp/1.2.3`.
   * A `User-Agent` in `headers` (or a call's headers) replaces the whole header instead.
   */
  appInfo?: AppInfo;
  /**
   * Pace requests to the vendor's rate limit (default true): follow the window its responses
   * announce, and its documented rate where it announces none (Whippy: 25 requests a second).
   */
  pacing?: boolean;
  /** A request rate this client never exceeds (overrides the vendor's documented rate). */
  maxRequestsPerSecond?: number;
  /**
   * Where pacing keeps its state (default: this client's own, in this process). Give every
   * process on one credential the same shared store (`redisRateLimitStore` from
   * `sequence-apis/redis`) and they share one budget.
   */
  rateLimitStore?: RateLimitStore;
}

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  /** Aborts the call (and any retry wait) when signalled. */
  signal?: AbortSignal;
  /** Milliseconds to wait for each attempt of this call. */
  timeout?: number;
  /** Retries allowed for this call. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Options of a `list()` call. */
export interface ListOptions extends RequestOptions {
  /** Pages fetched ahead, in order, for bulk pulls (default 1: one page at a time). */
  concurrency?: number;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// No CR, LF or NUL: a header value must not be able to start a new header.
const HEADER_VALUE = /^[^\r\n\0]*$/;

/** Refuses header names and values that could inject headers. */
export function checkHeaders(headers: Record<string, string> | undefined, what: string): void {
  if (headers === undefined) return;
  const issues: ValidationIssue[] = [];
  if (typeof headers !== 'object' || headers === null) {
    throw new InvalidRequestError(what, [{ path: 'headers', message: 'must be an object of header names to values' }]);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) issues.push({ path: `headers.${name}`, message: 'is not a valid header name' });
    else if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      issues.push({ path: `headers.${name}`, message: 'must be a string without CR, LF or NUL characters' });
    }
  }
  if (issues.length > 0) throw new InvalidRequestError(what, issues);
}

/** Checks a number option: a finite integer within [min, max]. */
export function checkCount(value: number | undefined, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidRequestError('options', [{ path: field, message: `must be an integer from ${min} to ${max}` }]);
  }
}

/** Checks per-call options before anything is sent (a list's, `ListOptions`, with `list`). */
export function checkRequestOptions(options: RequestOptions | undefined, list = false): void {
  checkOptionKinds(options, list ? LIST_OPTION_KINDS : REQUEST_OPTION_KINDS, 'request options');
  if (options === undefined) return;
  checkHeaders(options.headers, 'request options');
  checkCount(options.timeout, 'timeout', 1, 2_147_483_647);
  checkCount(options.maxRetries, 'maxRetries', 0, 20);
}
