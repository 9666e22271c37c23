import { InvalidRequestError } from './errors.js';

// Printable ASCII without the characters that would change a URL's meaning.
const SAFE_ID = /^[A-Za-z0-9._~:@!$&'()*+,;=-]+$/;
const MAX_ID_LENGTH = 256;

/**
 * Checks one path id and returns it percent-encoded. An id of `../x`, `a/b`, `?q`, `#f`,
 * CRLF or non-ASCII text is refused before any request, so no id can change the route.
 */
export function encodeId(value: unknown, field: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text !== 'string' || text === '') {
    throw new InvalidRequestError(field, [{ path: field, message: 'must be a non-empty string id' }]);
  }
  if (text.length > MAX_ID_LENGTH || text === '.' || text === '..' || !SAFE_ID.test(text)) {
    throw new InvalidRequestError(field, [
      {
        path: field,
        message: `is not a valid id (${JSON.stringify(text.slice(0, 40))}): ids may not contain '/', '?', '#', '%', spaces, control or non-ASCII characters, nor be '.' or '..'`,
      },
    ]);
  }
  return encodeURIComponent(text);
}

/** Checks an integer id (Clarion's ids are integers). Numeric strings are accepted. */
export function encodeIntegerId(value: unknown, field: string): string {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new InvalidRequestError(field, [{ path: field, message: `must be a non-negative integer id, got ${describe(value)}` }]);
  }
  return String(number);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
