import * as z from 'zod/mini';
import { looseObject } from '../core/schema.js';
import { isoDateTime, phoneNumber } from '../core/filters.js';
import { StepTypeSchema } from './models.js';

/** Rows Clarion accepts in one batch-upload call. */
export const CLARION_ROWS_PER_CALL = 100;

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const id = z.int().check(z.minimum(0, 'must be a non-negative integer id'));
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** A step as sent on create or update (the docs show `{order, type, config}`). */
export const StepInputSchema = looseObject({
  order: z.int().check(z.minimum(0, 'must be 0 or more')),
  type: StepTypeSchema,
  config: z.optional(z.record(z.string(), z.unknown())),
});

/** Body of `sequences.create` and `definitions.create`: `name` and `steps` are required. */
export const CreateBodySchema = looseObject({
  name: nonEmpty,
  description: z.optional(z.string()),
  steps: z.array(StepInputSchema).check(z.minLength(1, 'must have at least one step')),
});

/** Body of `sequences.update` and `definitions.update`: every field optional. */
export const UpdateBodySchema = looseObject({
  name: z.optional(nonEmpty),
  description: z.optional(z.string()),
  steps: z.optional(z.array(StepInputSchema)),
});

/**
 * One patient row. Keys stay camelCase, as Clarion requires; `phoneNumber`, `firstName` and
 * `lastName` are required, other keys map to the definition's inputs (e.g. `dateOfBirth`).
 */
export const BatchRowSchema = z
  .looseObject({
    phoneNumber: phoneNumber,
    firstName: nonEmpty,
    lastName: nonEmpty,
  })
  .check(
    z.superRefine((row, ctx) => {
      for (const key of Object.keys(row)) {
        if (!CAMEL_CASE.test(key))
          ctx.issues.push({ code: 'custom', message: 'must be a camelCase key (e.g. dateOfBirth)', path: [key], input: key });
      }
    }),
  );

/** Body of `sequences.batchUpload`: any number of rows, sent in chunks of 100. */
export const BatchUploadSchema = looseObject({
  sequence_definition_id: id,
  rows: z.array(BatchRowSchema).check(z.minLength(1, 'must have at least one row')),
  next_activity_date: z.optional(isoDateTime),
  validate_only: z.optional(z.boolean()),
});

/** A step as sent on create or update. */
export type StepInput = z.input<typeof StepInputSchema>;
/** Body of `sequences.create` / `definitions.create`. */
export type CreateParams = z.input<typeof CreateBodySchema>;
/** Body of `sequences.update` / `definitions.update`. */
export type UpdateParams = z.input<typeof UpdateBodySchema>;
/** One patient row of a batch upload. */
export type BatchRow = z.input<typeof BatchRowSchema>;
/** Body of `sequences.batchUpload`. */
export type BatchUploadParams = z.input<typeof BatchUploadSchema>;
