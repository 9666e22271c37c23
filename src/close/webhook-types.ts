import type { CloseEvent } from './event-types.js';

/** What Close POSTs to a webhook URL: the subscription it is for and one event-log entry. */
export interface CloseWebhookEvent {
  /** The webhook subscription this delivery belongs to (which signature key to use). */
  subscription_id: string;
  /** The event, as in the event log. Narrow it with `isCloseEvent`. */
  event: CloseEvent;
}
