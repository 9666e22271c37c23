import type { PullPosition, PullSource } from './position.js';
import { positionAfter } from './position.js';

/** How far a pull has come: saved with every committed page, so a resumed pull knows it too. */
export interface PullState {
  /** Where the next page starts; absent once the pull is complete. */
  position?: PullPosition | undefined;
  /** Items written so far, across resumed runs. */
  items: number;
  /** Pages fetched so far, across resumed runs. */
  pages: number;
  /** Items the vendor says the list holds (Whippy's `total`), when it says. */
  total?: number | undefined;
  /** True once the list ended (or `limit` items were written). */
  complete: boolean;
}

/** Where a pull writes: it stores a page's items together with the state they lead to. */
export interface PullSink<T> {
  /** Writes the items of one page (possibly none) and, with them, the state after them. */
  write(items: T[], state: PullState): Promise<void>;
}

/** Options of {@link drivePull}. */
export interface DriveOptions {
  /** The saved state to continue from (its position must be where `source` starts). */
  from?: PullState | undefined;
  /** Stop after this many items in all (resumed runs included). */
  limit?: number | undefined;
  /** Called after every committed page. */
  onPage?: ((state: PullState) => void) | undefined;
}

/** Drops the items of a cursor page that a previous run already wrote. */
function skipOf(from: PullState | undefined): number {
  const position = from?.position;
  return position && 'cursor' in position ? (position.skip ?? 0) : 0;
}

/** Walks `source` page by page into `sink`; resolves with the final state. */
export async function drivePull<T>(source: PullSource<T>, sink: PullSink<T>, options: DriveOptions = {}): Promise<PullState> {
  const { from, limit } = options;
  let state: PullState = {
    items: from?.items ?? 0,
    pages: from?.pages ?? 0,
    total: from?.total,
    complete: false,
    position: from?.position,
  };
  if (limit !== undefined && state.items >= limit) return finish(sink, state);
  let skip = skipOf(from);
  let cursorOfPage = from?.position && 'cursor' in from.position ? from.position.cursor : null;
  for await (const page of source.pages()) {
    const room = limit === undefined ? Number.POSITIVE_INFINITY : limit - state.items;
    const items = page.data.slice(skip, skip + room);
    const taken = skip + items.length;
    skip = 0;
    const ended = !page.hasNextPage() && taken >= page.data.length;
    const full = limit !== undefined && state.items + items.length >= limit;
    state = {
      items: state.items + items.length,
      pages: state.pages + 1,
      total: page.total ?? state.total,
      complete: ended || full,
      position: ended || full ? undefined : positionAfter(page, taken, cursorOfPage),
    };
    await sink.write(items, state);
    options.onPage?.(state);
    if (state.complete) return state;
    cursorOfPage = typeof page.nextCursor === 'string' ? page.nextCursor : null;
  }
  // A source that ends without a last page saying so (an empty list) is complete too.
  return finish(sink, { ...state, complete: true, position: undefined });
}

async function finish<T>(sink: PullSink<T>, state: PullState): Promise<PullState> {
  const done = { ...state, complete: true, position: undefined };
  await sink.write([], done);
  return done;
}
