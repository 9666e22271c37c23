import { describe, expect, it } from 'vitest';
import { AbortError, InvalidRequestError } from '../../src/index.js';
import { Paginated, type FetchedPage, type PageSource } from '../../src/core/pagination.js';

/** An in-memory page source over `total` numbered items; records offsets fetched and aborted. */
function numbers(
  total: number,
  options: { pageSize?: number; serverCap?: number; latencyMs?: (offset: number) => number; knowsTotal?: boolean } = {},
) {
  const log = { fetched: [] as number[], aborted: [] as number[], inFlight: 0, maxInFlight: 0 };
  const pageSize = options.pageSize ?? 10;
  const source: PageSource<number> = {
    startOffset: 0,
    pageSize,
    reportsTotal: options.knowsTotal === true,
    fetch: (offset, signal) =>
      new Promise<FetchedPage<number>>((resolve, reject) => {
        log.fetched.push(offset);
        log.inFlight++;
        log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
        const size = Math.min(pageSize, options.serverCap ?? pageSize);
        const items = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i);
        let settled = false;
        const timer = setTimeout(
          () => {
            settled = true;
            log.inFlight--;
            resolve({
              items,
              hasMore: offset + items.length < total,
              total: options.knowsTotal ? total : undefined,
              response: new Response(),
            });
          },
          options.latencyMs?.(offset) ?? 1,
        );
        signal?.addEventListener('abort', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          log.inFlight--;
          log.aborted.push(offset);
          reject(new Error('aborted'));
        });
      }),
  };
  return { source, log };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('Paginated', () => {
  it('walks every item in order, one page at a time by default', async () => {
    const { source, log } = numbers(35);
    expect(await collect(new Paginated(source))).toEqual(range(35));
    expect(log.fetched).toEqual([0, 10, 20, 30]);
    expect(log.maxInFlight).toBe(1);
  });

  it('prefetches up to `concurrency` pages and still yields items in order', async () => {
    // Later pages answer first: order must come from the offsets, not from arrival.
    const { source, log } = numbers(200, { latencyMs: (offset) => 40 - (offset % 40) });
    expect(await collect(new Paginated(source, 4))).toEqual(range(200));
    expect(log.maxInFlight).toBe(4);
  });

  it('stops speculating at the total when the vendor sends one', async () => {
    const { source, log } = numbers(45, { knowsTotal: true });
    expect(await collect(new Paginated(source, 8))).toEqual(range(45));
    expect(log.fetched.filter((offset) => offset >= 50)).toEqual([]);
    expect(log.maxInFlight).toBe(4);
  });

  it('realigns when the server returns shorter pages than asked, losing no item', async () => {
    const { source } = numbers(95, { pageSize: 20, serverCap: 7 });
    expect(await collect(new Paginated(source, 4))).toEqual(range(95));
  });

  it('aborts the requests in flight when the caller stops early', async () => {
    const { source, log } = numbers(1_000, { latencyMs: () => 20 });
    const taken: number[] = [];
    for await (const item of new Paginated(source, 5)) {
      taken.push(item);
      if (item === 14) break;
    }
    expect(taken).toEqual(range(15));
    expect(log.inFlight).toBe(0);
    expect(log.aborted.length).toBeGreaterThan(0);
  });

  it('gives the first page when awaited and fetches it only once', async () => {
    const { source, log } = numbers(25);
    const list = new Paginated(source);
    const [a, b] = await Promise.all([list, list]);
    expect(a).toBe(b);
    expect(a.data).toEqual(range(10));
    expect(log.fetched).toEqual([0]);
  });

  it('iterates pages with .pages()', async () => {
    const { source } = numbers(25);
    const sizes: number[] = [];
    for await (const page of new Paginated(source).pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('toArray stops at the limit and demands one', async () => {
    const { source, log } = numbers(1_000);
    expect(await new Paginated(source).toArray({ limit: 15 })).toEqual(range(15));
    expect(log.fetched).toEqual([0, 10]);
    // @ts-expect-error the cap is required
    await expect(new Paginated(source).toArray({})).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('refuses a concurrency outside 1 to 64', () => {
    const { source } = numbers(1);
    expect(() => new Paginated(source, 0)).toThrow(/concurrency/);
    expect(() => new Paginated(source, 65)).toThrow(/concurrency/);
  });

  it('pages expose nextCursor: the source cursor while a page follows, null on the last (or an empty) page, undefined on offset lists', async () => {
    const cursorPages: FetchedPage<number>[] = [
      { items: [1, 2], hasMore: true, nextCursor: 'c2', response: new Response() },
      { items: [], hasMore: true, nextCursor: 'c3', response: new Response() },
    ];
    const source: PageSource<number> = {
      startOffset: 0,
      pageSize: 2,
      fetch: (offset) => Promise.resolve(cursorPages[offset === 0 ? 0 : 1]!),
    };
    const first = await new Paginated(source);
    expect([first.hasNextPage(), first.nextCursor]).toEqual([true, 'c2']);
    const empty = await first.getNextPage();
    expect([empty.hasNextPage(), empty.nextCursor]).toEqual([false, null]);
    expect((await new Paginated(numbers(5).source)).nextCursor).toBeUndefined();
  });

  it('surfaces a failing page as a rejection of the walk', async () => {
    const source: PageSource<number> = { startOffset: 0, pageSize: 1, fetch: () => Promise.reject(new Error('boom')) };
    await expect(collect(new Paginated(source, 3))).rejects.toThrow('boom');
  });

  describe('an abort stops the walk at once', () => {
    /** Walks `list` until `stopAt` is taken, aborts, and returns what came after and how the walk ended. */
    async function abortAt(list: Paginated<number>, controller: AbortController, stopAt: number) {
      const taken: number[] = [];
      const iterator = list[Symbol.asyncIterator]();
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
        taken.push(step.value);
        if (step.value === stopAt) break;
      }
      controller.abort();
      const after = await iterator.next().then(
        (step) => ({ step }),
        (error: unknown) => ({ error }),
      );
      return { taken, after };
    }

    it('yields nothing more of the page it holds and rejects with AbortError', async () => {
      const controller = new AbortController();
      const { source } = numbers(35);
      const { taken, after } = await abortAt(new Paginated({ ...source, signal: controller.signal }), controller, 14);
      expect(taken).toEqual(range(15));
      expect(after).toEqual({ error: expect.any(AbortError) });
    });

    it('cancels the pages it prefetched', async () => {
      const controller = new AbortController();
      // Pages past the second would take long: they are still in flight when the walk is aborted.
      const { source, log } = numbers(1_000, { latencyMs: (offset) => (offset < 20 ? 1 : 60_000) });
      const list = new Paginated({ ...source, signal: controller.signal }, 4);
      const { taken, after } = await abortAt(list, controller, 14);
      expect(taken).toEqual(range(15));
      expect(after).toEqual({ error: expect.any(AbortError) });
      expect(log.inFlight).toBe(0);
      expect(log.aborted).toEqual(expect.arrayContaining([20, 30]));
    });

    it('a page walk yields no page once aborted, even one already fetched', async () => {
      const controller = new AbortController();
      const fetched: number[] = [];
      const source: PageSource<number> = {
        startOffset: 0,
        pageSize: 10,
        signal: controller.signal,
        fetch: (offset) => {
          fetched.push(offset);
          return Promise.resolve({ items: range(10).map((i) => offset + i), hasMore: true, response: new Response() });
        },
      };
      const pages = new Paginated(source, 3).pages();
      expect((await pages.next()).value?.offset).toBe(0);
      // The prefetched pages have arrived (they answer at once); abort before asking for them.
      await new Promise(setImmediate);
      expect(fetched).toEqual(expect.arrayContaining([10, 20]));
      controller.abort();
      await expect(pages.next()).rejects.toBeInstanceOf(AbortError);
    });
  });
});
