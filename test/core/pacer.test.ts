import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/core/pacer.js';

describe('Pacer', () => {
  it('lets requests through while the window has room', async () => {
    const pacer = new Pacer(undefined, 60_000);
    const ticket = await pacer.acquire();
    pacer.settle(ticket, { limit: 10, remaining: 5, resetMs: 1_000 }, 200);
    const started = Date.now();
    for (let i = 0; i < 5; i++) await pacer.acquire();
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('waits for the reset once the window is spent', async () => {
    const pacer = new Pacer(undefined, 60_000);
    const ticket = await pacer.acquire();
    pacer.settle(ticket, { limit: 10, remaining: 0, resetMs: 200 }, 200);
    const started = Date.now();
    await pacer.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('counts every other request in flight against the window', async () => {
    const pacer = new Pacer(undefined, 60_000);
    const earlier = await pacer.acquire(); // in flight, maybe processed after the answered one
    const answered = await pacer.acquire();
    await pacer.acquire(); // in flight, sent after the answered one
    pacer.settle(answered, { remaining: 2, resetMs: 200 }, 200);
    void earlier;
    const started = Date.now();
    await pacer.acquire(); // 2 - 2 in flight = nothing left: waits for the reset
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('ignores an answer older than the one the window came from', async () => {
    const pacer = new Pacer(undefined, 60_000);
    const old = await pacer.acquire();
    const recent = await pacer.acquire();
    pacer.settle(recent, { remaining: 50, resetMs: 1_000 }, 200);
    pacer.settle(old, { remaining: 0, resetMs: 1_000 }, 200);
    // (`old` carried the stale count: it must not close the window.)
    const started = Date.now();
    await pacer.acquire();
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('holds every request after a 429 until the server-given wait, capped', async () => {
    const pacer = new Pacer(undefined, 150);
    const ticket = await pacer.acquire();
    pacer.settle(ticket, { retryAfterMs: 3_600_000 }, 429);
    const started = Date.now();
    await pacer.acquire();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1_000);
  });

  it('keeps to a documented rate with a token bucket', async () => {
    const pacer = new Pacer(50, 60_000);
    const started = Date.now();
    for (let i = 0; i < 75; i++) await pacer.acquire(); // 50 at once, then 25 more at 50/s
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(900);
  });

  it('stops waiting when the signal aborts', async () => {
    const pacer = new Pacer(undefined, 60_000);
    const ticket = await pacer.acquire();
    pacer.settle(ticket, { remaining: 0, resetMs: 10_000 }, 200);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pacer.acquire(controller.signal)).rejects.toThrow('stop');
  });
});
