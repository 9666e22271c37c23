/**
 * `sequence-apis/webhooks`: one endpoint for Close, Clarion and Whippy webhooks that runs your
 * handler exactly once per event, across replicas (dedupe store with leases), skips stale Close
 * updates, and answers so that the vendor retries whatever was not handled.
 * @packageDocumentation
 */
export { webhookReceiver } from './receiver.js';
export type { WebhookReceiver, WebhookReceiverOptions } from './receiver.js';
export type { ReceivedEvent, ReceiverVendors } from './vendors.js';
export type { ReceiverErrorInfo } from './handle.js';
export type { NodeRequestLike, NodeResponseLike } from './node.js';
export { MAX_BODY_BYTES } from './answer.js';
export { memoryDedupeStore } from '../core/memory-dedupe.js';
export { sqliteDedupeStore } from './sqlite-store.js';
export type { SqliteDedupeStoreOptions } from './sqlite-store.js';
export { postgresDedupeStore } from './postgres-store.js';
export type { PostgresDedupeStoreOptions, PgQueryable } from './postgres-store.js';
export { DedupeStoreError } from '../core/dedupe.js';
export type { DedupeStore, DedupeStoreOptions, ClaimResult } from '../core/dedupe.js';
export type { CloseReceivedEvent } from '../close/dedupe.js';
