import { DedupeStoreError, type DedupeStore } from '../core/dedupe.js';
import type { Vendor } from '../core/errors.js';
import { handleOnce, type RunOnceOptions } from '../core/exactly-once.js';
import { WebhookVerificationError, type WebhookHeaders } from '../core/webhook.js';
import { refuse, type Answer } from './answer.js';
import { detectVendor, verify, type ReceivedEvent, type ReceiverVendors } from './vendors.js';

/** What went wrong with one delivery, for logs: never the body or a secret. */
export interface ReceiverErrorInfo {
  /** The answer's status. */
  status: number;
  vendor?: Vendor | undefined;
  key?: string | undefined;
}

/** Everything {@link handleDelivery} needs, resolved from the receiver's options. */
export interface HandleContext extends RunOnceOptions {
  vendors: ReceiverVendors;
  store: DedupeStore;
  ordering: boolean;
  onEvent: (event: ReceivedEvent) => unknown;
  onError: (error: unknown, info: ReceiverErrorInfo) => void;
}

const VERIFY_STATUS: Record<string, number> = { body: 400, payload: 400, options: 500 };

/** Verifies one delivery, then runs `onEvent` once per key through the store; returns the answer. */
export async function handleDelivery(context: HandleContext, headers: WebhookHeaders, body: Uint8Array<ArrayBuffer>): Promise<Answer> {
  const vendor = detectVendor(headers, context.vendors);
  if (typeof vendor !== 'string') return refuse(400, vendor.error);
  let verified;
  try {
    verified = await verify(vendor, body, headers, context.vendors, context.now());
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    const answer = refuse(VERIFY_STATUS[error.check] ?? 401, error.message);
    context.onError(error, { status: answer.status, vendor });
    return answer;
  }
  const { received, mark } = verified;
  const info = { vendor, key: received.key };
  try {
    const result = await handleOnce(context.store, received.key, context.ordering ? mark : undefined, context, async () => {
      await context.onEvent(received);
    });
    if (result.outcome === 'busy') {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      return refuse(503, `another delivery of ${received.key} is being handled (its lease ends in ${seconds} s): retry later`, seconds);
    }
    return { status: 200, body: { status: result.outcome === 'ran' ? 'processed' : result.outcome, key: received.key } };
  } catch (error) {
    if (error instanceof DedupeStoreError) {
      context.onError(error, { status: 503, ...info });
      return refuse(503, `${error.message}: nothing was acknowledged, so the vendor will deliver ${received.key} again`, 5);
    }
    context.onError(error, { status: 500, ...info });
    return refuse(500, `onEvent threw for ${received.key}: its claim was released, so the vendor's retry handles it again`);
  }
}

/** An answer for anything that went wrong unexpectedly (a bug, a stream error): 500, so the vendor retries. */
export function safely(context: HandleContext, answer: Promise<Answer>): Promise<Answer> {
  return answer.catch((error: unknown) => {
    context.onError(error, { status: 500 });
    return refuse(500, 'the receiver failed unexpectedly: nothing was acknowledged, so the vendor will deliver it again');
  });
}
