// How each Close answer is read: one decoder per model (`<Model>Decoder`), one envelope per list
// (`<Model>ListEnvelope`). Close answers single objects bare, lists as `{ data, has_more }`.
import type * as z from 'zod/mini';
import { looseObject } from '../core/schema.js';
import type { CloseEvent } from './event-types.js';
import { CloseEventSchema } from './events.js';
import { BulkSequenceSubscriptionActionSchema, listEnvelope, SequenceSchema, SequenceSubscriptionSchema } from './models.js';
import { WebhookSchema } from './webhook-subscriptions.js';

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

/**
 * The bulk-action schema for a `_fields` request: the fields asked for stay checked as the spec
 * types them, the others are not expected (Close leaves them out). Names the SDK does not model
 * are kept like any unknown field.
 */
export function bulkActionSchemaFor(fields: readonly string[] | undefined): z.ZodMiniType<Record<string, unknown>> {
  if (fields === undefined) return BulkSequenceSubscriptionActionSchema;
  const shape: Record<string, z.ZodMiniType> = BulkSequenceSubscriptionActionSchema.shape;
  return looseObject(Object.fromEntries(fields.filter((name) => Object.hasOwn(shape, name)).map((name) => [name, shape[name]!])));
}
