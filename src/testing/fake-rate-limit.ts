// The rate limits a fake enforces when switched on: a fixed window or a token bucket.

/** A rate limit the fake enforces when switched on. */
export interface FakeRateLimit {
  /** Requests allowed per window (or the bucket's size). */
  limit: number;
  /** Window length in milliseconds (or the time the bucket takes to refill completely). */
  windowMs: number;
  /** `'window'` (default): a fixed window that resets; `'bucket'`: a token bucket refilling continuously. */
  kind?: 'window' | 'bucket';
  /** With `FakeApi.addRateLimit`: only requests with this method (and path part) count. */
  method?: string;
  path?: string | RegExp;
  /**
   * One window per endpoint group (method and route, e.g. `GET /sequence/:id/`) instead of one for
   * every request, as Close enforces its limits. Default: the fake's own (true for Close's fake).
   */
  perEndpoint?: boolean;
}

/** A rate limit with its state. */
export type Limiter = FakeRateLimit & { windowStart: number; used: number; tokens: number };

/** What one spent request leaves of a limit, for the vendor's rate-limit headers. */
export interface LimitLeft {
  limit: number;
  remaining: number;
  resetMs: number;
}

/** A limit starting now, full. */
export function newLimiter(rateLimit: FakeRateLimit): Limiter {
  return { ...rateLimit, windowStart: Date.now(), used: 0, tokens: rateLimit.limit };
}

/** Whether a request (method, path) counts against this limit. */
export function limiterApplies(limiter: Limiter, method: string, path: string): boolean {
  return (
    (limiter.method === undefined || limiter.method === method) &&
    (limiter.path === undefined || (typeof limiter.path === 'string' ? path.includes(limiter.path) : limiter.path.test(path)))
  );
}

/** Spends one request of the limit: what is left, or null when the limit is spent. */
export function spend(limiter: Limiter): LimitLeft | null {
  const now = Date.now();
  if (limiter.kind === 'bucket') {
    const perMs = limiter.limit / limiter.windowMs;
    limiter.tokens = Math.min(limiter.limit, limiter.tokens + (now - limiter.windowStart) * perMs);
    limiter.windowStart = now;
    if (limiter.tokens < 1) return null;
    limiter.tokens -= 1;
    return { limit: limiter.limit, remaining: Math.floor(limiter.tokens), resetMs: Math.ceil((limiter.limit - limiter.tokens) / perMs) };
  }
  if (now - limiter.windowStart >= limiter.windowMs) {
    limiter.windowStart = now;
    limiter.used = 0;
  }
  const resetMs = limiter.windowStart + limiter.windowMs - now;
  if (limiter.used >= limiter.limit) return null;
  limiter.used++;
  return { limit: limiter.limit, remaining: limiter.limit - limiter.used, resetMs };
}

/** How long until a spent limit lets one request through: a bucket frees one token after 1/rate; a window resets at its end. */
export function refusedFor(limiter: Limiter): number {
  return limiter.kind === 'bucket'
    ? Math.ceil((1 - limiter.tokens) * (limiter.windowMs / limiter.limit))
    : Math.max(0, limiter.windowStart + limiter.windowMs - Date.now());
}
