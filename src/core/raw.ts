// Type-only in effect: an identity function, so the escape hatch costs nothing at run time.

/**
 * The one escape hatch to fields the SDK does not model yet. Model types name only the known
 * fields (so `seq.nmae` is a compile error), but every field the vendor sent is kept at run
 * time; `raw(model)` returns the same object, typed so any other field reads as `unknown`.
 * @example const extra = raw(await close.sequences.retrieve('seq_123')).new_field; // unknown
 */
export function raw<T extends object>(model: T): T & Readonly<Record<string, unknown>> {
  return model as T & Readonly<Record<string, unknown>>;
}
