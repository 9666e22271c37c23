/**
 * A budget the pacer keeps for a vendor's documented limit:
 * - `'bucket'`: a token bucket of `limit` tokens refilling at `limit` per `windowMs` (Whippy: 25 a second);
 * - `'sliding'`: at most `limit` sends in any `windowMs` (Whippy: 10 writes a minute), which holds
 *   whether the server counts in fixed or sliding windows.
 */
export interface RateBudget {
  /** Unique per vendor; part of a store's keys. */
  name: string;
  /** Requests per window (the bucket's size). */
  limit: number;
  /** Window length in ms (the bucket refills `limit` tokens in it). */
  windowMs: number;
  /** A bucket's size, when smaller than `limit` (default `limit`). */
  burst?: number;
  /** How the budget counts. */
  kind: 'bucket' | 'sliding';
}

/** Whose budget a store call is about: a vendor and a hash of the credential (and API root), never the credential. */
export interface RateLimitScope {
  /** The vendor, e.g. `'whippy'`. */
  vendor: string;
  /** SHA-256 (hex) of the credential and the API root: clients sharing it share a budget. */
  id: string;
}

/** What one request asks a store for. */
export interface AcquireRequest {
  /** The budgets this request spends (all or none are spent). */
  budgets: readonly RateBudget[];
  /** Hold names that stop this request while set: `'*'` and each budget's name. */
  holds: readonly string[];
  /** How long the ticket counts as in flight if it is never settled (a crashed process), in ms. */
  leaseMs: number;
  /**
   * Count the ticket as in flight until settled (default true), for the server's window. False
   * when the vendor announces no window (its documented rate is paced instead): then the ticket
   * is settled only when its answer says something (a 429).
   */
  track?: boolean;
  /** How long every key may live after this call, in ms (nothing accumulates). */
  ttlMs: number;
  /** The caller stops waiting for this call after this many ms: a store may skip it when it runs later. */
  timeoutMs?: number;
  /**
   * The vendor's endpoint group (Close: method and path template): the server's window and the
   * tickets in flight are kept per group, so a spent window on one group stops no other.
   * Omitted: the credential's one window.
   */
  group?: string | undefined;
}

/**
 * A store's answer: a ticket (send after `delayMs`, the slot is reserved) or a time to ask again
 * (a hold or a spent server window: nothing was reserved). `reason` names what made it wait: a
 * budget's name, `'window'` or `'hold:<name>'` (empty when nothing did).
 */
export type AcquireResult = { ticket: number; delayMs: number; reason: string } | { ticket?: undefined; waitMs: number; reason: string };

/** What a settled request tells the store. */
export interface SettleReport {
  /** The ticket {@link RateLimitStore.acquire} gave. */
  ticket: number;
  /** The server's window as the answer announced it: requests left and ms until it resets. */
  window?: { remaining: number; resetMs: number };
  /** A 429: requests carrying this hold name wait `ms`. */
  hold?: { name: string; ms: number };
  /** How long every key may live after this call, in ms. */
  ttlMs: number;
  /** The caller stops waiting for this call after this many ms: a store may skip it when it runs later. */
  timeoutMs?: number;
  /** The group its acquire named: the window this answer speaks for. */
  group?: string | undefined;
}

/**
 * Where the pacer keeps its state: budgets, the server's window, holds after a 429, the tickets
 * in flight. The default is in-process; `redisRateLimitStore` (`sequence-apis/redis`) shares one
 * budget across processes. Both calls must be atomic per scope.
 */
export interface RateLimitStore {
  /** Reserves a slot for one request, or says how long to wait before asking again. */
  acquire(scope: RateLimitScope, request: AcquireRequest): AcquireResult | Promise<AcquireResult>;
  /** Ends a ticket, with what its answer said about the server's limit. */
  settle(scope: RateLimitScope, report: SettleReport): void | Promise<void>;
}
