import { describe, expect, it, vi } from 'vitest';
import { MemoryRateLimitStore } from '../../src/core/memory-store.js';
import { Pacer, rateBudget, type VendorBudget } from '../../src/core/pacer.js';
import type { AcquireRequest, RateLimitScope, SettleReport } from '../../src/core/rate-limit-store.js';
import { createLogger } from '../../src/core/logger.js';
import { elapsed, useJumpingClock } from '../helpers/clock.js';

const GET = { method: 'GET', path: 'items' };
const makePacer = (rate: number | undefined, maxWaitMs: number) =>
  new Pacer({ budgets: rate === undefined ? [] : [rateBudget(rate)], maxWaitMs, timeoutMs: 60_000 });

/** An in-process store that records each call made to it. */
function countingStore() {
  const calls: string[] = [];
  const inner = new MemoryRateLimitStore();
  const store = {
    acquire: (scope: RateLimitScope, request: AcquireRequest) => (calls.push('acquire'), inner.acquire(scope, request)),
    settle: (scope: RateLimitScope, report: SettleReport) => (calls.push('settle'), inner.settle(scope, report)),
  };
  return { calls, store };
}

describe('Pacer', () => {
  // Every wait is on the fake clock: exact, and free of real time.
  useJumpingClock();

  it('lets requests through while the window has room', async () => {
    const pacer = makePacer(undefined, 60_000);
    const ticket = await pacer.acquire(GET);
    pacer.settle(ticket, { limit: 10, remaining: 5, resetMs: 1_000 }, 200);
    expect(
      await elapsed(async () => {
        for (let i = 0; i < 5; i++) await pacer.acquire(GET);
      }),
    ).toBe(0);
  });

  it('waits for the reset once the window is spent', async () => {
    const pacer = makePacer(undefined, 60_000);
    const ticket = await pacer.acquire(GET);
    pacer.settle(ticket, { limit: 10, remaining: 0, resetMs: 200 }, 200);
    expect(await elapsed(() => pacer.acquire(GET))).toBe(200);
  });

  it('counts every other request in flight against the window', async () => {
    const pacer = makePacer(undefined, 60_000);
    const earlier = await pacer.acquire(GET); // in flight, maybe processed after the answered one
    const answered = await pacer.acquire(GET);
    await pacer.acquire(GET); // in flight, sent after the answered one
    pacer.settle(answered, { remaining: 2, resetMs: 200 }, 200);
    void earlier;
    // 2 - 2 in flight = nothing left: waits for the reset
    expect(await elapsed(() => pacer.acquire(GET))).toBe(200);
  });

  it('within a window, follows the answer that left least, whatever order the answers arrive in', async () => {
    const pacer = makePacer(undefined, 60_000);
    const sentFirst = await pacer.acquire(GET);
    const sentSecond = await pacer.acquire(GET);
    // The server counted `sentFirst` last (nothing left); its answer arrives last too.
    pacer.settle(sentSecond, { remaining: 1, resetMs: 200 }, 200);
    pacer.settle(sentFirst, { remaining: 0, resetMs: 200 }, 200);
    expect(await elapsed(() => pacer.acquire(GET))).toBe(200);
  });

  it('holds every request after a 429 until the server-given wait, capped', async () => {
    const pacer = makePacer(undefined, 150);
    const ticket = await pacer.acquire(GET);
    pacer.settle(ticket, { retryAfterMs: 3_600_000 }, 429);
    expect(await elapsed(() => pacer.acquire(GET))).toBe(150);
  });

  it('keeps to a documented rate with a token bucket', async () => {
    const pacer = makePacer(50, 60_000);
    const took = await elapsed(async () => {
      for (let i = 0; i < 75; i++) await pacer.acquire(GET);
    });
    // A burst of 45 (90 % of a second's 50) at once, then the other 30 a token (20 ms) apart.
    expect(took).toBe(600);
  });

  it('stops waiting when the signal aborts', async () => {
    const pacer = makePacer(undefined, 60_000);
    const ticket = await pacer.acquire(GET);
    pacer.settle(ticket, { remaining: 0, resetMs: 10_000 }, 200);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pacer.acquire(GET, controller.signal)).rejects.toThrow('stop');
  });

  it('logs a wait of a second or more (the command line shows it on its progress line)', async () => {
    const lines: string[] = [];
    const logger = createLogger({ debug() {}, info: (m: string) => void lines.push(m), warn() {}, error() {} }, 'info', '[test]');
    const writes: VendorBudget = { name: 'writes', kind: 'sliding', limit: 1, windowMs: 1_300, description: 'the write limit' };
    const pacer = new Pacer({ budgets: [writes], maxWaitMs: 60_000, timeoutMs: 60_000, logger });
    pacer.settle(await pacer.acquire({ method: 'POST', path: 'sequences/1/contacts' }));
    await pacer.acquire({ method: 'POST', path: 'sequences/1/contacts' });
    expect(lines).toEqual([expect.stringMatching(/^\[test\] pacing: waiting \d{4}ms for the write limit$/)]);
  });

  it('asks a shared store once per request when the vendor announces no window, and settles only an answer that says something', async () => {
    const { calls, store } = countingStore();
    const pacer = new Pacer({ budgets: [rateBudget(25)], maxWaitMs: 60_000, timeoutMs: 60_000, store, announcesWindows: false });
    for (let i = 0; i < 3; i++) pacer.settle(await pacer.acquire(GET), undefined, 200);
    pacer.settle(await pacer.acquire(GET), { retryAfterMs: 10 }, 429);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(['acquire', 'acquire', 'acquire', 'acquire', 'settle']);
  });

  it('asks for a scope that failed to compute again later, instead of keeping the failure for good', async () => {
    const { calls, store } = countingStore();
    let scopes = 0;
    const scope = () => (++scopes === 1 ? Promise.reject(new Error('no digest')) : Promise.resolve({ vendor: 'close', id: 'k' }));
    const logger = createLogger({ debug() {}, info() {}, warn() {}, error() {} }, 'off', '');
    const pacer = new Pacer({
      budgets: [rateBudget(25)],
      maxWaitMs: 60_000,
      timeoutMs: 60_000,
      store,
      scope,
      logger,
      announcesWindows: false,
    });
    await pacer.acquire(GET); // the scope fails: this one is paced locally
    expect(calls).toEqual([]);
    vi.setSystemTime(5_000); // past the pause after a store failure
    await pacer.acquire(GET);
    expect(scopes).toBe(2);
    expect(calls).toEqual(['acquire']);
  });
});
