import { InvalidRequestError } from './errors.js';

// Printable ASCII without the characters that would change a URL's meaning.
const SAFE_ID = /^[A-Za-z0-9._~:@!$&'()*+,;=-]+$/;
const MAX_ID_LENGTH = 256;

/**
 * Checks one path id and returns it percent-encoded. An id of `../x`, `a/b`, `?q`, `#f`,
 * CRLF or non-ASCII text is refused before any request, so no id can change the route.
 */
export function encodeId(value: unknown, field: string): string {
  // Close's and Whippy's ids are strings (`seq_…`, UUIDs): a number is never one of theirs, so it is
  // refused rather than sent as `/sequence/123/` (Clarion's integer ids use `encodeIntegerId`).
  const text = value;
  if (typeof text !== 'string' || text === '') {
    const got = text === '' ? '' : `, got ${describe(value)}`;
    throw new InvalidRequestError(field, [{ path: field, message: `must be a non-empty string id${got}` }]);
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

/** What the caller passed, as they would recognise it: `"abc"`, `-1`, `1.5`, `NaN`, or its type. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}

/** One interpolated id, named by the argument it came from: `${{ id }}` (the name goes into errors). */
export type PathParam = Readonly<Record<string, unknown>>;

/**
 * A route below the API root, checked when the call is made: a bad id rejects the call's promise
 * (with an {@link InvalidRequestError} naming the argument) instead of throwing where it is built.
 * `template` is the route with its ids as names (`sequence/{id}/`): what a vendor's rate-limit
 * groups are keyed by (see `VendorProfile.rateLimitGroup`).
 */
export type Route = (() => string) & { readonly template?: string };

function routeTemplate(encode: (value: unknown, field: string) => string) {
  return (strings: TemplateStringsArray, ...params: PathParam[]): Route => {
    const template = strings.reduce((out, text, index) => `${out}{${Object.keys(params[index - 1] ?? {}).join('')}}${text}`);
    const route = () =>
      // Each param is `{ name: value }`: one key, whose name the error reports.
      strings.reduce((out, text, index) => {
        const param = params[index - 1];
        return (
          out +
          (param
            ? Object.entries(param)
                .map(([field, value]) => encode(value, field))
                .join('')
            : '') +
          text
        );
      });
    return Object.assign(route, { template });
  };
}

/**
 * A route with string ids, each checked and percent-encoded: `path\`sequence/${{ id }}/\``.
 * An id such as `../x`, `a/b` or `?q` cannot change the route; an empty or non-string id is refused.
 */
export const path = /* @__PURE__ */ routeTemplate(encodeId);

/** A route with integer ids (Clarion's), numeric strings accepted: `integerPath\`sequences/${{ id }}\``. */
export const integerPath = /* @__PURE__ */ routeTemplate(encodeIntegerId);
