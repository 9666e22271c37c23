import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRateLimitStore } from '../../src/core/memory-store.js';
import { Pacer, type PacerTicket } from '../../src/core/pacer.js';
import { closeProfile } from '../../src/close/profile.js';
import { path } from '../../src/core/path.js';

// Close's groups as its profile names them, from the routes' templates.
const group = (method: 'GET' | 'POST', template: string) => closeProfile.rateLimitGroup!(method, template);
const subscriptions = { method: 'GET', path: 'sequence_subscription/', group: group('GET', 'sequence_subscription/') };
const sequences = { method: 'GET', path: 'sequence/', group: group('GET', 'sequence/') };

const isTicket = (value: PacerTicket | Promise<PacerTicket>): value is PacerTicket => !(value instanceof Promise);

describe('pacing per endpoint group (Close)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  for (const shared of [false, true]) {
    const label = shared ? 'a shared store' : "the pacer's own state";
    const makePacer = () =>
      new Pacer({ budgets: [], maxWaitMs: 60_000, timeoutMs: 60_000, ...(shared ? { store: new MemoryRateLimitStore() } : {}) });

    it(`a 429 on GET sequence_subscription/ holds that group only, in ${label}`, async () => {
      const pacer = makePacer();
      const limited = await pacer.acquire(subscriptions);
      pacer.settle(limited, { limit: 100, remaining: 0, resetMs: 30_000 }, 429);

      let held = false;
      const next = Promise.resolve(pacer.acquire(subscriptions)).then((ticket) => ((held = true), ticket));
      // GET sequence/ is answered at once: the 429 was another group's.
      const other = await pacer.acquire(sequences);
      await vi.advanceTimersByTimeAsync(29_000);
      expect(held).toBe(false);
      await vi.advanceTimersByTimeAsync(1_100);
      expect(held).toBe(true);
      pacer.settle(await next);
      pacer.settle(other);
    });

    it(`a spent window on one group leaves another group's window alone, in ${label}`, async () => {
      const pacer = makePacer();
      const spent = await pacer.acquire(subscriptions);
      pacer.settle(spent, { limit: 100, remaining: 0, resetMs: 10_000 }, 200);
      const waiting = pacer.acquire(subscriptions);
      expect(isTicket(waiting)).toBe(false);
      const other = await pacer.acquire(sequences);
      pacer.settle(other, { limit: 100, remaining: 50, resetMs: 10_000 }, 200);
      await vi.advanceTimersByTimeAsync(10_100);
      pacer.settle(await waiting);
    });
  }

  it('without a shared store, an undelayed group gets its ticket synchronously (no wait at all)', async () => {
    const pacer = new Pacer({ budgets: [], maxWaitMs: 60_000, timeoutMs: 60_000 });
    const limited = await pacer.acquire(subscriptions);
    pacer.settle(limited, { limit: 100, remaining: 0, resetMs: 30_000 }, 429);
    expect(isTicket(pacer.acquire(sequences))).toBe(true);
    expect(isTicket(pacer.acquire(subscriptions))).toBe(false);
  });

  it('without groups (Whippy, Clarion), a 429 still holds every request of the credential', async () => {
    const pacer = new Pacer({ budgets: [], maxWaitMs: 60_000, timeoutMs: 60_000 });
    const limited = await pacer.acquire({ method: 'GET', path: 'sequence_subscription/' });
    pacer.settle(limited, { limit: 100, remaining: 0, resetMs: 30_000 }, 429);
    expect(isTicket(pacer.acquire({ method: 'GET', path: 'sequence/' }))).toBe(false);
  });
});

describe("Close's endpoint groups", () => {
  it('are keyed by method and the route template, not the concrete URL', () => {
    const route = path`sequence/${{ id: 'seq_1' }}/`;
    expect(route()).toBe('sequence/seq_1/');
    expect(route.template).toBe('sequence/{id}/');
    expect(group('GET', route.template!)).toBe('GET sequence/{id}/');
    expect(group('GET', 'sequence/')).not.toBe(group('POST', 'sequence/'));
  });
});
