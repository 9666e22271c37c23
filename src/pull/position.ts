/**
 * Where a pull stands: the offset of the next item (offset lists: Close, Whippy) or the cursor of
 * a page (cursor lists, e.g. Close's event log: `null` is the first page) and how many of its items
 * are already written. Saved with every committed page.
 */
export type PullPosition = { offset: number } | { cursor: string | null; skip?: number };

/** One page as the pull reads it: the `Page` of any `list()` fits. */
export interface PullPage<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Items across all pages, when the vendor says (Whippy). */
  readonly total?: number | undefined;
  /** Offset of this page's first item (offset lists). */
  readonly offset?: number;
  /** Cursor of the page after this one (cursor lists; `null` at the end); absent on offset lists. */
  readonly nextCursor?: string | null | undefined;
  /** True when another page follows this one. */
  hasNextPage(): boolean;
}

/** What a pull walks: anything with `pages()`, e.g. the `Paginated` every `list()` returns. */
export interface PullSource<T> {
  /** Walks pages in order. */
  pages(): AsyncIterable<PullPage<T>>;
}

/**
 * Where the pull continues after `taken` items of `page`: an offset counts items, so it can stop
 * mid-page; a cursor names a page, so a stop mid-page keeps that page's cursor and a skip count.
 */
export function positionAfter(page: PullPage<unknown>, taken: number, cursorOfPage: string | null): PullPosition {
  // A cursor list's pages count offsets too (from where the list started): the cursor decides.
  if (page.nextCursor === undefined && typeof page.offset === 'number') return { offset: page.offset + taken };
  if (taken < page.data.length) return { cursor: cursorOfPage, skip: taken };
  return { cursor: typeof page.nextCursor === 'string' ? page.nextCursor : null };
}
