import type { OpenEnum } from '../core/schema.js';
import type { Sequence, SequenceSubscription } from './models.js';

// The named types of Close's event-log entries, what `events.list` returns and a webhook delivers.
// Their wire schema (the fields narrowing relies on) is `CloseEventSchema` in events.ts.

/** Actions the event log records (open: Close lists more per object type). */
export type CloseEventAction = OpenEnum<'created' | 'updated' | 'deleted'>;

/**
 * The fields every event-log entry carries. The object list comes from Close's event-type page
 * (seen through a third-party transcription, unconfirmed); the field names follow Close's
 * "Event format" as read by third-party clients.
 */
interface CloseEventFields {
  id: string;
  object_id: string;
  action: CloseEventAction;
  /** Fields that changed (on `updated`). */
  changed_fields?: string[] | null;
  lead_id?: string | null;
  user_id?: string | null;
  request_id?: string | null;
  organization_id?: string | null;
  date_created?: string;
  date_updated?: string;
  meta?: Record<string, unknown> | null;
}

/** An event about a sequence. */
export interface CloseSequenceEvent extends CloseEventFields {
  object_type: 'sequence';
  /** The sequence after the change (absent on some deletes). */
  data?: Sequence | null;
  /** The changed fields' earlier values. */
  previous_data?: Partial<Sequence> | null;
}

/** An event about a sequence subscription (a contact enrolled, paused, finished, …). */
export interface CloseSubscriptionEvent extends CloseEventFields {
  object_type: 'sequence_subscription';
  /** The subscription after the change. */
  data?: SequenceSubscription | null;
  /** The changed fields' earlier values. */
  previous_data?: Partial<SequenceSubscription> | null;
}

/** An event about any other object type (lead, contact, activity, …): typed loosely, never refused. */
export interface CloseOtherEvent extends CloseEventFields {
  object_type: string;
  data?: Record<string, unknown> | null;
  previous_data?: Record<string, unknown> | null;
}

/** An entry of Close's event log. Narrow it with {@link isCloseEvent}. */
export type CloseEvent = CloseSequenceEvent | CloseSubscriptionEvent | CloseOtherEvent;

/** The typed events by object type. */
export interface CloseEventMap {
  sequence: CloseSequenceEvent;
  sequence_subscription: CloseSubscriptionEvent;
}

/**
 * Narrows an event by object type (TypeScript cannot narrow on `object_type` alone, since an
 * unknown type is a string too).
 * @example if (isCloseEvent(event, 'sequence_subscription')) console.log(event.data?.status);
 */
export function isCloseEvent<T extends keyof CloseEventMap>(event: CloseEvent, objectType: T): event is CloseEventMap[T] {
  return event.object_type === objectType;
}
