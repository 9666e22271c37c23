import { expect, it } from 'vitest';
import type * as z from 'zod/mini';

/** One test per documented example: it must parse under the schema and, for responses, keep every field. */
export function itParsesEachExample(
  label: string,
  cases: [string, z.ZodMiniType][],
  pick: (name: string) => unknown,
  keepsFields: boolean,
) {
  it.each(cases)(`%s ${label}`, (name, schema) => {
    const value = pick(name);
    const result = schema.safeParse(value);
    expect(result.error?.issues).toBeUndefined();
    if (keepsFields) expect(result.data).toEqual(value);
  });
}
