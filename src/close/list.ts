import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import type { HttpClient } from '../core/http.js';
import { dataArray, offsetList } from '../core/offset-list.js';
import type { ListOptions } from '../core/options.js';
import { Paginated } from '../core/pagination.js';
import type { Route } from '../core/path.js';
import type { Input } from '../core/resource.js';
import { rawPaginate, type RawAnswer, type RawListOptions } from '../core/raw-calls.js';
import { looseObject } from '../core/schema.js';

/** Close's default page size. */
export const CLOSE_PAGE_SIZE = 100;

/** What a Close list takes: `_skip`/`_limit` plus its filters. */
export type CloseListParams = { _limit?: number | undefined; _skip?: number | undefined; [filter: string]: string | number | undefined };

/**
 * A Close list: `_skip`/`_limit` paging until `has_more` is false. The route and params are checked
 * when the walk starts, so a bad one rejects it. (Same shape as `whippyList` and `clarionList`.)
 */
export function closeList<T>(
  http: HttpClient,
  route: Route,
  params: Input<CloseListParams>,
  envelope: z.ZodMiniType<{ data: T[]; has_more?: boolean | undefined }>,
  options: ListOptions | undefined,
): Paginated<T> {
  return Paginated.from(() => {
    const { _limit, _skip, ...filters } = params();
    return offsetList(
      http,
      {
        path: route(),
        template: route.template,
        params: filters,
        offsetParam: '_skip',
        limitParam: '_limit',
        startOffset: _skip ?? 0,
        pageSize: _limit ?? CLOSE_PAGE_SIZE,
        schema: envelope,
        readPage: (wire) => ({ items: dataArray<T>(wire), hasMore: (wire as { has_more?: unknown } | undefined)?.has_more === true }),
      },
      options,
    );
  });
}

/** `close.paginate(path, params)`: any Close list endpoint, walked as {@link closeList} walks the SDK's. */
export function closePaginate<S extends zc.$ZodType | undefined>(
  http: HttpClient,
  path: string,
  params: CloseListParams | undefined,
  options: RawListOptions<S> | undefined,
): Paginated<RawAnswer<S>> {
  return rawPaginate(path, params, options, (route, query, item, listOptions) =>
    closeList(http, route, query, looseObject({ data: z.array(item), has_more: z.optional(z.boolean()) }), listOptions),
  );
}
