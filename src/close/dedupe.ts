import type { OrderingMark } from '../core/exactly-once.js';
import type { CloseEvent } from './event-types.js';

/** A Close event as the webhook receiver and `events.catchUp` hand it to `onEvent`. */
export interface CloseReceivedEvent {
  vendor: 'close';
  /** The dedupe key: `close:<event id>`, the same from a webhook and from the event log. */
  key: string;
  /** What `unwrapCloseWebhook` returns; from the event log (`catchUp`) there is no `subscription_id`. */
  event: { subscription_id?: string; event: CloseEvent };
}

/** The dedupe key of a Close event: its id. */
export function closeEventKey(event: CloseEvent): string | undefined {
  return typeof event.id === 'string' && event.id !== '' ? `close:${event.id}` : undefined;
}

/**
 * Where an `updated` event sits among its object's updates: its `date_updated` (else its data's).
 * An older one than the last applied is stale (Close retries and consolidates, so order is not kept).
 */
export function closeOrderingMark(event: CloseEvent): OrderingMark | undefined {
  if (event.action !== 'updated' || typeof event.object_id !== 'string') return undefined;
  const data = event.data as { date_updated?: unknown } | null | undefined;
  const date = event.date_updated ?? (typeof data?.date_updated === 'string' ? data.date_updated : undefined);
  const value = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(value) ? undefined : { name: `close:${event.object_type}:${event.object_id}`, value };
}
