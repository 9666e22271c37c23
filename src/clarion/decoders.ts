// How each Clarion answer is read: one decoder per model (`<Model>Decoder`). Clarion wraps most
// answers in `{ success, data }`; a retrieve answers the object bare.
import * as z from 'zod/mini';
import {
  BatchUploadResponseSchema,
  SequenceDefinitionSchema,
  SequenceSchema,
  StopResultSchema,
  successEnvelope,
  type Sequence,
} from './models.js';

/** One sequence, as a retrieve answers it (bare). */
export const SequenceDecoder = { schema: SequenceSchema };
/** One sequence in `{ success, data }`, as a create or update answers it. */
export const WrappedSequenceDecoder = { schema: successEnvelope(SequenceSchema), unwrap: (wire: { data: Sequence }) => wire?.data };
/** Every sequence, in `{ success, data: [...] }`. */
export const SequenceListDecoder = {
  schema: successEnvelope(z.array(SequenceSchema)),
  unwrap: (wire: { data: Sequence[] }) => wire?.data,
};
/** The answer to a stop. */
export const StopResultDecoder = { schema: StopResultSchema };
/** The answer to one batch-upload call. */
export const BatchUploadResponseDecoder = { schema: BatchUploadResponseSchema };
/** One sequence definition. */
export const DefinitionDecoder = { schema: SequenceDefinitionSchema };
