import { AbortError, InvalidRequestError, SequenceSdkError } from './errors.js';
import { checkCount } from './options.js';

/** One page as a vendor resource fetched it, before it becomes a {@link Page}. */
export interface FetchedPage<T> {
  /** The items of this page. */
  items: T[];
  /** Whether the server says more items follow. */
  hasMore: boolean;
  /** Items across all pages, when the vendor says (Whippy's `total`). */
  total?: number | undefined;
  /** Cursor-paged lists only: the cursor of the next page, `null` on the last; absent on offset lists. */
  nextCursor?: string | null | undefined;
  /** The raw response of this page. */
  response: Response;
}

/** Where pages come from: a vendor resource fills this in for one `list()` call. */
export interface PageSource<T> {
  /** Fetches the page that starts at `offset`. */
  fetch(offset: number, signal: AbortSignal | undefined): Promise<FetchedPage<T>>;
  /** Offset of the first page. */
  startOffset: number;
  /** Items requested per page. */
  pageSize: number;
  /** The caller's signal, if any; prefetching adds its own on top. */
  signal?: AbortSignal | undefined;
  /**
   * True when every page carries the total (Whippy): prefetching then waits for the first page
   * and never asks past the end. Without it (Close's `has_more`), pages are fetched speculatively.
   */
  reportsTotal?: boolean;
}

/** One page of a list: its items, and the way to the next one. */
export class Page<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Items across all pages, when the vendor says. */
  readonly total: number | undefined;
  /** The raw response of this page. */
  readonly response: Response;
  /** The offset this page starts at (on a cursor list: counted from where the list started). */
  readonly offset: number;
  /**
   * On a cursor-paged list (Close's event log): the cursor that fetches the next page, `null` on
   * the last page. Save it to continue later, e.g. `close.events.list({ ...filter, _cursor })`.
   * `undefined` on offset-paged lists (continue those from {@link Page.nextOffset}).
   */
  readonly nextCursor: string | null | undefined;
  readonly #source: PageSource<T>;
  readonly #hasMore: boolean;

  constructor(source: PageSource<T>, offset: number, fetched: FetchedPage<T>) {
    this.#source = source;
    this.offset = offset;
    this.data = fetched.items;
    this.total = fetched.total;
    this.response = fetched.response;
    this.#hasMore = fetched.hasMore && fetched.items.length > 0;
    // A cursor is only offered where this page says another follows: hasNextPage() and it agree.
    this.nextCursor = fetched.nextCursor === undefined ? undefined : this.#hasMore ? fetched.nextCursor : null;
  }

  /** True when another page follows this one. */
  hasNextPage(): boolean {
    return this.#hasMore;
  }

  /** The offset the next page starts at. */
  nextOffset(): number {
    return this.offset + this.data.length;
  }

  /** Fetches the page after this one; throws when there is none. */
  getNextPage(): Promise<Page<T>> {
    if (!this.#hasMore) return Promise.reject(new SequenceSdkError('There is no next page: check hasNextPage() first'));
    return loadPage(this.#source, this.nextOffset(), this.#source.signal);
  }
}

async function loadPage<T>(source: PageSource<T>, offset: number, signal: AbortSignal | undefined): Promise<Page<T>> {
  return new Page(source, offset, await source.fetch(offset, signal));
}

const noop = (): void => {};

/**
 * A page as the walk may hand it on: once the caller's signal has fired, nothing more is yielded
 * (not even a page that arrived before the abort), and the walk rejects with {@link AbortError}.
 */
async function unlessAborted<T>(page: Promise<Page<T>>, signal: AbortSignal | undefined): Promise<Page<T>> {
  let settled: Page<T> | undefined;
  let failure: unknown;
  try {
    settled = await page;
  } catch (error) {
    failure = error;
  }
  if (signal?.aborted) throw failure instanceof AbortError ? failure : new AbortError('The list walk was aborted');
  if (settled === undefined) throw failure;
  return settled;
}

/**
 * What every `list()` returns, at once and without awaiting:
 * `for await` walks items across pages lazily; `await` gives the first {@link Page};
 * `.pages()` walks pages; `.toArray({ limit })` collects up to a required cap.
 * Memory stays flat however many items are walked: only the pages in flight are held.
 */
export class Paginated<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #source: PageSource<T>;
  readonly #concurrency: number;
  #first: Promise<Page<T>> | undefined;

  constructor(source: PageSource<T>, concurrency = 1) {
    checkCount(concurrency, 'concurrency', 1, 64);
    this.#source = source;
    this.#concurrency = concurrency;
  }

  /**
   * Runs `build` (which checks the caller's input); if it throws, returns a list that fails
   * with that error on first use and never sends a request.
   */
  static from<T>(build: () => Paginated<T>): Paginated<T> {
    try {
      return build();
    } catch (error) {
      return new Paginated<T>({ fetch: () => Promise.reject(error), startOffset: 0, pageSize: 1 });
    }
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= loadPage(this.#source, this.#source.startOffset, this.#source.signal);
    return this.#first;
  }

  /** Promise interface: resolves with the first page. */
  then<R1 = Page<T>, R2 = never>(
    onFulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  /**
   * Walks every item of every page, in order. Hand-written rather than an async generator: items
   * of a page already fetched come back as resolved promises, a third of the generator's cost
   * per item on bulk pulls. Breaking out of the loop closes the page walk (aborting prefetches).
   */
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> & AsyncIterable<T> {
    const pages = this.pages();
    const signal = this.#source.signal;
    let items: T[] = [];
    let index = 0;
    // Aborted while holding a page: its rest is dropped, the page walk closed (cancelling prefetches).
    const abandon = async (): Promise<never> => {
      items = [];
      await pages.return(undefined);
      throw new AbortError('The list walk was aborted');
    };
    const nextPage = async (): Promise<IteratorResult<T, undefined>> => {
      for (;;) {
        const step = await pages.next();
        if (step.done) return { done: true, value: undefined };
        items = step.value.data;
        index = 0;
        if (items.length > 0) return { done: false, value: items[index++]! };
      }
    };
    return {
      next: () =>
        signal?.aborted ? abandon() : index < items.length ? Promise.resolve({ done: false, value: items[index++]! }) : nextPage(),
      return: async () => {
        items = [];
        await pages.return(undefined);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Walks pages in order; with `concurrency > 1`, fetches that many ahead. */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#concurrency > 1 ? this.#prefetchedPages() : this.#serialPages();
  }

  /** Collects items into an array, stopping at `limit` (required, so a pull can't grow unbounded). */
  async toArray(options: { limit: number }): Promise<T[]> {
    const limit = options?.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
      const message =
        limit === undefined
          ? 'is required: the most items to collect, a whole number'
          : `must be a whole number of items, 0 or more (got ${typeof limit === 'number' ? String(limit) : typeof limit})`;
      throw new InvalidRequestError('toArray options', [{ path: 'limit', message }]);
    }
    const out: T[] = [];
    if (limit === 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }

  async *#serialPages(): AsyncGenerator<Page<T>, void, undefined> {
    const signal = this.#source.signal;
    let page = await unlessAborted(this.#firstPage(), signal);
    yield page;
    while (page.hasNextPage()) {
      page = await unlessAborted(page.getNextPage(), signal);
      yield page;
    }
  }

  async *#prefetchedPages(): AsyncGenerator<Page<T>, void, undefined> {
    const source = this.#source;
    const queue: { offset: number; page: Promise<Page<T>> }[] = [];
    let controller = new AbortController();
    const follow = () => (source.signal ? AbortSignal.any([source.signal, controller.signal]) : controller.signal);
    let signal = follow();
    let nextOffset = source.startOffset;
    let pageSize = source.pageSize;
    let end = Number.POSITIVE_INFINITY;
    const launch = (): void => {
      const page = loadPage(source, nextOffset, signal);
      page.catch(noop); // awaited in order below; a page abandoned early must not be an unhandled rejection
      queue.push({ offset: nextOffset, page });
      nextOffset += pageSize;
    };
    const fill = (): void => {
      while (queue.length < this.#concurrency && nextOffset < end) launch();
    };
    try {
      // With a total, the first page says where the end is: fetch it alone, then never ask past it.
      if (source.reportsTotal) launch();
      else fill();
      for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
        const page = await unlessAborted(head.page, source.signal);
        if (page.total !== undefined) end = page.total;
        const more = page.hasNextPage();
        if (more && page.nextOffset() !== (queue[0]?.offset ?? nextOffset)) {
          // The server sent fewer items than asked (its own page cap): drop the guesses and realign.
          controller.abort();
          controller = new AbortController();
          signal = follow();
          queue.length = 0;
          nextOffset = page.nextOffset();
          pageSize = page.data.length;
        }
        if (more) fill();
        yield page;
        if (!more) return;
      }
    } finally {
      controller.abort(); // stops speculative requests past the end, or on break / error
    }
  }
}
