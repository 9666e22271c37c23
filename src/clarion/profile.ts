import { stringField, textDetails } from '../core/error-details.js';
import type { ErrorDetails } from '../core/errors.js';
import type { VendorProfile } from '../core/request-spec.js';

/** Clarion Health's API root. */
export const CLARION_BASE_URL = 'https://api.clarionhealth.com/v1';

/** Reads Clarion's error shape: `{"error": "Sequence cannot be stopped"}`. */
export function describeClarionError(body: unknown): ErrorDetails {
  if (typeof body !== 'object' || body === null) return textDetails(body);
  const message = stringField(body, 'error') ?? stringField(body, 'message');
  return { ...(message ? { message } : {}), errors: message ? [message] : [], fieldErrors: {} };
}

/** What the shared pipeline needs to know about Clarion. */
export const clarionProfile: VendorProfile = {
  vendor: 'clarion',
  defaultBaseUrl: CLARION_BASE_URL,
  sensitiveHeaders: ['authorization'],
  describeError: describeClarionError,
  // UNCONFIRMED ([U]): no Clarion source names a request-id header; read if present.
  requestIdHeaders: ['x-request-id'],
};
