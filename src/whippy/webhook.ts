import { hmacKey, verifyHmac } from '../core/webhook-crypto.js';
import {
  checkTimestamp,
  parsePayload,
  readBody,
  readHeader,
  signedBytes,
  utf8,
  WebhookVerificationError,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookTimingOptions,
} from '../core/webhook.js';
import type { WhippyWebhookEvent } from './webhook-types.js';

/** Options of {@link unwrapWhippyWebhook}: an `apiKey`, or an explicit `unverified: true`. */
export type WhippyWebhookOptions =
  | (WebhookTimingOptions & {
      /**
       * The API key chosen for this endpoint in Whippy: checks `X-Whippy-Signature`.
       * UNCONFIRMED: Whippy's help centre says deliveries are signed with that key; the header's
       * format comes only from an integration's (commented-out) code. See the README.
       */
      apiKey: string;
      unverified?: never;
    })
  | {
      /** Parse without checking any signature (Whippy documents no signature format). Say so explicitly. */
      unverified: true;
      apiKey?: never;
    };

const HEADER = 'x-whippy-signature';

/**
 * Parses a Whippy webhook into its typed envelope. With `{ apiKey }` it first checks
 * `X-Whippy-Signature: <k>=<unix seconds>,<k>=<signature>` (the two pairs taken by position: their
 * names are not shown anywhere), the signature being Base64 (padded or not) HMAC-SHA256 keyed by
 * the API key over `<timestamp>.<raw body>`, the timestamp within `toleranceSeconds` (300).
 * UNCONFIRMED: no Whippy document shows this format. Without a key, pass `{ unverified: true }`.
 * @example const ev = await unwrapWhippyWebhook(await request.text(), request.headers, { apiKey });
 */
export async function unwrapWhippyWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options?: WhippyWebhookOptions,
): Promise<WhippyWebhookEvent> {
  const body = readBody(rawBody);
  const apiKey = options?.apiKey;
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || apiKey === '') throw new WebhookVerificationError('options', 'apiKey must be a non-empty string');
    const { timestamp, signature } = readSignatureHeader(headers);
    checkTimestamp(timestamp, 'X-Whippy-Signature timestamp', 1000, options as WebhookTimingOptions);
    const key = await hmacKey(`whippy:${apiKey}`, () => utf8(apiKey));
    if (!(await verifyHmac(key, signature, signedBytes(`${timestamp}.`, body)))) {
      throw new WebhookVerificationError('signature', 'X-Whippy-Signature does not match the body and timestamp');
    }
  } else if (options?.unverified !== true) {
    const old = options !== null && typeof options === 'object' && 'secret' in options;
    throw new WebhookVerificationError(
      'options',
      old
        ? '{ secret } (a hex HMAC of the body) is gone: pass { apiKey }, the API key chosen for the endpoint in Whippy'
        : 'pass { apiKey } to check X-Whippy-Signature, or { unverified: true } to accept an unsigned body',
    );
  }
  const payload = parsePayload<WhippyWebhookEvent>(body.text);
  if (typeof payload.event !== 'string' || !('data' in payload))
    throw new WebhookVerificationError('payload', 'the body is not a { data, event } envelope');
  return payload;
}

/** The header's two `name=value` pairs, by position: the timestamp, then the Base64 signature. */
function readSignatureHeader(headers: WebhookHeaders): { timestamp: string; signature: Uint8Array<ArrayBuffer> } {
  // The value holds a comma itself, so a second copy shows as more than two pairs.
  const value = readHeader(headers, HEADER, true);
  if (value === undefined || value === '') throw new WebhookVerificationError('header', 'header X-Whippy-Signature is missing');
  const pairs = value.split(',').map((pair) => pair.trim());
  if (pairs.length > 2) throw new WebhookVerificationError('header', 'header X-Whippy-Signature was sent more than once');
  const values = pairs.map((pair) => (pair.includes('=') ? pair.slice(pair.indexOf('=') + 1) : ''));
  if (values.length !== 2 || values.some((v) => v === ''))
    throw new WebhookVerificationError('header', 'header X-Whippy-Signature is not "<name>=<timestamp>,<name>=<signature>"');
  return { timestamp: values[0]!, signature: base64ToBytes(values[1]!) };
}

/** Standard Base64, padded or not. */
function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const bare = text.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9+/]+$/.test(bare) || bare.length % 4 === 1)
    throw new WebhookVerificationError('encoding', 'the X-Whippy-Signature signature is not Base64');
  return Uint8Array.from(atob(bare + '='.repeat((4 - (bare.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
