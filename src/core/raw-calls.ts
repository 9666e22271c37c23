// The escape hatch: `client.get/post/put/patch/delete(path, { query, body, schema })` for an
// endpoint the SDK does not cover, through the very pipeline of the resource methods (the same
// `RequestSpec` via `HttpClient.request`: auth, pacing, retries, typed errors, redaction).
import * as z from 'zod/mini';
import type * as zc from 'zod/v4/core';
import type { APIPromise } from './api-promise.js';
import { checkOptionKinds, isPlainObject, LIST_OPTION_KINDS, REQUEST_OPTION_KINDS } from './client-options.js';
import { InvalidRequestError } from './errors.js';
import type { HttpClient } from './http.js';
import type { ListOptions, RequestOptions } from './options.js';
import type { Paginated } from './pagination.js';
import { encodeId, type Route } from './path.js';
import type { Decoder, HttpMethod, QueryValue } from './request-spec.js';
import type { Input } from './resource.js';
import { pipelineOf } from './client-pipeline.js';

/** Query parameters of a raw call; undefined values are left out. */
export type RawQuery = Record<string, QueryValue>;

/** What a raw call sends, and how its answer is read. */
export interface RawCallOptions<S extends zc.$ZodType | undefined = undefined> extends RequestOptions {
  /** Query parameters. */
  query?: RawQuery;
  /** A JSON body (not on GET). */
  body?: unknown;
  /** A zod schema (zod or zod/mini) the answer is checked against, in the client's validation mode. */
  schema?: S;
}

/** What a raw call resolves with: the schema's output, else the parsed JSON as `unknown`. */
export type RawAnswer<S> = S extends zc.$ZodType ? zc.output<S> : unknown;

/** Options of `client.paginate()`: a list's options, plus the schema each item is checked against. */
export interface RawListOptions<S extends zc.$ZodType | undefined = undefined> extends ListOptions {
  /** A zod schema for one item; without it, items are `unknown`. */
  schema?: S;
}

/**
 * A raw path below the API root, checked like every id: each segment as `encodeId` checks an id
 * (no `..`, `?`, `#`, `%`, spaces or control characters), a leading `/` dropped, a trailing one
 * kept (Close's routes end in `/`), no empty segment between.
 */
export function rawRoute(value: unknown): Route {
  return () => {
    if (typeof value !== 'string' || value.replace(/^\//, '') === '') {
      throw new InvalidRequestError('path', [{ path: 'path', message: 'must be a non-empty path below the API root, e.g. "lead/"' }]);
    }
    const segments = value.replace(/^\//, '').split('/');
    return segments.map((segment, index) => (segment === '' && index === segments.length - 1 ? '' : encodeId(segment, 'path'))).join('/');
  };
}

/** Checks raw query parameters (or a list's params): an object of strings, numbers and booleans. */
export function rawQuery<Q extends RawQuery>(value: unknown, what: string): Input<Q> {
  return () => {
    if (value === undefined) return {} as Q;
    const bad = !isPlainObject(value)
      ? ['']
      : Object.entries(value)
          .filter(([, v]) => v !== undefined && !['string', 'number', 'boolean'].includes(typeof v))
          .map(([k]) => k);
    if (bad.length > 0) {
      throw new InvalidRequestError(
        what,
        bad.map((key) => ({ path: key, message: 'must be a string, number or boolean' })),
      );
    }
    return value as Q;
  };
}

/** What a raw call's options may hold, by kind: the call options plus query, body and schema. */
const RAW_CALL_OPTION_KINDS = { ...REQUEST_OPTION_KINDS, query: 'plainObject', body: 'json', schema: 'schema' } as const;

/** What `paginate()`'s options may hold: a list's options plus the item schema. */
const RAW_LIST_OPTION_KINDS = { ...LIST_OPTION_KINDS, schema: 'schema' } as const;

/** A user's schema (zod or zod/mini: both share zod's core, so either checks and nests the same), or `unknown`. */
export function rawSchema<S extends zc.$ZodType | undefined>(schema: S): z.ZodMiniType<RawAnswer<S>> {
  return (schema ?? z.unknown()) as z.ZodMiniType<RawAnswer<S>>;
}

/** How a vendor walks a raw list: its list helper on the checked route and params, items read by `item`. */
export type RawLister<P, S> = (
  route: Route,
  params: Input<P>,
  item: z.ZodMiniType<RawAnswer<S>>,
  options: ListOptions,
) => Paginated<RawAnswer<S>>;

/** `client.paginate(path, params, { schema })`: the checks every vendor's raw list shares, then the vendor's walk. */
export function rawPaginate<P extends RawQuery, S extends zc.$ZodType | undefined>(
  path: string,
  params: P | undefined,
  options: RawListOptions<S> | undefined,
  list: RawLister<P, S>,
): Paginated<RawAnswer<S>> {
  const { schema, ...listOptions } = options ?? {};
  const query = rawQuery<P>(params, 'paginate params');
  // Checked when the walk starts, like the path: a wrong value rejects the walk, nothing is sent.
  const checked = () => {
    checkOptionKinds(options, RAW_LIST_OPTION_KINDS, 'paginate options');
    return query();
  };
  return list(rawRoute(path), checked, rawSchema(isPlainObject(options) ? (schema as S) : (undefined as S)), listOptions);
}

/** One raw call through the client's pipeline, its path and query checked when the call is made. */
export function rawCall<S extends zc.$ZodType | undefined>(
  http: HttpClient,
  method: HttpMethod,
  path: string,
  options: RawCallOptions<S> | undefined,
): APIPromise<RawAnswer<S>> {
  const { query, body, schema, ...requestOptions } = isPlainObject(options) ? options : {};
  const route = rawRoute(path);
  const decode: Decoder<RawAnswer<S>, RawAnswer<S>> = { schema: rawSchema(schema as S) };
  return http.request(() => {
    checkOptionKinds(options, RAW_CALL_OPTION_KINDS, `${method} options`);
    if (method === 'GET' && body !== undefined) {
      throw new InvalidRequestError('GET options', [{ path: 'body', message: 'a GET sends no body: use query' }]);
    }
    // A PATCH, like a POST, is not resent after an ambiguous failure.
    return {
      method,
      path: route(),
      query: rawQuery(query, `${method} query`)(),
      body,
      decode,
      idempotent: method !== 'POST' && method !== 'PATCH',
    };
  }, requestOptions);
}

/** The five raw calls every vendor client has, on the pipeline the client was built with. */
export class RawCalls {
  /** `GET path` for an endpoint the SDK does not cover, through the same pipeline as every method. */
  get<S extends zc.$ZodType | undefined = undefined>(path: string, options?: RawCallOptions<S>): APIPromise<RawAnswer<S>> {
    return rawCall(pipelineOf(this), 'GET', path, options);
  }

  /** `POST path` with an optional JSON `body`; never resent after an ambiguous failure. */
  post<S extends zc.$ZodType | undefined = undefined>(path: string, options?: RawCallOptions<S>): APIPromise<RawAnswer<S>> {
    return rawCall(pipelineOf(this), 'POST', path, options);
  }

  /** `PUT path` with an optional JSON `body`. */
  put<S extends zc.$ZodType | undefined = undefined>(path: string, options?: RawCallOptions<S>): APIPromise<RawAnswer<S>> {
    return rawCall(pipelineOf(this), 'PUT', path, options);
  }

  /** `PATCH path` with an optional JSON `body`; never resent after an ambiguous failure. */
  patch<S extends zc.$ZodType | undefined = undefined>(path: string, options?: RawCallOptions<S>): APIPromise<RawAnswer<S>> {
    return rawCall(pipelineOf(this), 'PATCH', path, options);
  }

  /** `DELETE path`. */
  delete<S extends zc.$ZodType | undefined = undefined>(path: string, options?: RawCallOptions<S>): APIPromise<RawAnswer<S>> {
    return rawCall(pipelineOf(this), 'DELETE', path, options);
  }
}
