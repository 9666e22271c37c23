/**
 * `sequence-apis/whippy`: the Whippy client.
 * @packageDocumentation
 */
export { WhippyClient } from './client.js';
export type { WhippyClientOptions } from './client.js';
export type { WhippyCredentials } from './auth.js';
export { WhippySequences } from './resources/sequences.js';
export { WhippyRuns } from './resources/runs.js';
export { WhippySequenceContacts } from './resources/sequence-contacts.js';
export type { ContactsBatchResult, ContactsCall } from './resources/sequence-contacts.js';
export { WhippyContacts } from './resources/contacts.js';
export { WhippyContactSequences } from './resources/contact-sequences.js';
export {
  runsFilter,
  sequenceContactsFilter,
  contactSequencesFilter,
  RunsFilter,
  SequenceContactsFilter,
  ContactSequencesFilter,
} from './filters.js';
export { WHIPPY_BASE_URL, WHIPPY_RETRY_HEADER, WHIPPY_SEQUENCE_WRITE_LIMIT, describeWhippyError } from './profile.js';
export type { WriteLimit } from './profile.js';
export { unwrapData } from './decoders.js';
export { unwrapWhippyWebhook } from './webhook.js';
export type { WhippyWebhookOptions } from './webhook.js';
export { isWhippyEvent } from './webhook-types.js';
export type { WhippyWebhookEvent, WhippyWebhookEnvelope, WhippyEventMap } from './webhook-types.js';
export * from './models.js';
export * from './inputs.js';
export type { WhippyListParams } from './list.js';
