import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MemoryRateLimitStore } from '../../src/core/memory-store.js';
import type { AcquireRequest, RateBudget, RateLimitScope, RateLimitStore } from '../../src/core/rate-limit-store.js';
import { rateLimitScope } from '../../src/core/scope.js';
import { redisRateLimitStore } from '../../src/redis/index.js';
import { openClient } from './clients.js';

// The run's shared redis-server (test/setup/services.ts); every test keys its own scope.
const redis = { url: inject('redisUrl') };
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

const bucket: RateBudget = { name: 'requests', kind: 'bucket', limit: 5, windowMs: 500 };
const sliding: RateBudget = { name: 'writes', kind: 'sliding', limit: 3, windowMs: 400 };
const ask = (budgets: RateBudget[], extra: Partial<AcquireRequest> = {}): AcquireRequest => ({
  budgets,
  holds: ['*', ...budgets.map((b) => b.name)],
  leaseMs: 10_000,
  ttlMs: 5_000,
  ...extra,
});
let scopes = 0;
const freshScope = (): RateLimitScope => ({ vendor: 'test', id: `scope-${++scopes}-${Math.random().toString(36).slice(2)}` });

const stores: [string, () => Promise<RateLimitStore>][] = [
  ['in-process', () => Promise.resolve(new MemoryRateLimitStore())],
  ...(['ioredis', 'node-redis'] as const).map((library): [string, () => Promise<RateLimitStore>] => [
    `redis via ${library}`,
    async () => {
      const { client, close } = await openClient(library, redis.url);
      closers.push(close);
      return redisRateLimitStore({ client, keyPrefix: 'test:store' });
    },
  ]),
];

describe.each(stores)('rate-limit store: %s', (_name, make) => {
  let store: RateLimitStore;
  beforeAll(async () => {
    store = await make();
  });

  it('lets a full bucket through at once, then reserves each next slot a token later', async () => {
    const scope = freshScope();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const result = await store.acquire(scope, ask([bucket]));
      expect(result.ticket).toBeGreaterThan(0);
      delays.push(result.ticket === undefined ? -1 : result.delayMs);
    }
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // 5 per 500 ms: a token every 100 ms (less the little refilled meanwhile).
    expect(delays[5]).toBeGreaterThan(60);
    expect(delays[6]).toBeGreaterThan(delays[5]! + 60);
  });

  it('lets `limit` sends through in any sliding window, then reserves the slot the oldest frees', async () => {
    const scope = freshScope();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await store.acquire(scope, ask([sliding]));
      delays.push(result.ticket === undefined ? -1 : result.delayMs);
    }
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(delays[3]).toBeGreaterThan(300);
    expect(delays[3]).toBeLessThanOrEqual(400);
  });

  it("waits for the reset once the server's announced window is spent, counting other tickets in flight", async () => {
    const scope = freshScope();
    const first = await store.acquire(scope, ask([]));
    const second = await store.acquire(scope, ask([]));
    // Remaining 1, but `second` is still in flight: nothing left.
    await store.settle(scope, { ticket: first.ticket!, window: { remaining: 1, resetMs: 300 }, ttlMs: 5_000 });
    const blocked = await store.acquire(scope, ask([]));
    expect(blocked.ticket).toBeUndefined();
    expect(blocked.ticket === undefined && blocked.reason).toBe('window');
    expect(blocked.ticket === undefined && blocked.waitMs).toBeGreaterThan(200);
    await store.settle(scope, { ticket: second.ticket!, ttlMs: 5_000 });
  });

  it('within a window, takes the answer that left least, even from an older ticket (tickets are not the server order)', async () => {
    const scope = freshScope();
    const old = await store.acquire(scope, ask([]));
    const recent = await store.acquire(scope, ask([]));
    await store.settle(scope, { ticket: recent.ticket!, window: { remaining: 50, resetMs: 1_000 }, ttlMs: 5_000 });
    await store.settle(scope, { ticket: old.ticket!, window: { remaining: 0, resetMs: 1_000 }, ttlMs: 5_000 });
    expect((await store.acquire(scope, ask([]))).ticket).toBeUndefined();
  });

  it('ignores an answer from an earlier window, even from a newer ticket (processes answered out of order)', async () => {
    const scope = freshScope();
    const early = await store.acquire(scope, ask([]));
    const late = await store.acquire(scope, ask([]));
    await store.settle(scope, { ticket: early.ticket!, window: { remaining: 10, resetMs: 1_000 }, ttlMs: 5_000 });
    // `late` was counted in the window before: almost reset, nothing left. It must not end the current window.
    await store.settle(scope, { ticket: late.ticket!, window: { remaining: 0, resetMs: 5 }, ttlMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 10 left less `late`, in flight when `early` was answered.
    for (let i = 0; i < 9; i++) expect((await store.acquire(scope, ask([]))).ticket).toBeGreaterThan(0);
    expect((await store.acquire(scope, ask([]))).ticket).toBeUndefined();
  });

  it('takes an answer from a later window even from an older ticket (it crossed the reset)', async () => {
    const scope = freshScope();
    const crossing = await store.acquire(scope, ask([]));
    const before = await store.acquire(scope, ask([]));
    await store.settle(scope, { ticket: before.ticket!, window: { remaining: 0, resetMs: 400 }, ttlMs: 5_000 });
    // `crossing` reached the server after its reset: the new window, 1 s long, has 3 left.
    await store.settle(scope, { ticket: crossing.ticket!, window: { remaining: 3, resetMs: 1_400 }, ttlMs: 5_000 });
    for (let i = 0; i < 3; i++) expect((await store.acquire(scope, ask([]))).ticket).toBeGreaterThan(0);
    expect((await store.acquire(scope, ask([]))).ticket).toBeUndefined();
  });

  it('within a window, ignores an answer that left more than the window came from, even from a newer ticket', async () => {
    const scope = freshScope();
    const sentFirst = await store.acquire(scope, ask([]));
    const sentSecond = await store.acquire(scope, ask([]));
    // The server counted `sentSecond` first (it left 5), then `sentFirst` (it left 4); answered in that order reversed.
    await store.settle(scope, { ticket: sentFirst.ticket!, window: { remaining: 4, resetMs: 1_000 }, ttlMs: 5_000 });
    await store.settle(scope, { ticket: sentSecond.ticket!, window: { remaining: 5, resetMs: 1_000 }, ttlMs: 5_000 });
    // 4 left less `sentSecond`, in flight when the first answer came: 3.
    for (let i = 0; i < 3; i++) expect((await store.acquire(scope, ask([]))).ticket).toBeGreaterThan(0);
    expect((await store.acquire(scope, ask([]))).ticket).toBeUndefined();
  });

  it('ignores a late answer from the window that has just ended (it says nothing of the next one)', async () => {
    const scope = freshScope();
    const first = await store.acquire(scope, ask([]));
    const late = await store.acquire(scope, ask([]));
    await store.settle(scope, { ticket: first.ticket!, window: { remaining: 0, resetMs: 400 }, ttlMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 410));
    // Counted just before that window ended (30 ms to go), answered after: taken as news, it would stop the new window's requests.
    await store.settle(scope, { ticket: late.ticket!, window: { remaining: 0, resetMs: 30 }, ttlMs: 5_000 });
    expect((await store.acquire(scope, ask([]))).ticket).toBeGreaterThan(0);
  });

  it('holds the requests a 429 concerns until its wait passes, and spends nothing while held', async () => {
    const scope = freshScope();
    const write = await store.acquire(scope, ask([bucket, sliding]));
    await store.settle(scope, { ticket: write.ticket!, hold: { name: 'writes', ms: 250 }, ttlMs: 5_000 });
    const held = await store.acquire(scope, ask([bucket, sliding]));
    expect(held.ticket === undefined && held.reason).toBe('hold:writes');
    // Reads are not held, and the held write spent no token: 4 of the 5 are still there.
    for (let i = 0; i < 4; i++) expect(await store.acquire(scope, ask([bucket]))).toMatchObject({ delayMs: 0 });
  });
});

describe('redisRateLimitStore', () => {
  it('keys by vendor and credential hash, never the credential, and every key expires', async () => {
    const { client, command, close } = await openClient('ioredis', redis.url);
    closers.push(close);
    const store = redisRateLimitStore({ client, keyPrefix: 'test:keys' });
    const scope = await rateLimitScope('whippy', 'https://api.whippy.co/v1', ['secret_api_key_123']);
    await store.acquire(scope, ask([bucket, sliding])); // in flight: all three keys exist
    const keys = (await command('KEYS', 'test:keys:*')) as string[];
    expect(keys.sort()).toEqual(
      [
        `test:keys:{whippy:${scope.id}}:inflight`,
        `test:keys:{whippy:${scope.id}}:log:writes`,
        `test:keys:{whippy:${scope.id}}:state`,
      ].sort(),
    );
    expect(scope.id).toMatch(/^[0-9a-f]{64}$/);
    for (const key of keys) {
      expect(key).not.toContain('secret_api_key_123');
      const ttl = Number(await command('PTTL', key));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(6_500);
    }
  });

  it('takes one round trip per acquire and per settle (the script is loaded once)', async () => {
    const { client, command, close } = await openClient('node-redis', redis.url);
    closers.push(close);
    await command('SCRIPT', 'FLUSH');
    const store = redisRateLimitStore({ client });
    const scope = freshScope();
    for (let i = 0; i < 20; i++) {
      const result = await store.acquire(scope, ask([bucket]));
      await store.settle(scope, { ticket: result.ticket!, ttlMs: 5_000 });
    }
    // 40 calls, plus one EVAL after the first EVALSHA met NOSCRIPT.
    expect(store.roundTrips).toBe(41);
  });
});
