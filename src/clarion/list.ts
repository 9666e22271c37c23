import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import type { HttpClient } from '../core/http.js';
import { checkRequestOptions, type ListOptions } from '../core/options.js';
import { Paginated } from '../core/pagination.js';
import type { Route } from '../core/path.js';
import type { Decoder } from '../core/request-spec.js';
import type { Input } from '../core/resource.js';
import { rawPaginate, type RawAnswer, type RawListOptions, type RawQuery } from '../core/raw-calls.js';
import { successEnvelope } from './models.js';

/** What a Clarion list takes: none of its lists page or filter, so nothing yet. */
export type ClarionListParams = Record<string, never>;

/**
 * A Clarion list: the vendor returns it whole, as one page. The route is checked when the walk
 * starts. (Same shape as `closeList` and `whippyList`.)
 */
export function clarionList<Wire, T>(
  http: HttpClient,
  route: Route,
  params: Input<ClarionListParams | RawQuery>,
  decoder: Decoder<Wire, T[]>,
  options: ListOptions | undefined,
): Paginated<T> {
  return Paginated.from(() => {
    checkRequestOptions(options, true);
    const { concurrency: _, ...requestOptions } = options ?? {};
    const query = params();
    const spec = {
      method: 'GET',
      path: route(),
      template: route.template,
      ...(Object.keys(query).length > 0 ? { query } : {}),
      decode: decoder,
    } as const;
    return new Paginated<T>({
      startOffset: 0,
      pageSize: Number.MAX_SAFE_INTEGER,
      signal: requestOptions.signal,
      fetch: async (_offset, signal) => {
        const { data, response } = await http.execute(spec, signal === undefined ? requestOptions : { ...requestOptions, signal });
        return { items: Array.isArray(data) ? data : [], hasMore: false, response };
      },
    });
  });
}

/** `clarion.paginate(path, params)`: any Clarion list endpoint, answered whole in `{ success, data }` as {@link clarionList} reads the SDK's. */
export function clarionPaginate<S extends zc.$ZodType | undefined>(
  http: HttpClient,
  path: string,
  params: RawQuery | undefined,
  options: RawListOptions<S> | undefined,
): Paginated<RawAnswer<S>> {
  return rawPaginate(path, params, options, (route, query, item, listOptions) =>
    clarionList(
      http,
      route,
      query,
      { schema: successEnvelope(z.array(item)), unwrap: (wire: { data: RawAnswer<S>[] }) => wire?.data },
      listOptions,
    ),
  );
}
