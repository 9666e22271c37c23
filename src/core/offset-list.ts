import type * as z from 'zod/mini';
import type { HttpClient } from './http.js';
import type { QueryValue } from './request-spec.js';
import { checkRequestOptions, type ListOptions } from './options.js';
import { Paginated, type PageSource } from './pagination.js';

/** One page read out of a vendor's list envelope. */
export interface PageContent<T> {
  items: T[];
  hasMore: boolean;
  total?: number | undefined;
}

/** How one vendor list endpoint pages by offset and limit. */
export interface OffsetListSpec<Wire, T> {
  method?: 'GET' | 'POST';
  path: string;
  /** The route's template (`sequence/{id}/`), for rate-limit groups. */
  template?: string | undefined;
  /** Filters, sent as query parameters (GET) or JSON body fields (POST). */
  params: Record<string, QueryValue>;
  /** Parameter names for the offset and the page size. */
  offsetParam: string;
  limitParam: string;
  startOffset: number;
  pageSize: number;
  /** The wire envelope of one page. */
  schema: z.ZodMiniType<Wire>;
  /** True when every page carries the total item count. */
  reportsTotal?: boolean;
  /** Reads items and "is there more" out of the envelope; must tolerate unchecked input. */
  readPage(wire: Wire, offset: number, pageSize: number): PageContent<T>;
}

/** Builds the lazily fetched, optionally prefetched list for an offset-paged endpoint. */
export function offsetList<Wire, T>(http: HttpClient, spec: OffsetListSpec<Wire, T>, options?: ListOptions): Paginated<T> {
  checkRequestOptions(options, true);
  const { concurrency, ...requestOptions } = options ?? {};
  const method = spec.method ?? 'GET';
  const source: PageSource<T> = {
    startOffset: spec.startOffset,
    pageSize: spec.pageSize,
    signal: requestOptions.signal,
    reportsTotal: spec.reportsTotal === true,
    fetch: async (offset, signal) => {
      const params = { ...spec.params, [spec.offsetParam]: offset, [spec.limitParam]: spec.pageSize };
      const result = await http.execute(
        {
          method,
          path: spec.path,
          template: spec.template,
          ...(method === 'GET' ? { query: params } : { body: params }),
          decode: { schema: spec.schema, unwrap: (wire: Wire) => spec.readPage(wire, offset, spec.pageSize) },
        },
        signal === undefined ? requestOptions : { ...requestOptions, signal },
      );
      return { ...result.data, response: result.response };
    },
  };
  return new Paginated(source, concurrency ?? 1);
}

/** The `data` array of an envelope, or [] when the (unchecked) body has none. */
export function dataArray<T>(wire: unknown): T[] {
  const data = (wire as { data?: unknown } | null | undefined)?.data;
  return Array.isArray(data) ? (data as T[]) : [];
}
