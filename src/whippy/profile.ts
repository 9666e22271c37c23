import { textDetails } from '../core/error-details.js';
import type { ErrorDetails } from '../core/errors.js';
import type { VendorProfile } from '../core/request-spec.js';

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
  readRateLimit: (headers) => {
    const value = headers.get(WHIPPY_RETRY_HEADER);
    const ms = value === null ? Number.NaN : Number.parseFloat(value);
    return Number.isFinite(ms) && ms >= 0 ? { resetMs: Math.round(ms) } : undefined;
  },
};
