import type * as z from 'zod/mini';
import type { HttpClient, QueryValue } from '../core/http.js';
import { dataArray, offsetList } from '../core/offset-list.js';
import type { ListOptions } from '../core/options.js';
import type { Paginated } from '../core/pagination.js';

/** Whippy's default page size. */
export const WHIPPY_PAGE_SIZE = 50;

/**
 * Whippy wraps single objects in `{data}` (probably: unconfirmed), so a body is accepted with
 * or without the wrapper: `{data: {...}}` without an `id` of its own is unwrapped.
 */
export function unwrapData(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  const inner = record.data;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && !('id' in record) ? inner : body;
}

/** A Whippy list: `offset`/`limit` paging with `total`. `params` are already checked. */
export function whippyList<T>(
  http: HttpClient,
  path: string,
  params: { limit?: number | undefined; offset?: number | undefined; [filter: string]: QueryValue },
  envelope: z.ZodMiniType<{ data: T[]; total?: number | undefined }>,
  options: ListOptions | undefined,
  method: 'GET' | 'POST' = 'GET',
): Paginated<T> {
  const { limit, offset, ...filters } = params;
  return offsetList(
    http,
    {
      method,
      path,
      params: filters,
      offsetParam: 'offset',
      limitParam: 'limit',
      startOffset: offset ?? 0,
      pageSize: limit ?? WHIPPY_PAGE_SIZE,
      schema: envelope,
      reportsTotal: true,
      readPage: (wire, pageOffset, pageSize) => {
        const items = dataArray<T>(wire);
        const total = (wire as { total?: unknown } | undefined)?.total;
        // Without a total, a full page means there may be more.
        const hasMore = typeof total === 'number' ? pageOffset + items.length < total : items.length >= pageSize;
        return { items, hasMore, total: typeof total === 'number' ? total : undefined };
      },
    },
    options,
  );
}
