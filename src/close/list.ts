import type * as z from 'zod/mini';
import type { HttpClient } from '../core/http.js';
import { dataArray, offsetList } from '../core/offset-list.js';
import type { ListOptions } from '../core/options.js';
import type { Paginated } from '../core/pagination.js';

/** Close's default page size. */
export const CLOSE_PAGE_SIZE = 100;

/** A Close list: `_skip`/`_limit` paging until `has_more` is false. `params` are already checked. */
export function closeList<T>(
  http: HttpClient,
  path: string,
  params: { _limit?: number | undefined; _skip?: number | undefined; [filter: string]: string | number | undefined },
  envelope: z.ZodMiniType<{ data: T[]; has_more?: boolean | undefined }>,
  options: ListOptions | undefined,
): Paginated<T> {
  const { _limit, _skip, ...filters } = params;
  return offsetList(
    http,
    {
      path,
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
}
