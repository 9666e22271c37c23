import type { RateLimit } from './rate-limit.js';
import { sleep } from './sleep.js';

/** A ticket for one request: its place in the sending order. */
export type PacerTicket = number;

/**
 * Paces a client's requests to the vendor's limit, so bulk pulls run at the allowed rate instead
 * of bouncing off 429s. Two sources, both optional:
 * - the server's window, read from each response (`remaining` and `reset`): when it is spent,
 *   requests wait for the reset. `remaining` is corrected for every other request still in
 *   flight, which the server may not have counted yet (concurrent requests can be processed out
 *   of order, so "sent after this one" is not enough);
 * - a vendor's documented rate (Whippy: 25 requests a second) as a token bucket, for vendors that
 *   announce nothing on successful responses.
 */
export class Pacer {
  readonly #rate: number | undefined;
  readonly #maxWaitMs: number;
  #tokens: number;
  #refilledAt = 0;
  #sent = 0;
  #inFlight = 0;
  #window: { remaining: number; resetAt: number; seq: number } | undefined;

  /** `maxWaitMs` caps how long a server's window can hold requests (the client's `maxRetryAfter`). */
  constructor(requestsPerSecond: number | undefined, maxWaitMs: number) {
    this.#rate = requestsPerSecond;
    this.#maxWaitMs = maxWaitMs;
    this.#tokens = requestsPerSecond ?? 0;
  }

  /**
   * Waits until a request may be sent; returns its ticket. Every ticket must be settled once.
   * Returns the ticket itself (no promise) when nothing needs to wait, the common case.
   */
  acquire(signal?: AbortSignal): PacerTicket | Promise<PacerTicket> {
    return this.tryAcquire() ?? this.#acquireLater(signal);
  }

  /** A ticket if a request may be sent right now, else undefined (nothing is reserved). */
  tryAcquire(): PacerTicket | undefined {
    if (this.#reserve(Date.now()) !== 0) return undefined;
    this.#inFlight++;
    return this.#sent;
  }

  async #acquireLater(signal: AbortSignal | undefined): Promise<PacerTicket> {
    for (;;) {
      await sleep(this.#reserve(Date.now(), true), signal);
      const ticket = this.tryAcquire();
      if (ticket !== undefined) return ticket;
    }
  }

  /**
   * Ends a request's ticket, learning from its answer (if any) what the server's window holds:
   * a response's `remaining`/`reset`, or a 429's wait.
   */
  settle(ticket: PacerTicket, rateLimit?: RateLimit, status = 200, now = Date.now()): void {
    const others = this.#inFlight - 1;
    this.#inFlight = Math.max(0, others);
    if (!rateLimit) return;
    const resetMs = status === 429 ? (rateLimit.resetMs ?? rateLimit.retryAfterMs) : rateLimit.resetMs;
    const remaining = status === 429 ? 0 : rateLimit.remaining;
    if (remaining === undefined || resetMs === undefined) return;
    // An answer older than the one the window came from says less; keep the newer.
    if (this.#window && ticket < this.#window.seq && now < this.#window.resetAt) return;
    this.#window = { remaining: remaining - others, resetAt: now + Math.min(resetMs, this.#maxWaitMs), seq: ticket };
  }

  /** 0 when a request may go now (and reserves it, unless `peek`), else the ms to wait. */
  #reserve(now: number, peek = false): number {
    const window = this.#window;
    if (window && now >= window.resetAt) this.#window = undefined;
    else if (window && window.remaining <= 0) return Math.max(1, window.resetAt - now);
    if (this.#rate !== undefined) {
      this.#tokens = Math.min(this.#rate, this.#tokens + ((now - this.#refilledAt) / 1000) * this.#rate);
      this.#refilledAt = now;
      if (this.#tokens < 1) return Math.max(1, Math.ceil(((1 - this.#tokens) / this.#rate) * 1000));
      if (peek) return 0;
      this.#tokens -= 1;
    }
    if (peek) return 0;
    if (this.#window) this.#window.remaining -= 1;
    this.#sent += 1;
    return 0;
  }
}
