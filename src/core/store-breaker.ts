import type { LeveledLogger } from './logger.js';
import type { RateLimitScope, RateLimitStore } from './rate-limit-store.js';

/** Longest a store call may take before the pacer goes on alone: a store that slow is broken. */
export const STORE_TIMEOUT_MS = 1_000;
/** After a store failure, how long the pacer paces alone before asking the store again. */
const STORE_RETRY_MS = 1_000;

/** Settles with the promise's value, or rejects after `ms`; the timer never outlives the call. */
async function withTimeout<T>(work: () => T | Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms}ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A circuit breaker around the shared rate-limit store: every call is bounded by a timeout; a
 * failure is warned about once and keeps the pacer on its own state for {@link STORE_RETRY_MS},
 * then one probe at a time asks the store again.
 */
export class StoreBreaker {
  readonly #store: RateLimitStore;
  readonly #scopeOf: () => Promise<RateLimitScope>;
  readonly #timeoutMs: number;
  readonly #logger: LeveledLogger | undefined;
  #scope: Promise<RateLimitScope> | undefined;
  #downUntil = 0;
  #probing = false;
  #warned = false;

  constructor(store: RateLimitStore, scope: () => Promise<RateLimitScope>, timeoutMs: number, logger?: LeveledLogger) {
    this.#store = store;
    this.#scopeOf = scope;
    this.#timeoutMs = timeoutMs;
    this.#logger = logger;
  }

  /** Whether to ask the shared store now: not while it is down, and only one probe at a time once it may be back. */
  available(): boolean {
    if (this.#probing || Date.now() < this.#downUntil) return false;
    if (this.#downUntil > 0) this.#probing = true;
    return true;
  }

  /** One store call, bounded by the timeout; a failure marks the store down (and rejects). */
  async call<T>(work: (store: RateLimitStore, scope: RateLimitScope) => T | Promise<T>): Promise<T> {
    try {
      // A scope that failed to compute is asked again next time, not cached as a rejection.
      this.#scope ??= this.#scopeOf().catch((error: unknown) => {
        this.#scope = undefined;
        throw error;
      });
      const resolved = await this.#scope;
      const result = await withTimeout(() => work(this.#store, resolved), this.#timeoutMs);
      this.#recovered();
      return result;
    } catch (error) {
      this.#failed(error);
      throw error;
    }
  }

  #failed(error: unknown): void {
    this.#probing = false;
    this.#downUntil = Date.now() + STORE_RETRY_MS;
    if (this.#warned) return;
    this.#warned = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.#logger?.warn(`rate-limit store failed (${reason}); pacing this process alone until it answers again`);
  }

  #recovered(): void {
    this.#probing = false;
    this.#downUntil = 0;
    if (!this.#warned) return;
    this.#warned = false;
    this.#logger?.info('rate-limit store answers again; sharing its budget');
  }
}
