import { textDetails } from '../core/error-details.js';
import type { ErrorDetails } from '../core/errors.js';
import type { VendorProfile } from '../core/request-spec.js';
import type { VendorBudget } from '../core/pacer.js';

/** Whippy's API root. */
export const WHIPPY_BASE_URL = 'https://api.whippy.co/v1';
/** The header Whippy's own services read for how long to wait after a 429 (milliseconds). */
export const WHIPPY_RETRY_HEADER = 'x-ratelimit-remaining-interval-milliseconds';

/** Reads Whippy's error shape: `{"errors":[{"description":"Not authenticated"}],"status":401}`. */
export function describeWhippyError(body: unknown): ErrorDetails {
  if (typeof body !== 'object' || body === null) return textDetails(body);
  const list = (body as { errors?: unknown }).errors;
  const errors = Array.isArray(list)
    ? list
        .map((item) => (typeof item === 'string' ? item : (item as { description?: unknown })?.description))
        .filter((d): d is string => typeof d === 'string' && d !== '')
    : [];
  return { errors, fieldErrors: {} };
}

/** A limit of `limit` requests per `windowMs`. */
export interface WriteLimit {
  /** Requests allowed in any window. */
  limit: number;
  /** The window, in ms. */
  windowMs: number;
}

/** Whippy's documented limit on "time-consuming" writes (docs/rate-limiting): 10 a minute, `v1/sequences` among them. */
export const WHIPPY_SEQUENCE_WRITE_LIMIT: WriteLimit = { limit: 10, windowMs: 60_000 };

/**
 * The budget for writes below `v1/sequences` (enrolling and removing contacts). Which writes the
 * limit covers is inferred: the docs name the path, not the routes [I]. Kept as "at most `limit`
 * in any window", which holds however Whippy counts its minute.
 */
export function sequenceWritesBudget(limit: WriteLimit = WHIPPY_SEQUENCE_WRITE_LIMIT): VendorBudget {
  return {
    name: 'sequence-writes',
    kind: 'sliding',
    limit: limit.limit,
    windowMs: limit.windowMs,
    applies: (method, path) => method !== 'GET' && (path === 'sequences' || path.startsWith('sequences/')),
    description: `Whippy's limit of ${limit.limit} writes per ${limit.windowMs / 1000} s on v1/sequences`,
  };
}

/** What the shared pipeline needs to know about Whippy. */
export const whippyProfile: VendorProfile = {
  vendor: 'whippy',
  defaultBaseUrl: WHIPPY_BASE_URL,
  sensitiveHeaders: ['x-whippy-key'],
  describeError: describeWhippyError,
  // UNCONFIRMED ([U]): no Whippy source names a request-id header (only webhooks carry `request_id`).
  requestIdHeaders: ['x-request-id'],
  // Documented: 25 requests a second for standard APIs, with no rate headers on success.
  requestsPerSecond: 25,
  budgets: [sequenceWritesBudget()],
  readRateLimit: (headers) => {
    const value = headers.get(WHIPPY_RETRY_HEADER);
    const ms = value === null ? Number.NaN : Number.parseFloat(value);
    return Number.isFinite(ms) && ms >= 0 ? { resetMs: Math.round(ms) } : undefined;
  },
};
