import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { backoffTiming } from '../../src/core/retry-decision.js';
import {
  AbortError,
  ConnectionError,
  InvalidRequestError,
  type PacingEvent,
  type ResponseEvent,
  type RetryEvent,
} from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.stop());
beforeEach(() => server.close.fake.resetFaults());

const seqId = () => [...server.close.fake.sequences.keys()][0]!;
const client = (options: ConstructorParameters<typeof CloseClient>[0] = {}) =>
  new CloseClient({ apiKey: 'test_close_key', baseUrl: server.close.baseUrl, logLevel: 'off', ...options });

describe('one retry budget for every kind of failure (real sockets)', () => {
  it('a GET with maxRetries 2 meeting 503, 503, then a body cut off twice makes 3 requests, not 9', async () => {
    const fake = server.close.fake;
    fake.fail({ method: 'GET', status: 503, times: 2 });
    fake.fail({ method: 'GET', transport: 'truncated-body', afterHandling: true, times: 2 });
    const error = await client({ maxRetries: 2 })
      .sequences.retrieve(seqId())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(fake.requestCount).toBe(3);
  });

  it('a body cut off, then a 503, then success: 3 requests within maxRetries 2', async () => {
    const fake = server.close.fake;
    fake.fail({ method: 'GET', transport: 'truncated-body', afterHandling: true, times: 1 });
    fake.fail({ method: 'GET', status: 503, times: 1 });
    const sequence = await client({ maxRetries: 2 }).sequences.retrieve(seqId());
    expect(sequence.id).toBe(seqId());
    expect(fake.requestCount).toBe(3);
  });

  it('a body cut off on a POST is never resent', async () => {
    const fake = server.close.fake;
    fake.fail({ method: 'POST', transport: 'truncated-body', afterHandling: true, times: 3 });
    const error = await client({ maxRetries: 5 })
      .sequences.create({ name: 'Once', timezone: 'UTC', steps: [{ step_type: 'call' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(fake.requestCount).toBe(1);
  });

  it('tells onRetry and onResponse about each attempt: retry number, reason, status, wait and rate limit', async () => {
    const fake = server.close.fake;
    fake.fail({ method: 'GET', status: 429, headers: { ratelimit: 'limit=10, remaining=0, reset=0.01' }, times: 1 });
    fake.fail({ method: 'GET', status: 503, times: 1 });
    const retries: RetryEvent[] = [];
    const responses: ResponseEvent[] = [];
    await client({ onRetry: (e) => retries.push(e), onResponse: (e) => responses.push(e) }).sequences.retrieve(seqId());
    expect(retries.map(({ retry, reason, status }) => ({ retry, reason, status }))).toEqual([
      { retry: 1, reason: 'status', status: 429 },
      { retry: 2, reason: 'status', status: 503 },
    ]);
    expect(retries[0]!.rateLimit).toMatchObject({ limit: 10, remaining: 0, resetMs: 10 });
    expect(retries[0]!.waitMs).toBe(10);
    expect(retries[1]!.waitMs).toBeGreaterThan(0);
    expect(responses.map((r) => [r.attempt, r.status])).toEqual([
      [1, 429],
      [2, 503],
      [3, 200],
    ]);
  });

  it('tells onPacing when pacing holds a call back, with the wait and the budget', async () => {
    const pacing: PacingEvent[] = [];
    const paced = client({ maxRequestsPerSecond: 20, onPacing: (e) => pacing.push(e) });
    // A bucket of 20 a second: the calls past the burst wait for tokens, and each wait is reported.
    await Promise.all(Array.from({ length: 30 }, () => paced.sequences.retrieve(seqId())));
    expect(pacing.length).toBeGreaterThan(0);
    for (const event of pacing) {
      expect(event.waitMs).toBeGreaterThan(0);
      expect(event.reason).toEqual(expect.any(String));
    }
  });

  it('a hook that throws never changes the call', async () => {
    server.close.fake.fail({ method: 'GET', status: 503, times: 1 });
    const sequence = await client({
      onRetry: () => {
        throw new Error('hook bug');
      },
    }).sequences.retrieve(seqId());
    expect(sequence.id).toBe(seqId());
  });
});

describe('abort during a wait (fake timers, no real sleep)', () => {
  const saved = { ...backoffTiming };
  afterEach(() => {
    vi.useRealTimers();
    Object.assign(backoffTiming, saved);
  });

  it('an abort during an 8 s backoff rejects at once with AbortError and sends nothing more', async () => {
    Object.assign(backoffTiming, { baseMs: 8_000, maxMs: 8_000 });
    let sent = 0;
    const fetch = () => {
      sent++;
      return Promise.resolve(new Response('{}', { status: 503 }));
    };
    const waits: number[] = [];
    const controller = new AbortController();
    const close = new CloseClient({ apiKey: 'k', logLevel: 'off', pacing: false, fetch, onRetry: (e) => waits.push(e.waitMs) });
    // Timers are fake from here: the 8 s backoff can only end by the abort, never by time passing.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const call = close.sequences.retrieve('seq_1', { signal: controller.signal, maxRetries: 3 }).then(null, (e: unknown) => e);
    await vi.waitUntil(() => waits.length === 1, { interval: 1 });
    expect(waits[0]).toBeGreaterThanOrEqual(6_000);
    controller.abort();
    expect(await call).toBeInstanceOf(AbortError);
    expect(sent).toBe(1);
    vi.advanceTimersByTime(60_000);
    await Promise.resolve();
    expect(sent).toBe(1);
  });

  it('an abort while the pacer holds a call for a spent window rejects at once', async () => {
    let sent = 0;
    const fetch = () => {
      sent++;
      return Promise.resolve(
        new Response('{"data":[],"has_more":false}', { status: 200, headers: { ratelimit: 'limit=1, remaining=0, reset=30' } }),
      );
    };
    const close = new CloseClient({ apiKey: 'k', logLevel: 'off', fetch });
    await close.sequences.list().then((page) => page.data);
    const controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The same endpoint group (Close paces per method and path): its window is spent.
    const call = close.sequences.list({}, { signal: controller.signal }).then(null, (e: unknown) => e);
    await Promise.resolve();
    controller.abort();
    expect(await call).toBeInstanceOf(AbortError);
    expect(sent).toBe(1);
  });
});

describe('the removed idempotencyKey', () => {
  it('is no longer an option: a caller who read an old README is told so, and nothing is sent', async () => {
    server.close.fake.fail({ method: 'POST', status: 503, times: 3 });
    const error = await client()
      .sequences.create({ name: 'Once', timezone: 'UTC', steps: [{ step_type: 'call' }] }, { idempotencyKey: 'k' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('idempotencyKey');
    expect(server.close.fake.requestCount).toBe(0);
  });
});
