/**
 * `sequence-apis/close`: the Close CRM client.
 * @packageDocumentation
 */
export { CloseClient } from './client.js';
export type { CloseClientOptions } from './client.js';
export type { CloseCredentials } from './auth.js';
export { CloseSequences } from './resources/sequences.js';
export { CloseSubscriptions } from './resources/subscriptions.js';
export { CloseBulkSubscriptions } from './resources/bulk-subscriptions.js';
export { subscriptionsFilter, SubscriptionsFilter } from './filters.js';
export type { SubscriptionFilterFields } from './filters.js';
export { CLOSE_BASE_URL, describeCloseError } from './profile.js';
export { CloseWebhooks } from './resources/webhooks.js';
export { CloseEvents } from './resources/events.js';
export { unwrapCloseWebhook } from './webhook.js';
export type { CloseWebhookOptions } from './webhook.js';
export type { CloseWebhookEvent } from './webhook-types.js';
export { isCloseEvent } from './event-types.js';
export { EVENT_FILTER_COMBINATIONS } from './events.js';
export { eventsFilter, EventsFilter } from './filters.js';
export type {
  CloseEvent,
  CloseEventAction,
  CloseEventMap,
  CloseSequenceEvent,
  CloseSubscriptionEvent,
  CloseOtherEvent,
} from './event-types.js';
export type { EventListFilter } from './events.js';
export type { CatchUpOptions, CatchUpResult } from './catch-up.js';
export type { CloseReceivedEvent } from './dedupe.js';
export * from './webhook-subscriptions.js';
export * from './models.js';
export * from './inputs.js';
export type { CloseListParams } from './list.js';
