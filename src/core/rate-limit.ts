/** A rate limit as the vendor announced it in response headers. */
export interface RateLimit {
  /** Requests allowed in the current window. */
  limit?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** Milliseconds until the window resets. */
  resetMs?: number;
  /** Milliseconds the server asked the client to wait (`Retry-After`). */
  retryAfterMs?: number;
}

/** Reads vendor-specific rate-limit headers a vendor client adds on top of the standard ones. */
export type RateLimitReader = (headers: Headers) => Partial<RateLimit> | undefined;

// Values this large are Unix timestamps (seconds), not delays.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

function toNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = Number.parseFloat(value.trim());
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

function secondsToMs(seconds: number | undefined, now: number): number | undefined {
  if (seconds === undefined) return undefined;
  if (seconds > EPOCH_SECONDS_THRESHOLD) return Math.max(0, seconds * 1000 - now);
  return Math.round(seconds * 1000);
}

/**
 * Parses a structured `RateLimit` header, tolerant of both separators seen in the wild:
 * `limit=100, remaining=0, reset=1` and `limit=160; remaining=159; reset=8`,
 * plus the IETF draft's short keys (`r=`, `t=`). Returns undefined when nothing parses.
 */
export function parseRateLimitHeader(value: string, now = Date.now()): RateLimit | undefined {
  const fields: Record<string, number> = {};
  for (const part of value.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const number = toNumber(part.slice(eq + 1).replace(/"/g, ''));
    if (number !== undefined) fields[key] = number;
  }
  const result: RateLimit = {};
  const limit = fields.limit ?? fields.l;
  const remaining = fields.remaining ?? fields.r;
  const reset = secondsToMs(fields.reset ?? fields.t, now);
  if (limit !== undefined) result.limit = limit;
  if (remaining !== undefined) result.remaining = remaining;
  if (reset !== undefined) result.resetMs = reset;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const seconds = toNumber(value);
  if (seconds !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Reads every standard rate-limit header form from a response: the structured `RateLimit`,
 * `RateLimit-*`, `X-RateLimit-*`, `X-Rate-Limit-*` and `Retry-After`, then lets the vendor's
 * own reader add to it. Returns undefined when the response says nothing about rate limits.
 */
export function readRateLimit(headers: Headers, vendorReader?: RateLimitReader, now = Date.now()): RateLimit | undefined {
  // One pass over the (few) response headers instead of a dozen lookups: this runs on every response.
  let found: Record<string, string> | undefined;
  for (const [name, value] of headers) {
    if (name.includes('rate') || name === 'retry-after') (found ??= {})[name] = value;
  }
  const vendorPart = vendorReader?.(headers);
  if (found === undefined && vendorPart === undefined) return undefined;
  const get = (name: string) => found?.[name];
  const structured = get('ratelimit');
  const result: RateLimit = structured ? { ...parseRateLimitHeader(structured, now) } : {};
  for (const prefix of ['ratelimit-', 'x-ratelimit-', 'x-rate-limit-']) {
    result.limit ??= toNumber(get(`${prefix}limit`));
    result.remaining ??= toNumber(get(`${prefix}remaining`));
    result.resetMs ??= secondsToMs(toNumber(get(`${prefix}reset`)), now);
  }
  const retryAfterMs = parseRetryAfter(get('retry-after') ?? null, now);
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
  if (vendorPart) Object.assign(result, vendorPart);
  for (const key of Object.keys(result) as (keyof RateLimit)[]) {
    if (result[key] === undefined) delete result[key];
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * How long to wait before retrying, as the server asked. On a 429, or when the window is spent,
 * the window's reset wins (Close documents it as more precise than the rounded `Retry-After`);
 * otherwise only `Retry-After` counts. Undefined means "use backoff".
 */
export function serverRetryDelay(status: number, rateLimit: RateLimit | undefined): number | undefined {
  if (!rateLimit) return undefined;
  if (status === 429 || rateLimit.remaining === 0) return rateLimit.resetMs ?? rateLimit.retryAfterMs;
  return rateLimit.retryAfterMs;
}
