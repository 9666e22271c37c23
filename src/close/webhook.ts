import { hmacKey, verifyHmac } from '../core/webhook-crypto.js';
import {
  checkTimestamp,
  hexToBytes,
  parsePayload,
  readBody,
  requireHeader,
  signedBytes,
  WebhookVerificationError,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookTimingOptions,
} from '../core/webhook.js';
import type { CloseWebhookEvent } from './webhook-types.js';

/** Options of {@link unwrapCloseWebhook}. */
export interface CloseWebhookOptions extends WebhookTimingOptions {
  /** The `signature_key` (hex) that `webhooks.create` returned for this subscription. */
  signatureKey: string;
}

/**
 * Verifies a Close webhook delivery and returns its payload. Close signs `close-sig-timestamp`
 * (Unix seconds) followed by the raw body with HMAC-SHA256 keyed by the hex-decoded signature
 * key, and sends the hex digest in `close-sig-hash` (as Close's docs are read by a third-party
 * client: unconfirmed). Throws `WebhookVerificationError` naming the failed check.
 * @example const { event } = await unwrapCloseWebhook(await request.text(), request.headers, { signatureKey });
 */
export async function unwrapCloseWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: CloseWebhookOptions,
): Promise<CloseWebhookEvent> {
  const body = readBody(rawBody);
  const signatureKey = options?.signatureKey;
  if (typeof signatureKey !== 'string' || signatureKey === '') {
    throw new WebhookVerificationError('options', 'signatureKey is required: the signature_key webhooks.create returned');
  }
  const signature = hexToBytes(requireHeader(headers, 'close-sig-hash'), 'header close-sig-hash');
  const timestamp = requireHeader(headers, 'close-sig-timestamp');
  checkTimestamp(timestamp, 'close-sig-timestamp', 1000, options);
  const key = await hmacKey(`close:${signatureKey}`, () => hexToBytes(signatureKey, 'signatureKey'));
  if (!(await verifyHmac(key, signature, signedBytes(timestamp, body)))) {
    throw new WebhookVerificationError('signature', 'close-sig-hash does not match the body and timestamp');
  }
  const payload = parsePayload<CloseWebhookEvent>(body.text);
  if (payload.event === null || typeof payload.event !== 'object' || typeof payload.event.object_type !== 'string') {
    throw new WebhookVerificationError('payload', 'the body has no event object');
  }
  return payload;
}
