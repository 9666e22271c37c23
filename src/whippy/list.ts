import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import type { HttpClient } from '../core/http.js';
import { dataArray, offsetList } from '../core/offset-list.js';
import type { ListOptions } from '../core/options.js';
import { Paginated } from '../core/pagination.js';
import type { Route } from '../core/path.js';
import type { QueryValue } from '../core/request-spec.js';
import type { Input } from '../core/resource.js';
import { rawPaginate, type RawAnswer, type RawListOptions } from '../core/raw-calls.js';
import { looseObject } from '../core/schema.js';

/** Whippy's default page size. */
export const WHIPPY_PAGE_SIZE = 50;

/** What a Whippy list takes: `offset`/`limit` plus its filters. */
export type WhippyListParams = { limit?: number | undefined; offset?: number | undefined; [filter: string]: QueryValue };

function readPage<T>(wire: unknown, pageOffset: number, pageSize: number) {
  const items = dataArray<T>(wire);
  const total = (wire as { total?: unknown } | undefined)?.total;
  // Without a total, a full page means there may be more.
  const hasMore = typeof total === 'number' ? pageOffset + items.length < total : items.length >= pageSize;
  return { items, hasMore, total: typeof total === 'number' ? total : undefined };
}

/**
 * A Whippy list: `offset`/`limit` paging with `total`; filters go in the query, or in the JSON body
 * for a `POST` list. The route and params are checked when the walk starts. (Same shape as `closeList`.)
 */
export function whippyList<T>(
  http: HttpClient,
  route: Route,
  params: Input<WhippyListParams>,
  envelope: z.ZodMiniType<{ data: T[]; total?: number | undefined }>,
  options: ListOptions | undefined,
  method: 'GET' | 'POST' = 'GET',
): Paginated<T> {
  return Paginated.from(() => {
    const { limit, offset, ...filters } = params();
    return offsetList<{ data: T[]; total?: number | undefined }, T>(
      http,
      {
        method,
        path: route(),
        template: route.template,
        params: filters,
        offsetParam: 'offset',
        limitParam: 'limit',
        startOffset: offset ?? 0,
        pageSize: limit ?? WHIPPY_PAGE_SIZE,
        schema: envelope,
        reportsTotal: true,
        readPage,
      },
      options,
    );
  });
}

/** `whippy.paginate(path, params)`: any Whippy list endpoint, walked as {@link whippyList} walks the SDK's (GET). */
export function whippyPaginate<S extends zc.$ZodType | undefined>(
  http: HttpClient,
  path: string,
  params: WhippyListParams | undefined,
  options: RawListOptions<S> | undefined,
): Paginated<RawAnswer<S>> {
  return rawPaginate(path, params, options, (route, query, item, listOptions) =>
    whippyList(http, route, query, looseObject({ data: z.array(item), total: z.optional(z.number()) }), listOptions),
  );
}
