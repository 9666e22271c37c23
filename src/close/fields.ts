import * as z from 'zod/mini';
import { BulkSequenceSubscriptionActionSchema } from './models.js';

/**
 * The bulk-action schema for a `_fields` request: the fields asked for stay checked as the spec
 * types them, the others are not expected (Close leaves them out). Names the SDK does not model
 * are kept like any unknown field.
 */
export function bulkActionSchemaFor(fields: readonly string[] | undefined): z.ZodMiniType<Record<string, unknown>> {
  if (fields === undefined) return BulkSequenceSubscriptionActionSchema;
  const shape = BulkSequenceSubscriptionActionSchema.shape;
  const mask = Object.fromEntries(fields.filter((name) => Object.hasOwn(shape, name)).map((name) => [name, true] as const));
  // The mask is built at run time, so zod cannot check its keys statically; they are filtered above.
  return z.pick(BulkSequenceSubscriptionActionSchema, mask as never);
}
