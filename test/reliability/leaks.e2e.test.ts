import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { AbortError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { settledHeapAfterFinalizers } from '../helpers/heap.js';

// The calls go to a plain server that answers every request with one sequence as the Close fake
// serves it: the fake keeps a log of the last 2,000 requests in this heap, which took 4,500 warm-up
// calls to fill before anything could be measured; this server keeps nothing, so the heap measured
// is the client's.
let server: Server;
let baseUrl = '';
let sequenceId = '';
beforeAll(async () => {
  const fake: FakeServer = await startFakeServer();
  sequenceId = [...fake.close.fake.sequences.keys()][0]!;
  const seed = await fetch(`${fake.close.baseUrl}/sequence/${sequenceId}/`, {
    headers: { authorization: `Basic ${btoa('test_close_key:')}` },
  });
  const body = await seed.text();
  await fake.stop();
  server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('no leaks', () => {
  it('10,000 calls sharing one AbortSignal leave no listeners on it and no heap growth', async () => {
    const close = new CloseClient({ baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const controller = new AbortController();
    const signal = controller.signal;
    const batch = async (n: number) => {
      for (let i = 0; i < n; i++) await close.sequences.retrieve(sequenceId, { signal });
    };
    // Warm-up to a steady state: JIT, sockets, the test runner's one-off allocations.
    await batch(1_000);
    const before = await settledHeapAfterFinalizers();
    await batch(10_000);
    const after = await settledHeapAfterFinalizers();
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
    // The shared signal still works afterwards.
    controller.abort();
    await expect(close.sequences.retrieve(sequenceId, { signal })).rejects.toBeInstanceOf(AbortError);
  }, 60_000);
});

describe('aborting a paginated walk', () => {
  let slow: Server;
  let url = '';
  const seen = { started: 0, finished: 0, cut: 0 };

  beforeAll(async () => {
    // Pages answer after 300 ms, so several are in flight when the walk is aborted.
    slow = createServer((request, response) => {
      seen.started++;
      const skip = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('_skip') ?? 0);
      const body = JSON.stringify({ data: [{ id: `seq_${skip}`, name: 'S', status: 'active', steps: [] }], has_more: true });
      const timer = setTimeout(
        () => {
          seen.finished++;
          response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        },
        skip === 0 ? 0 : 300,
      );
      response.on('close', () => {
        if (!response.writableFinished) {
          clearTimeout(timer);
          seen.cut++;
        }
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(slow.address() as { port: number }).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => slow.close(() => resolve())));

  it('stops every request in flight and sends no more', async () => {
    const close = new CloseClient({ baseUrl: url, apiKey: 'test_close_key', logLevel: 'off' });
    const controller = new AbortController();
    const walk = (async () => {
      for await (const _ of close.sequences.list({ _limit: 1 }, { concurrency: 4, signal: controller.signal })) void _;
    })();
    // The first page done, the next 4 (the concurrency) in flight.
    await vi.waitUntil(() => seen.finished === 1 && seen.started >= 5, { interval: 5 });
    controller.abort();
    await expect(walk).rejects.toBeInstanceOf(AbortError);
    const startedAtAbort = seen.started;
    // Until every request in flight is cut (a page that still answered could have asked for the next).
    await vi.waitUntil(() => seen.cut + seen.finished === seen.started, { interval: 5 });
    expect(seen.started).toBe(startedAtAbort);
    expect(seen.cut).toBe(seen.started - seen.finished);
    expect(seen.cut).toBeGreaterThanOrEqual(1);
  });
});
