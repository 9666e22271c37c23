import { SequenceSdkError } from './errors.js';
import { bytesToHex } from './hex.js';

/** Which check of a webhook failed. */
export type WebhookCheck = 'body' | 'header' | 'encoding' | 'timestamp' | 'signature' | 'payload' | 'options';

/**
 * A received webhook failed verification: its message names the check that failed (a missing
 * header, a bad encoding, a stale timestamp, a signature mismatch, …), never the key, the secret
 * or the signature that was expected.
 */
export class WebhookVerificationError extends SequenceSdkError {
  override name = 'WebhookVerificationError';
  /** The check that failed. */
  declare readonly check: WebhookCheck;
  constructor(check: WebhookCheck, message: string) {
    super(`Webhook verification failed (${check}): ${message}`);
    this.check = check;
  }
}

/** The exact body received: a string, or its bytes. Never a parsed object. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** Request headers as a Web `Headers`, a plain object or Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * A WebCrypto key (a `CryptoKey`), typed by its shape: naming `CryptoKey` itself would need the
 * DOM lib in the user's tsconfig, which a Node-only app does not have.
 */
export interface WebCryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}

/** Options every verifier takes. */
export interface WebhookTimingOptions {
  /** How far the signed timestamp may be from now, in seconds (default 300), against replays. */
  toleranceSeconds?: number;
  /** The current time in ms since the epoch (default `Date.now()`), for tests. */
  now?: number;
}

const encoder = /*@__PURE__*/ new TextEncoder();
const decoder = /*@__PURE__*/ new TextDecoder('utf-8', { fatal: true });

/** The body as received: its text, and its bytes when it came as bytes. */
export interface ReceivedBody {
  text: string;
  bytes?: Uint8Array;
}

/** The body as text (and bytes); refuses a parsed object, since re-serialising would not match the signature. */
export function readBody(rawBody: unknown): ReceivedBody {
  if (typeof rawBody === 'string') return { text: rawBody };
  const bytes = rawBody instanceof Uint8Array ? rawBody : rawBody instanceof ArrayBuffer ? new Uint8Array(rawBody) : undefined;
  if (!bytes) {
    const got = rawBody === null ? 'null' : typeof rawBody;
    throw new WebhookVerificationError(
      'body',
      `rawBody is ${got}: pass the raw request body (a string or bytes, e.g. await request.text()), not a parsed object`,
    );
  }
  try {
    return { text: decoder.decode(bytes), bytes };
  } catch {
    throw new WebhookVerificationError('body', 'rawBody is not valid UTF-8');
  }
}

/**
 * One header's value, or undefined when absent. Duplicates are refused rather than picking one:
 * a second copy may be an attacker's. A `Headers` (and Node, for most names) joins copies with
 * ", ", so a comma counts as a duplicate unless `mayHaveComma` (a user-chosen secret may hold one).
 */
export function readHeader(headers: WebhookHeaders, name: string, mayHaveComma = false): string | undefined {
  if (headers === null || typeof headers !== 'object')
    throw new WebhookVerificationError('header', 'headers must be a Headers or a plain object');
  let value: string | readonly string[] | undefined | null;
  if (typeof (headers as Headers).get === 'function') value = (headers as Headers).get(name);
  else {
    const keys = Object.keys(headers).filter((key) => key.toLowerCase() === name);
    if (keys.length > 1) throw duplicate(name);
    value = keys.length === 1 ? (headers as Record<string, string | readonly string[] | undefined>)[keys[0]!] : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > 1) throw duplicate(name);
    value = value[0] as string | undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (!mayHaveComma && value.includes(',')) throw duplicate(name);
  return value.trim();
}

function duplicate(name: string): WebhookVerificationError {
  return new WebhookVerificationError('header', `header ${name} was sent more than once`);
}

/** A header that must be there and non-empty. */
export function requireHeader(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name);
  if (value === undefined || value === '') throw new WebhookVerificationError('header', `header ${name} is missing`);
  return value;
}

function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1; // a-f, A-F
}

/** Decodes lower- or upper-case hex; `what` names the value in the error (never the value itself). */
export function hexToBytes(hex: string, what: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length >> 1);
  let bad = hex.length === 0 || hex.length % 2 !== 0;
  for (let i = 0; i < bytes.length && !bad; i++) {
    const high = nibble(hex.charCodeAt(i * 2));
    const low = nibble(hex.charCodeAt(i * 2 + 1));
    bad = high < 0 || low < 0;
    bytes[i] = (high << 4) | low;
  }
  if (bad) throw new WebhookVerificationError('encoding', `${what} is not hex`);
  return bytes;
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let diff = left.length ^ right.length;
  for (let i = 0; i < left.length; i++) diff |= left[i]! ^ (right[i] ?? 0);
  return diff === 0;
}

/**
 * Checks a signed timestamp (given in `unitMs` per tick: 1000 for seconds, 1 for ms) against the
 * tolerance; returns it in ms. A timestamp from the future beyond the tolerance is refused too.
 */
export function checkTimestamp(text: string, name: string, unitMs: number, options: WebhookTimingOptions): number {
  if (!/^\d{1,16}$/.test(text)) throw new WebhookVerificationError('encoding', `header ${name} is not a whole number`);
  const tolerance = options.toleranceSeconds ?? 300;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new WebhookVerificationError('options', 'toleranceSeconds must be a number of seconds, 0 or more');
  }
  const at = Number(text) * unitMs;
  const skew = (options.now ?? Date.now()) - at;
  if (skew > tolerance * 1000) throw new WebhookVerificationError('timestamp', `header ${name} is older than ${tolerance} s (a replay?)`);
  if (-skew > tolerance * 1000) throw new WebhookVerificationError('timestamp', `header ${name} is more than ${tolerance} s in the future`);
  return at;
}

/** Parses the verified body as a JSON object. */
export function parsePayload<T>(text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('payload', 'the body is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookVerificationError('payload', 'the body is not a JSON object');
  }
  return value as T;
}

/** The signed message `prefix + body`, as bytes (the body's own bytes when it came as bytes). */
export function signedBytes(prefix: string, body: ReceivedBody): Uint8Array<ArrayBuffer> {
  if (!body.bytes) return encoder.encode(prefix + body.text);
  const head = encoder.encode(prefix);
  const out = new Uint8Array(head.length + body.bytes.length);
  out.set(head);
  out.set(body.bytes, head.length);
  return out;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export { bytesToHex };
