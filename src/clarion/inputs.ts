import * as z from 'zod/mini';
import { jsonObject, looseObject } from '../core/schema.js';
import { isoDateTime, minimum, minLength, phoneNumber, wholeNumber } from '../core/filters.js';
import { StepTypeSchema } from './models.js';

/** Rows Clarion accepts in one batch-upload call. */
export const CLARION_ROWS_PER_CALL = 100;

const nonEmpty = z.string().check(minLength(1, 'must not be empty'));
const id = wholeNumber().check(minimum(0, 'must be a non-negative integer id'));
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** A step as sent on create or update (the docs show `{order, type, config}`). */
export const StepInputSchema = looseObject({
  order: wholeNumber().check(minimum(0, 'must be 0 or more')),
  type: StepTypeSchema,
  config: z.optional(jsonObject()),
});

/** Body of `sequences.create` (clarion.md §3.3 [C]; the body looks copied from definitions, [I]): `name` and `steps` required. */
export const SequenceCreateSchema = looseObject({
  name: nonEmpty,
  description: z.optional(z.string()),
  steps: z.array(StepInputSchema).check(minLength(1, 'must have at least one step')),
});

/** Body of `sequences.update` (clarion.md §3.4, [C]): every field optional. */
export const SequenceUpdateSchema = looseObject({
  name: z.optional(nonEmpty),
  description: z.optional(z.string()),
  steps: z.optional(z.array(StepInputSchema)),
});

/** Body of `definitions.create` (clarion.md §3.7, [C]): the same documented fields as a sequence's. */
export const DefinitionCreateSchema = SequenceCreateSchema;
/** Body of `definitions.update` (clarion.md §3.9, [C]): every field optional. */
export const DefinitionUpdateSchema = SequenceUpdateSchema;

/**
 * One patient row. Keys stay camelCase, as Clarion requires; `phoneNumber`, `firstName` and
 * `lastName` are required, other keys map to the definition's inputs (e.g. `dateOfBirth`).
 */
export const BatchRowSchema = looseObject({
  phoneNumber: phoneNumber,
  firstName: nonEmpty,
  lastName: nonEmpty,
}).check(
  z.superRefine((row, ctx) => {
    for (const key of Object.keys(row)) {
      if (!CAMEL_CASE.test(key))
        ctx.issues.push({ code: 'custom', message: 'must be a camelCase key (e.g. dateOfBirth)', path: [key], input: key });
    }
  }),
);

/** Body of `sequences.batchUpload`: any number of rows, sent in chunks of 100. */
export const SequenceBatchUploadSchema = looseObject({
  sequence_definition_id: id,
  rows: z.array(BatchRowSchema).check(minLength(1, 'must have at least one row')),
  next_activity_date: z.optional(isoDateTime),
  validate_only: z.optional(z.boolean()),
});

/* eslint-disable @typescript-eslint/no-empty-object-type -- interfaces keep the input types' names in editors and TypeDoc */
/** A step as sent on create or update. */
export interface StepInput extends z.input<typeof StepInputSchema> {}
/** Body of `sequences.create`. */
export interface SequenceCreateParams extends z.input<typeof SequenceCreateSchema> {}
/** Body of `sequences.update`. */
export interface SequenceUpdateParams extends z.input<typeof SequenceUpdateSchema> {}
/** Body of `definitions.create`. */
export interface DefinitionCreateParams extends z.input<typeof DefinitionCreateSchema> {}
/** Body of `definitions.update`. */
export interface DefinitionUpdateParams extends z.input<typeof DefinitionUpdateSchema> {}
/** One patient row of a batch upload. */
export interface BatchRow extends z.input<typeof BatchRowSchema> {}
/** Body of `sequences.batchUpload`. */
export interface SequenceBatchUploadParams extends z.input<typeof SequenceBatchUploadSchema> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
