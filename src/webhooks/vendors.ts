import { unwrapClarionWebhook, type ClarionWebhookOptions } from '../clarion/webhook.js';
import type { ClarionWebhookPayload } from '../clarion/webhook-types.js';
import { closeEventKey, closeOrderingMark, type CloseReceivedEvent } from '../close/dedupe.js';
import { unwrapCloseWebhook, type CloseWebhookOptions } from '../close/webhook.js';
import type { Vendor } from '../core/errors.js';
import type { OrderingMark } from '../core/exactly-once.js';
import { bytesToHex } from '../core/hex.js';
import type { WebhookHeaders } from '../core/webhook.js';
import { unwrapWhippyWebhook, type WhippyWebhookOptions } from '../whippy/webhook.js';
import type { WhippyWebhookEvent } from '../whippy/webhook-types.js';

/** What `onEvent` gets: the vendor, the dedupe key, and what the vendor's unwrap function returned. */
export type ReceivedEvent =
  | CloseReceivedEvent
  | { vendor: 'whippy'; key: string; event: WhippyWebhookEvent }
  | { vendor: 'clarion'; key: string; event: ClarionWebhookPayload };

/** The vendors a receiver takes, each with its verifier's options (`now` comes from the receiver). */
export interface ReceiverVendors {
  /** Close: `{ signatureKey }` of the webhook subscription. */
  close?: Omit<CloseWebhookOptions, 'now'> | undefined;
  /** Clarion: `{}` for Clarion's published key, `{ publicKey }`, `{ secret }`. */
  clarion?: Omit<ClarionWebhookOptions, 'now'> | undefined;
  /** Whippy: `{ apiKey }` (signature format UNCONFIRMED) or `{ unverified: true }`. */
  whippy?: WhippyWebhookOptions | undefined;
}

/** One verified delivery, ready for the store. */
export interface Verified {
  received: ReceivedEvent;
  mark?: OrderingMark | undefined;
}

/** The headers that say which vendor signed a delivery. */
const SIGNS: Record<Vendor, readonly string[]> = {
  close: ['close-sig-hash', 'close-sig-timestamp'],
  clarion: ['x-clarion-signature', 'x-clarion-timestamp', 'x-clarion-secret'],
  whippy: ['x-whippy-signature'],
};

function has(headers: WebhookHeaders, name: string): boolean {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) !== null;
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** The vendor of a delivery: the one whose signature headers it carries, or the only one configured. */
export function detectVendor(headers: WebhookHeaders, vendors: ReceiverVendors): Vendor | { error: string } {
  const configured = (Object.keys(SIGNS) as Vendor[]).filter((vendor) => vendors[vendor] !== undefined);
  const signed = (Object.keys(SIGNS) as Vendor[]).filter((vendor) => SIGNS[vendor].some((name) => has(headers, name)));
  if (signed.length > 1) return { error: `the delivery carries signature headers of ${signed.join(' and ')}: one vendor per delivery` };
  const [vendor] = signed;
  if (vendor !== undefined) {
    return configured.includes(vendor) ? vendor : { error: `a ${vendor} delivery, but this receiver takes ${configured.join(', ')}` };
  }
  if (configured.length === 1) return configured[0]!;
  return { error: `unknown vendor: no signature header of ${configured.join(', ')} (${configured.flatMap((v) => SIGNS[v]).join(', ')})` };
}

async function bodyKey(vendor: Vendor, body: Uint8Array<ArrayBuffer>): Promise<string> {
  return `${vendor}:sha256:${bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', body)))}`;
}

/**
 * Verifies with the vendor's unwrap function and finds the dedupe key: Close the event id,
 * Whippy `request_id` with the event name (one request can cause several events), Clarion the
 * payload's `id` with `last_updated` (id alone without it). Without those fields, the body's SHA-256.
 */
export async function verify(
  vendor: Vendor,
  body: Uint8Array<ArrayBuffer>,
  headers: WebhookHeaders,
  vendors: ReceiverVendors,
  now: number,
): Promise<Verified> {
  if (vendor === 'close') {
    const event = await unwrapCloseWebhook(body, headers, { ...vendors.close!, now });
    return {
      received: { vendor, key: closeEventKey(event.event) ?? (await bodyKey(vendor, body)), event },
      mark: closeOrderingMark(event.event),
    };
  }
  if (vendor === 'whippy') {
    const options = vendors.whippy!;
    const event = await unwrapWhippyWebhook(body, headers, options.unverified ? options : { ...options, now });
    const id = typeof event.request_id === 'string' && event.request_id !== '' ? `whippy:${event.request_id}:${event.event}` : undefined;
    return { received: { vendor, key: id ?? (await bodyKey(vendor, body)), event } };
  }
  const event = await unwrapClarionWebhook(body, headers, { ...vendors.clarion!, now });
  const { id, last_updated: updated } = event as { id?: unknown; last_updated?: unknown };
  const known = typeof id === 'number' || (typeof id === 'string' && id !== '');
  const key = known ? `clarion:${String(id)}${typeof updated === 'string' ? `:${updated}` : ''}` : await bodyKey(vendor, body);
  return { received: { vendor, key, event } };
}
