/**
 * `sequence-apis/clarion`: the Clarion Health client.
 * @packageDocumentation
 */
export { ClarionClient } from './client.js';
export type { ClarionClientOptions } from './client.js';
export type { ClarionCredentials } from './auth.js';
export { ClarionSequences } from './resources/sequences.js';
export { ClarionDefinitions } from './resources/definitions.js';
export { BatchUploadError, mergeBatchUploads } from './batch-upload.js';
export type { BatchUploadIssue, BatchUploadResult, BatchUploadResponse } from './batch-upload.js';
export { CLARION_BASE_URL, describeClarionError } from './profile.js';
export { unwrapClarionWebhook, CLARION_WEBHOOK_PUBLIC_KEY } from './webhook.js';
export type { ClarionWebhookOptions } from './webhook.js';
export { isEndOfSequenceReport } from './webhook-types.js';
export type * from './webhook-types.js';
export * from './models.js';
export * from './inputs.js';
