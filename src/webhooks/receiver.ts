import type { Vendor } from '../core/errors.js';
import type { DedupeStore } from '../core/dedupe.js';
import { leaseMs } from '../core/exactly-once.js';
import { memoryDedupeStore } from '../core/memory-dedupe.js';
import { SequenceSdkError } from '../core/errors.js';
import { answerHeaders, BODY_USED, TOO_LARGE, type Answer } from './answer.js';
import { handleDelivery, safely, type HandleContext, type ReceiverErrorInfo } from './handle.js';
import { receiveNode, type NodeRequestLike, type NodeResponseLike } from './node.js';
import { collect, declaredTooLarge, streamChunks, TOO_LARGE_BODY } from './read-body.js';
import type { ReceivedEvent, ReceiverVendors } from './vendors.js';

/** Options of {@link webhookReceiver}. */
export interface WebhookReceiverOptions extends ReceiverVendors {
  /** Runs once per event key (across every replica on the same store). Throw to have the vendor deliver it again. */
  onEvent: (event: ReceivedEvent) => void | Promise<void>;
  /** Where handled keys are kept (default: `memoryDedupeStore()`, this process only). */
  dedupe?: DedupeStore;
  /** How long a claim holds while `onEvent` runs, in seconds (default 60); a holder that dies frees the key after it. */
  leaseSeconds?: number;
  /** `'off'` runs Close `updated` events older than the object's last applied one too (default `'on'`: skipped, answered 200). */
  ordering?: 'on' | 'off';
  /** Told of each refused or failed delivery (default: one `console.warn` line); never given the body or a secret. */
  onError?: (error: unknown, info: ReceiverErrorInfo) => void;
  /** The clock, ms since the epoch (default `Date.now`): signature timestamps and leases. For tests. */
  now?: () => number;
}

/** A Web handler (`(request) => Response`) with `.node(req, res)` for node:http. */
export interface WebhookReceiver {
  (request: Request): Promise<Response>;
  /** node:http (and Express, Fastify's raw req/res, …): reads the raw body itself, so mount it before any body parser. */
  node(request: NodeRequestLike, response: NodeResponseLike): Promise<void>;
}

function defaultOnError(error: unknown, info: ReceiverErrorInfo): void {
  const what = error instanceof Error ? error.message : String(error);
  console.warn(`sequence-apis/webhooks: ${info.vendor ?? 'delivery'}${info.key ? ` ${info.key}` : ''} answered ${info.status}: ${what}`);
}

function context(options: WebhookReceiverOptions): HandleContext {
  if (typeof options?.onEvent !== 'function') throw new SequenceSdkError('webhookReceiver needs onEvent');
  const vendors = (['close', 'clarion', 'whippy'] as Vendor[]).filter((vendor) => options[vendor] !== undefined);
  if (vendors.length === 0) throw new SequenceSdkError('webhookReceiver needs at least one vendor: close, clarion or whippy');
  if (options.ordering !== undefined && options.ordering !== 'on' && options.ordering !== 'off')
    throw new SequenceSdkError("ordering must be 'on' or 'off'");
  return {
    vendors: { close: options.close, clarion: options.clarion, whippy: options.whippy },
    store: options.dedupe ?? memoryDedupeStore(),
    ordering: options.ordering !== 'off',
    leaseMs: leaseMs(options.leaseSeconds),
    now: options.now ?? Date.now,
    onEvent: options.onEvent,
    onError: options.onError ?? defaultOnError,
  };
}

async function answerRequest(ctx: HandleContext, request: Request): Promise<Answer> {
  if (request.bodyUsed) return BODY_USED;
  if (declaredTooLarge(request.headers.get('content-length'))) return TOO_LARGE;
  const body = request.body
    ? await collect(streamChunks(request.body), () => void request.body?.cancel().catch(() => undefined))
    : new Uint8Array(0);
  if (body === TOO_LARGE_BODY) return TOO_LARGE;
  return handleDelivery(ctx, request.headers, body);
}

/**
 * A webhook endpoint for Close, Clarion and Whippy that runs `onEvent` exactly once per event:
 * each delivery is verified (401 if not, nothing claimed), its key claimed in the dedupe store
 * with a lease, `onEvent` run, the key marked done, then 200. `onEvent` throwing releases the key
 * and answers 500 (the vendor retries); a key another replica holds answers 503 with
 * `Retry-After` (never 200 before that replica succeeds); a store that is down answers 503.
 * @example
 * const receive = webhookReceiver({ close: { signatureKey }, onEvent: async ({ vendor, key, event }) => save(key, event) });
 * export const POST = (request: Request) => receive(request);
 */
export function webhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const ctx = context(options);
  const receive = async (request: Request): Promise<Response> => {
    const answer = await safely(ctx, answerRequest(ctx, request));
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answerHeaders(answer) });
  };
  return Object.assign(receive, { node: (request: NodeRequestLike, response: NodeResponseLike) => receiveNode(ctx, request, response) });
}
