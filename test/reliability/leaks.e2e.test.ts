import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { AbortError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { settledHeapAfterFinalizers } from '../helpers/heap.js';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(() => fake.stop());

describe('no leaks', () => {
  it('10,000 calls sharing one AbortSignal leave no listeners on it and no heap growth', async () => {
    const close = new CloseClient({ baseUrl: fake.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const id = [...fake.close.fake.sequences.keys()][0]!;
    const controller = new AbortController();
    const signal = controller.signal;
    const batch = async (n: number) => {
      for (let i = 0; i < n; i++) await close.sequences.retrieve(id, { signal });
    };
    // Warm-up to a steady state: JIT, sockets, the test runner's one-off allocations (~2 MB), and the
    // in-process fake's request log up to its 2,000-entry cap; what is measured next is the client.
    await batch(4_500);
    const before = await settledHeapAfterFinalizers();
    await batch(10_000);
    const after = await settledHeapAfterFinalizers();
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
    // The shared signal still works afterwards.
    controller.abort();
    await expect(close.sequences.retrieve(id, { signal })).rejects.toBeInstanceOf(AbortError);
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
    await new Promise((resolve) => setTimeout(resolve, 100)); // first page done, the next ones in flight
    controller.abort();
    await expect(walk).rejects.toBeInstanceOf(AbortError);
    const startedAtAbort = seen.started;
    await new Promise((resolve) => setTimeout(resolve, 500)); // longer than a page takes
    expect(seen.started).toBe(startedAtAbort);
    expect(seen.cut).toBe(seen.started - seen.finished);
    expect(seen.cut).toBeGreaterThanOrEqual(1);
  });
});
