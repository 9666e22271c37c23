import type { LeveledLogger } from './logger.js';
import { MemoryRateLimitStore } from './memory-store.js';
import type { RateLimit } from './rate-limit.js';
import type { AcquireRequest, AcquireResult, RateBudget, RateLimitScope, RateLimitStore, SettleReport } from './rate-limit-store.js';
import { rateLimitScope } from './scope.js';
import { sleep } from './sleep.js';
import { STORE_TIMEOUT_MS, StoreBreaker } from './store-breaker.js';

/** A vendor's documented budget, with the requests it covers (all when `applies` is omitted). */
export interface VendorBudget extends RateBudget {
  /** Whether a request spends this budget; `path` is below the API root. */
  applies?: (method: string, path: string) => boolean;
  /** For logs, e.g. "Whippy's 10 writes a minute on v1/sequences". */
  description: string;
}

/** The request a ticket is for. */
export interface PacedRequest {
  method: string;
  path: string;
  /** The vendor's endpoint group (Close: method and path template); undefined: the credential's one window. */
  group?: string | undefined;
  /** The attempt's timeout: how long its ticket may stay in flight. */
  timeout?: number;
}

/** A ticket for one request; settle it exactly once. */
export interface PacerTicket {
  readonly id: number;
  /** Whether it came from the shared store (else from this process's own state). */
  readonly shared: boolean;
  /** The hold a 429 on this request sets: its group's, else its narrowest budget, or `'*'` (everything). */
  readonly hold: string;
  /** The endpoint group whose window its answer speaks for. */
  readonly group?: string | undefined;
  /** Whether the store counts it in flight (it must then be settled in the store, whatever the answer). */
  readonly tracked: boolean;
}

/** How a client paces itself. */
export interface PacerOptions {
  /** The vendor's documented budgets (and the caller's `maxRequestsPerSecond`). */
  budgets: readonly VendorBudget[];
  /** Caps how long a server's window or a 429 can hold requests (the client's `maxRetryAfter`). */
  maxWaitMs: number;
  /** The client's attempt timeout: the default lease of a ticket, and the cap on a store call. */
  timeoutMs: number;
  /**
   * Whether the vendor announces its window on responses (default true). Whippy does not (it
   * documents a rate instead): its tickets need no settling unless a 429 says something.
   */
  announcesWindows?: boolean;
  /** A shared store; omitted, the pacer keeps its state in this process. */
  store?: RateLimitStore;
  /** The scope of this client's budget in the store (computed once, on first use). */
  scope?: () => Promise<RateLimitScope>;
  logger?: LeveledLogger;
  /** Told of every wait the pacer imposes (the client's `onPacing` hook). */
  onWait?: (waitMs: number, reason: string) => void;
}

const LOCAL_SCOPE: RateLimitScope = { vendor: 'local', id: 'local' };
/** Waits this long or longer are logged (at info), so a command line can show them. */
const LOGGED_WAIT_MS = 1_000;

/**
 * Paces a client's requests to the vendor's limit, so bulk pulls run at the allowed rate instead
 * of bouncing off 429s. It follows:
 * - the server's window, read from each response (`remaining` and `reset`): when it is spent,
 *   requests wait for the reset. `remaining` is corrected for every other request still in flight,
 *   which the server may not have counted yet;
 * - a vendor's documented budgets (Whippy: 25 requests a second, 10 writes a minute on sequences);
 * - after a 429, the wait it asked for, for every request it concerns.
 * A vendor that limits per endpoint group (Close) gets one window and one 429 hold per group: a
 * spent group stops only its own requests. Documented budgets stay per credential.
 * The state lives in a {@link RateLimitStore}: this process's own by default, or a shared one.
 * When the shared store fails or is slow, the pacer goes on alone (one warning) and asks it again
 * a second later; no request waits on a broken store past {@link STORE_TIMEOUT_MS}.
 */
export class Pacer {
  readonly #local = new MemoryRateLimitStore();
  readonly #options: PacerOptions;
  readonly #ttlMs: number;
  readonly #budgets: readonly VendorBudget[];
  readonly #storeTimeoutMs: number;
  readonly #shared: StoreBreaker | undefined;

  constructor(options: PacerOptions) {
    this.#options = options;
    const longest = Math.max(options.maxWaitMs, options.timeoutMs, ...options.budgets.map((budget) => budget.windowMs));
    this.#ttlMs = longest + 1_000;
    this.#storeTimeoutMs = Math.min(STORE_TIMEOUT_MS, options.timeoutMs);
    if (options.store !== undefined) {
      const scope = options.scope ?? (() => Promise.resolve(LOCAL_SCOPE));
      this.#shared = new StoreBreaker(options.store, scope, this.#storeTimeoutMs, options.logger);
    }
    // A sliding budget keeps a margin (1 %, at least 50 ms): requests reach the server a little later or earlier than sent.
    this.#budgets = options.budgets.map((budget) =>
      budget.kind === 'sliding' ? { ...budget, windowMs: budget.windowMs + Math.max(50, budget.windowMs / 100) } : budget,
    );
  }

  /** Waits until the request may be sent; returns its ticket (no promise when nothing waits, the common case). */
  acquire(request: PacedRequest, signal?: AbortSignal): PacerTicket | Promise<PacerTicket> {
    const budgets = this.#budgets.filter((budget) => budget.applies?.(request.method, request.path) ?? true);
    const group = request.group;
    const hold = group !== undefined ? `group:${group}` : (budgets.at(-1)?.name ?? '*');
    const ask: AcquireRequest = {
      budgets,
      holds: ['*', ...budgets.map((budget) => budget.name), ...(group !== undefined ? [hold] : [])],
      leaseMs: request.timeout ?? this.#options.timeoutMs,
      ttlMs: this.#ttlMs,
      timeoutMs: this.#storeTimeoutMs,
      track: this.#options.announcesWindows !== false,
      group,
    };
    if (this.#shared === undefined) {
      const first = this.#local.acquire(LOCAL_SCOPE, ask);
      if (first.ticket !== undefined && first.delayMs === 0) return { id: first.ticket, shared: false, hold, group, tracked: ask.track! };
      return this.#acquireLoop(ask, hold, signal, first);
    }
    return this.#acquireLoop(ask, hold, signal);
  }

  #reportWait(waitMs: number, reason: string): void {
    if (waitMs >= LOGGED_WAIT_MS) this.#options.logger?.info(`pacing: waiting ${Math.round(waitMs)}ms for ${reason}`);
    this.#options.onWait?.(waitMs, reason);
  }

  async #acquireLoop(ask: AcquireRequest, hold: string, signal: AbortSignal | undefined, first?: AcquireResult): Promise<PacerTicket> {
    for (;;) {
      const shared = first === undefined && this.#shared?.available() === true;
      const result = first ?? (shared ? await this.#askStore(ask) : this.#local.acquire(LOCAL_SCOPE, ask));
      first = undefined;
      if (result === undefined) continue; // the store failed: ask this process's state instead
      const waitMs = result.ticket === undefined ? result.waitMs : result.delayMs;
      if (waitMs > 0) this.#reportWait(waitMs, this.#describe(result.reason));
      if (result.ticket === undefined) {
        await sleep(waitMs, signal);
        continue;
      }
      const ticket: PacerTicket = { id: result.ticket, shared, hold, group: ask.group, tracked: ask.track! };
      if (waitMs > 0) {
        try {
          await sleep(waitMs, signal);
        } catch (error) {
          this.settle(ticket);
          throw error;
        }
      }
      return ticket;
    }
  }

  /**
   * Ends a request's ticket, learning from its answer (if any) what the server's limit holds:
   * a response's `remaining`/`reset`, or a 429's wait.
   */
  settle(ticket: PacerTicket, rateLimit?: RateLimit, status = 200): void {
    const report: SettleReport = { ticket: ticket.id, ttlMs: this.#ttlMs, timeoutMs: this.#storeTimeoutMs, group: ticket.group };
    const maxWait = this.#options.maxWaitMs;
    if (rateLimit && status === 429) {
      const ms = rateLimit.resetMs ?? rateLimit.retryAfterMs;
      if (ms !== undefined) report.hold = { name: ticket.hold, ms: Math.min(ms, maxWait) };
    } else if (rateLimit?.remaining !== undefined && rateLimit.resetMs !== undefined) {
      report.window = { remaining: rateLimit.remaining, resetMs: Math.min(rateLimit.resetMs, maxWait) };
    }
    if (!ticket.shared) return this.#local.settle(LOCAL_SCOPE, report);
    if (!ticket.tracked && !report.hold && !report.window) return; // nothing to tell: no round trip
    // Not awaited: the answer is the caller's as soon as it arrives; a failed settle only marks the store down.
    void this.#shared?.call((store, scope) => store.settle(scope, report)).catch(() => {});
  }

  async #askStore(ask: AcquireRequest): Promise<AcquireResult | undefined> {
    try {
      return await this.#shared?.call((store, scope) => store.acquire(scope, ask));
    } catch {
      return undefined;
    }
  }

  #describe(reason: string): string {
    if (reason === 'window') return "the server's rate-limit window to reset";
    if (reason.startsWith('hold:group:')) return `the wait a 429 asked for on ${reason.slice('hold:group:'.length)}`;
    if (reason.startsWith('hold:')) return 'the wait a 429 asked for';
    return this.#options.budgets.find((budget) => budget.name === reason)?.description ?? reason;
  }
}

/**
 * The budget for a plain request rate (a bucket of at least one token, so rates below 1/s work
 * too). The bucket is a tenth smaller than a second's worth: requests reach the server unevenly
 * (network, a busy event loop), and the reserve absorbs that instead of meeting a 429.
 */
export function rateBudget(requestsPerSecond: number): VendorBudget {
  const limit = Math.max(1, requestsPerSecond);
  return {
    name: 'requests',
    kind: 'bucket',
    limit,
    windowMs: (1_000 * limit) / requestsPerSecond,
    burst: Math.max(1, Math.floor(limit * 0.9)),
    description: `the rate of ${requestsPerSecond} requests a second`,
  };
}

/**
 * A client's pacer, from its vendor's documented limits and the caller's options (undefined with
 * `pacing: false`): `maxRequestsPerSecond` replaces the documented rate, `rateLimitStore` shares the state.
 */
export function createPacer(
  profile: { vendor: string; requestsPerSecond?: number; budgets?: readonly VendorBudget[] },
  options: { pacing?: boolean; maxRequestsPerSecond?: number; rateLimitStore?: RateLimitStore },
  client: {
    baseUrl: string;
    secrets: readonly string[];
    maxWaitMs: number;
    timeoutMs: number;
    logger: LeveledLogger;
    onWait?: (waitMs: number, reason: string) => void;
  },
): Pacer | undefined {
  if (options.pacing === false) return undefined;
  const rate = options.maxRequestsPerSecond ?? profile.requestsPerSecond;
  return new Pacer({
    budgets: [...(rate === undefined ? [] : [rateBudget(rate)]), ...(profile.budgets ?? [])],
    maxWaitMs: client.maxWaitMs,
    // A vendor with a documented rate sends no window on success (Whippy); the others announce theirs.
    announcesWindows: profile.requestsPerSecond === undefined,
    timeoutMs: client.timeoutMs,
    ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}),
    scope: () => rateLimitScope(profile.vendor, client.baseUrl, client.secrets),
    logger: client.logger,
    ...(client.onWait ? { onWait: client.onWait } : {}),
  });
}
