// How each Close answer is read: one decoder per model (`<Model>Decoder`), one envelope per list
// (`<Model>ListEnvelope`). Close answers single objects bare, lists as `{ data, has_more }`.
import type * as z from 'zod/mini';
import { CloseEventSchema, type CloseEvent } from './events.js';
import { BulkSequenceSubscriptionActionSchema, listEnvelope, SequenceSchema, SequenceSubscriptionSchema } from './models.js';
import { WebhookSchema } from './webhook-models.js';

/** One sequence. */
export const SequenceDecoder = { schema: SequenceSchema };
/** A page of sequences. */
export const SequenceListEnvelope = listEnvelope(SequenceSchema);
/** One subscription. */
export const SubscriptionDecoder = { schema: SequenceSubscriptionSchema };
/** A page of subscriptions. */
export const SubscriptionListEnvelope = listEnvelope(SequenceSubscriptionSchema);
/** One bulk subscription action. */
export const BulkActionDecoder = { schema: BulkSequenceSubscriptionActionSchema };
/** One event of the event log. */
export const EventDecoder = { schema: CloseEventSchema as unknown as z.ZodMiniType<CloseEvent> };
/** One webhook subscription. */
export const WebhookDecoder = { schema: WebhookSchema };
/** A page of webhook subscriptions. */
export const WebhookListEnvelope = listEnvelope(WebhookSchema);
