// The fluent filter builders' base, apart from the input schemas in filters.ts so that the root
// entry (which exports FilterBuilder) carries no zod schema.

/**
 * Base of the immutable fluent filter builders. Each setter returns a new builder; `build()`
 * yields the same plain object a caller could have written by hand, and list methods check
 * both forms with one schema.
 */
export abstract class FilterBuilder<Fields extends object> {
  /** The fields set so far (never mutated). */
  declare protected readonly fields: Readonly<Partial<Fields>>;

  constructor(fields: Partial<Fields> = {}) {
    this.fields = Object.freeze({ ...fields });
  }

  /** A copy of this builder with one more field set. */
  protected with<K extends keyof Fields>(key: K, value: Fields[K]): this {
    const Builder = this.constructor as new (fields: Partial<Fields>) => this;
    return new Builder({ ...this.fields, [key]: value });
  }

  /** The plain filter object. */
  build(): Partial<Fields> {
    return { ...this.fields };
  }

  /** JSON form: the plain filter object. */
  toJSON(): Partial<Fields> {
    return this.build();
  }
}

/** A plain filter object or a builder of one. */
export type FilterInput<Fields extends object> = Fields | FilterBuilder<Fields>;

/** Turns a builder into its plain object; passes plain objects through. */
export function resolveFilter<Fields extends object>(input: FilterInput<Fields> | undefined): Fields | undefined {
  return input instanceof FilterBuilder ? (input.build() as Fields) : input;
}

/**
 * A moment in time as callers may give it: a `Date`, or an ISO 8601 string with a zone (`Z` or an
 * offset such as `-05:00`). A date alone (`2026-01-31`) means midnight UTC, as `Date` reads it on
 * every machine.
 */
export type DateInput = Date | string;
