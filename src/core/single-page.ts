import type { HttpClient, RequestSpec } from './http.js';
import type { ListOptions } from './options.js';
import { Paginated } from './pagination.js';

/** A list the vendor returns whole, as one page (Clarion's sequence list). */
export function singlePageList<Wire, T>(http: HttpClient, spec: RequestSpec<Wire, T[]>, options?: ListOptions): Paginated<T> {
  const { concurrency: _, ...requestOptions } = options ?? {};
  return new Paginated<T>({
    startOffset: 0,
    pageSize: Number.MAX_SAFE_INTEGER,
    signal: requestOptions.signal,
    fetch: async (_offset, signal) => {
      const { data, response } = await http.execute(spec, signal === undefined ? requestOptions : { ...requestOptions, signal });
      return { items: Array.isArray(data) ? data : [], hasMore: false, response };
    },
  });
}
