import { ecdsaPublicKey, verifyEcdsa } from '../core/webhook-crypto.js';
import {
  checkTimestamp,
  parsePayload,
  readBody,
  readHeader,
  requireHeader,
  signedBytes,
  timingSafeEqual,
  WebhookVerificationError,
  type WebhookBody,
  type WebhookHeaders,
  type WebCryptoKey,
  type WebhookTimingOptions,
} from '../core/webhook.js';
import type { ClarionWebhookPayload } from './webhook-types.js';

/** The public key Clarion publishes on its "Verifying webhook signatures" page (EC P-256, SPKI PEM). */
export const CLARION_WEBHOOK_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUTo6buTe5YfARuqL9LEHbfxij5/Y
2eRkCAkNd8zmHfAktsWJcrGQ5jZzG0Rohni7b+4FGqvtZn5JZT64hRRyRg==
-----END PUBLIC KEY-----`;

/** Options of {@link unwrapClarionWebhook}. */
export interface ClarionWebhookOptions extends WebhookTimingOptions {
  /** The key that verifies `X-Clarion-Signature`: SPKI PEM or a `CryptoKey` (default: Clarion's published key). */
  publicKey?: string | WebCryptoKey;
  /** Your custom secret from Clarion's dashboard (Developer Actions): `X-Clarion-Secret` must equal it. */
  secret?: string;
  /** With `secret`: check only the secret, not the signature (default false: both). */
  secretOnly?: boolean;
}

/**
 * Verifies a Clarion webhook and returns its payload (an End of Sequence Report or an End of
 * Call). Clarion signs `${X-Clarion-Timestamp}.${rawBody}` (timestamp in ms) with ECDSA P-256 /
 * SHA-256 and sends the hex signature in `X-Clarion-Signature`; DER and raw r‖s are both accepted.
 * Throws `WebhookVerificationError` naming the failed check.
 * @example const report = await unwrapClarionWebhook(await request.text(), request.headers);
 */
export async function unwrapClarionWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: ClarionWebhookOptions = {},
): Promise<ClarionWebhookPayload> {
  const body = readBody(rawBody);
  if (options.secret !== undefined) checkSecret(headers, options.secret);
  else if (options.secretOnly) throw new WebhookVerificationError('options', 'secretOnly needs a secret');
  if (!options.secretOnly) {
    const signature = requireHeader(headers, 'x-clarion-signature');
    const timestamp = requireHeader(headers, 'x-clarion-timestamp');
    checkTimestamp(timestamp, 'X-Clarion-Timestamp', 1, options);
    const key = await ecdsaPublicKey(options.publicKey ?? CLARION_WEBHOOK_PUBLIC_KEY);
    if (!(await verifyEcdsa(key, signature, signedBytes(`${timestamp}.`, body)))) {
      throw new WebhookVerificationError('signature', 'X-Clarion-Signature does not match the body and timestamp');
    }
  }
  return parsePayload<ClarionWebhookPayload>(body.text);
}

function checkSecret(headers: WebhookHeaders, secret: string): void {
  if (typeof secret !== 'string' || secret === '') throw new WebhookVerificationError('options', 'secret must be a non-empty string');
  const sent = readHeader(headers, 'x-clarion-secret', true);
  if (sent === undefined || sent === '') throw new WebhookVerificationError('header', 'header X-Clarion-Secret is missing');
  if (!timingSafeEqual(sent, secret))
    throw new WebhookVerificationError('signature', 'X-Clarion-Secret does not match the configured secret');
}
