/**
 * Flattens an item for a CSV row: nested objects become dotted column names
 * (`contact.phone`), arrays are kept whole as JSON text, `null` and `undefined` become empty.
 */
export function flatten(item: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    for (const [key, value] of Object.entries(item)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] =
      item === null || item === undefined
        ? ''
        : Array.isArray(item)
          ? JSON.stringify(item)
          : typeof item === 'string'
            ? item
            : JSON.stringify(item);
  }
  return into;
}
