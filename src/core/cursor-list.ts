import type * as z from 'zod/mini';
import { SequenceSdkError } from './errors.js';
import type { HttpClient } from './http.js';
import type { QueryValue } from './request-spec.js';
import { checkRequestOptions, type ListOptions, type RequestOptions } from './options.js';
import { Paginated, type PageSource } from './pagination.js';

/** One page read out of a cursor-paged envelope. */
export interface CursorPageContent<T> {
  items: T[];
  /** The cursor of the next page; null or undefined at the end. */
  nextCursor: string | null | undefined;
}

/** How one vendor list endpoint pages by cursor. */
export interface CursorListSpec<Wire, T> {
  path: string;
  /** The route's template (`sequence/{id}/`), for rate-limit groups. */
  template?: string | undefined;
  /** Filters, sent as query parameters on every page (cursors do not carry them). */
  params: Record<string, QueryValue>;
  /** Query parameter that carries the cursor. */
  cursorParam: string;
  /** The cursor of the first page (a list continued from a saved cursor); absent: from the start. */
  startCursor?: string | undefined;
  /** Items per page, as the caller asked (the server may cap it). */
  pageSize: number;
  /** The wire envelope of one page. */
  schema: z.ZodMiniType<Wire>;
  /** Reads items and the next cursor out of the envelope; must tolerate unchecked input. */
  readPage(wire: Wire): CursorPageContent<T>;
}

/**
 * Builds the lazily fetched list of a cursor-paged endpoint. Pages are fetched one after another
 * (a cursor is only known once the page before it arrived), so `concurrency` does not apply.
 * Only the cursor of the page ahead is kept: memory stays flat on long walks. Each page exposes
 * it as `nextCursor`, so a walk can be continued later from `startCursor`.
 */
export function cursorList<Wire, T>(http: HttpClient, spec: CursorListSpec<Wire, T>, listOptions?: ListOptions): Paginated<T> {
  checkRequestOptions(listOptions, true);
  const { concurrency: _, ...options }: RequestOptions & ListOptions = listOptions ?? {};
  // Page offsets stand in for cursors: the offset a page starts at maps to the cursor that fetches it.
  const cursors = new Map<number, string>();
  const source: PageSource<T> = {
    startOffset: 0,
    pageSize: spec.pageSize,
    signal: options.signal,
    fetch: async (offset, signal) => {
      const cursor = offset === 0 ? spec.startCursor : cursors.get(offset);
      if (offset !== 0 && cursor === undefined) {
        throw new SequenceSdkError('This cursor-paged list moves forward only: fetch the next page from the latest one');
      }
      const query = { ...spec.params, [spec.cursorParam]: cursor };
      const result = await http.execute(
        {
          method: 'GET',
          path: spec.path,
          template: spec.template,
          query,
          decode: { schema: spec.schema, unwrap: (wire: Wire) => spec.readPage(wire) },
        },
        signal === undefined ? options : { ...options, signal },
      );
      const { items, nextCursor } = result.data;
      // A server that hands back the cursor it was given would make the walk loop forever.
      if (items.length > 0 && cursor !== undefined && nextCursor === cursor) {
        throw new SequenceSdkError(`The ${spec.path} list answered with the cursor it was asked for: stopping instead of looping`);
      }
      cursors.clear();
      if (typeof nextCursor === 'string' && nextCursor !== '') cursors.set(offset + items.length, nextCursor);
      const next = cursors.get(offset + items.length) ?? null;
      return { items, hasMore: next !== null, nextCursor: next, response: result.response };
    },
  };
  return new Paginated(source, 1);
}
