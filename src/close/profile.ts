import { stringField, textDetails } from '../core/error-details.js';
import type { ErrorDetails } from '../core/errors.js';
import type { VendorProfile } from '../core/request-spec.js';

/** Close's API root. */
export const CLOSE_BASE_URL = 'https://api.close.com/api/v1';

/**
 * Reads Close's three error shapes: `{error}`, `{errors: [...]}` and `{"field-errors": {...}}`,
 * alone or together (a 429 from the ingress may have no JSON at all).
 */
export function describeCloseError(body: unknown): ErrorDetails {
  if (typeof body !== 'object' || body === null) return textDetails(body);
  const record = body as Record<string, unknown>;
  const errors = Array.isArray(record.errors) ? record.errors.filter((e): e is string => typeof e === 'string') : [];
  const fieldErrors: Record<string, string> = {};
  const raw = record['field-errors'];
  if (typeof raw === 'object' && raw !== null) {
    for (const [field, message] of Object.entries(raw)) {
      fieldErrors[field] = Array.isArray(message) ? message.join(' ') : String(message);
    }
  }
  const message = stringField(body, 'error');
  return { ...(message ? { message } : {}), errors, fieldErrors };
}

/** What the shared pipeline needs to know about Close. */
export const closeProfile: VendorProfile = {
  vendor: 'close',
  defaultBaseUrl: CLOSE_BASE_URL,
  sensitiveHeaders: ['authorization'],
  // A webhook subscription's signing key (`webhooks.create` answers it): a secret, never logged.
  sensitiveFields: ['signature_key'],
  describeError: describeCloseError,
  // UNCONFIRMED ([U]): no Close source names a request-id header; these are common names, read if present.
  requestIdHeaders: ['x-request-id', 'x-close-request-id'],
  // Close: "Rate limits are enforced per endpoint group", a group being URL paths and methods
  // together. It does not publish the groups: we assume one per method and path template (a
  // coarser real group only costs a second 429, which then holds that group too).
  rateLimitGroup: (method, template) => `${method} ${template}`,
};
