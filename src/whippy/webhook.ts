import { hmacKey, verifyHmac } from '../core/webhook-crypto.js';
import {
  hexToBytes,
  parsePayload,
  readBody,
  requireHeader,
  signedBytes,
  utf8,
  WebhookVerificationError,
  type WebhookBody,
  type WebhookHeaders,
} from '../core/webhook.js';
import type { WhippyWebhookEvent } from './webhook-types.js';

/** Options of {@link unwrapWhippyWebhook}: a `secret`, or an explicit `unverified: true`. */
export type WhippyWebhookOptions =
  | {
      /**
       * Checks `X-Whippy-Signature` as hex HMAC-SHA256 of the raw body keyed by this secret.
       * UNCONFIRMED: only a third party describes this header; Whippy's docs do not.
       */
      secret: string;
      unverified?: never;
    }
  | {
      /** Parse without checking any signature: Whippy documents none. Say so explicitly. */
      unverified: true;
      secret?: never;
    };

/**
 * Parses a Whippy webhook into its typed envelope. Whippy documents no signature; a third party
 * claims an `X-Whippy-Signature` HMAC-SHA256 (checked with `{ secret }`, unconfirmed). Without a
 * secret, pass `{ unverified: true }`: anything else throws `WebhookVerificationError`.
 * @example const ev = await unwrapWhippyWebhook(await request.text(), request.headers, { unverified: true });
 */
export async function unwrapWhippyWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options?: WhippyWebhookOptions,
): Promise<WhippyWebhookEvent> {
  const body = readBody(rawBody);
  const secret = options?.secret;
  if (secret !== undefined) {
    if (typeof secret !== 'string' || secret === '') throw new WebhookVerificationError('options', 'secret must be a non-empty string');
    const signature = hexToBytes(requireHeader(headers, 'x-whippy-signature'), 'header X-Whippy-Signature');
    const key = await hmacKey(`whippy:${secret}`, () => utf8(secret));
    if (!(await verifyHmac(key, signature, signedBytes('', body)))) {
      throw new WebhookVerificationError('signature', 'X-Whippy-Signature does not match the body');
    }
  } else if (options?.unverified !== true) {
    throw new WebhookVerificationError(
      'options',
      'pass { secret } to check X-Whippy-Signature, or { unverified: true } to accept an unsigned body (Whippy documents no signature)',
    );
  }
  const payload = parsePayload<WhippyWebhookEvent>(body.text);
  if (typeof payload.event !== 'string' || !('data' in payload))
    throw new WebhookVerificationError('payload', 'the body is not a { data, event } envelope');
  return payload;
}
