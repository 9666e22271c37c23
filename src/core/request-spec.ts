import type * as z from 'zod/mini';
import type { ErrorDetails, Vendor } from './errors.js';
import type { VendorBudget } from './pacer.js';
import type { RateLimitReader } from './rate-limit.js';

/** HTTP methods the vendors use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query-string value; undefined values are left out. */
export type QueryValue = string | number | boolean | undefined;

/** What a vendor client tells the shared pipeline about its API. */
export interface VendorProfile {
  /** Which vendor, for errors and logs. */
  vendor: Vendor;
  /** The default API root. */
  defaultBaseUrl: string;
  /** Header names that carry this vendor's credential (redacted everywhere). */
  sensitiveHeaders: readonly string[];
  /** Body fields whose values are secrets (redacted in logged bodies): e.g. Close's webhook `signature_key`. */
  sensitiveFields?: readonly string[];
  /** Turns the vendor's error body into readable messages. */
  describeError(body: unknown): ErrorDetails;
  /** Reads the vendor's own rate-limit headers, on top of the standard ones. */
  readRateLimit?: RateLimitReader;
  /** Header names that carry the vendor's request id. */
  requestIdHeaders?: readonly string[];
  /** The vendor's documented request rate, paced client-side when it sends no rate headers on success. */
  requestsPerSecond?: number;
  /** Further documented budgets, for some requests only (Whippy: 10 writes a minute on sequences). */
  budgets?: readonly VendorBudget[];
  /**
   * The rate-limit group a request counts in, when the vendor limits per endpoint group (Close):
   * the server's window and a 429's wait then hold that group only. `template` is the route with
   * its ids as names (`sequence/{id}/`). Omitted: one window per credential.
   */
  rateLimitGroup?: (method: HttpMethod, template: string) => string;
}

/** How one response is checked and turned into the model. */
export interface Decoder<Wire, Model> {
  /** Runs before the check, in every mode (e.g. accept a body with or without a `{data}` wrapper). */
  prepare?: (body: unknown) => unknown;
  /** The wire shape (envelope included), checked per the validation mode. */
  schema: z.ZodMiniType<Wire>;
  /** Takes the model out of its envelope. */
  unwrap?: (wire: Wire) => Model;
}

/** One request, as a resource method describes it. */
export interface RequestSpec<Wire, Model> {
  method: HttpMethod;
  /** Path below the API root, its ids already encoded (see `path` in path.ts). */
  path: string;
  /** The route's template (`sequence/{id}/`, see `Route`), for rate-limit groups; defaults to `path`. */
  template?: string | undefined;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** How to read the response; omitted when the body is ignored. */
  decode?: Decoder<Wire, Model>;
  /**
   * Whether resending after an ambiguous failure is safe. Defaults to true for GET, PUT and
   * DELETE, false for POST; a vendor sets false for a DELETE with side effects.
   */
  idempotent?: boolean;
}
