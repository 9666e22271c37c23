// How each Whippy answer is read: one decoder per model (`<Model>Decoder`), one envelope per list
// (`<Model>ListEnvelope`). Lists come as `{ data, total }`; single objects maybe in `{ data }`.
import { AcceptedSchema, ContactSequenceSchema, listEnvelope, SequenceRunSchema, SequenceSchema, StepContactSchema } from './models.js';

/**
 * Whippy wraps single objects in `{data}` (probably: unconfirmed), so a body is accepted with
 * or without the wrapper: `{data: {...}}` without an `id` of its own is unwrapped.
 */
export function unwrapData(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  const inner = record.data;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && !('id' in record) ? inner : body;
}

/** One sequence. */
export const SequenceDecoder = { prepare: unwrapData, schema: SequenceSchema };
/** A page of sequences. */
export const SequenceListEnvelope = listEnvelope(SequenceSchema);
/** One sequence run. */
export const SequenceRunDecoder = { prepare: unwrapData, schema: SequenceRunSchema };
/** A page of sequence runs. */
export const SequenceRunListEnvelope = listEnvelope(SequenceRunSchema);
/** A page of the contacts in a sequence's steps. */
export const StepContactListEnvelope = listEnvelope(StepContactSchema);
/** A page of a contact's sequences. */
export const ContactSequenceListEnvelope = listEnvelope(ContactSequenceSchema);
/** The 202 of an enrol or remove (its body is undocumented: kept as sent). */
export const AcceptedDecoder = { schema: AcceptedSchema };
