import type * as z from 'zod/mini';
import { looseObject } from '../core/schema.js';
import { BulkSequenceSubscriptionActionSchema } from './models.js';

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
