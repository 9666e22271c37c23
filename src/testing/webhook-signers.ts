import type { WebCryptoKey } from '../core/webhook.js';

// Signers for tests: they produce the headers each vendor sends, so a receiver can be tested
// with deliveries it must accept. WebCrypto only, like the verifiers.

const encoder = new TextEncoder();

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function concat(prefix: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(prefix);
  const tail = bytesOf(body);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

async function hmacHex(key: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>): Promise<string> {
  const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', imported, message));
}

function fromHex(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** Options of the webhook signers. */
export interface SignOptions {
  /** The signing time: Unix seconds for Close, milliseconds for Clarion (default: now). */
  timestamp?: number;
}

/**
 * The headers Close sends with a webhook: `close-sig-hash` (hex HMAC-SHA256 keyed by the
 * hex-decoded signature key, over timestamp + body) and `close-sig-timestamp` (Unix seconds).
 * @example const headers = await signCloseWebhook(body, hook.signature_key!);
 */
export async function signCloseWebhook(
  body: string | Uint8Array,
  signatureKey: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return { 'close-sig-hash': await hmacHex(fromHex(signatureKey), concat(timestamp, body)), 'close-sig-timestamp': timestamp };
}

/** Options of {@link signClarionWebhook}. */
export interface ClarionSignOptions extends SignOptions {
  /** Signature encoding: `der` (default, what Node's `crypto.sign` writes) or `raw` r‖s (WebCrypto's). */
  encoding?: 'der' | 'raw';
  /** A custom secret to send in `X-Clarion-Secret`. */
  secret?: string;
}

/**
 * The headers Clarion sends: `X-Clarion-Signature` (hex ECDSA P-256/SHA-256 over
 * `${timestamp}.${body}`), `X-Clarion-Timestamp` (ms) and, with `secret`, `X-Clarion-Secret`.
 * `privateKey` is a `CryptoKey` (ECDSA P-256, usage `sign`) or a PKCS#8 PEM.
 * @example const { privateKey, publicKeyPem } = await createClarionTestKeys();
 * const headers = await signClarionWebhook(body, privateKey);
 */
export async function signClarionWebhook(
  body: string | Uint8Array,
  privateKey: WebCryptoKey | string,
  options: ClarionSignOptions = {},
): Promise<Record<string, string>> {
  const key = typeof privateKey === 'string' ? await importPkcs8(privateKey) : (privateKey as CryptoKey);
  const timestamp = String(options.timestamp ?? Date.now());
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, concat(`${timestamp}.`, body)));
  const signature = options.encoding === 'raw' ? hex(raw) : hex(rawToDer(raw));
  return {
    'x-clarion-signature': signature,
    'x-clarion-timestamp': timestamp,
    ...(options.secret === undefined ? {} : { 'x-clarion-secret': options.secret }),
  };
}

/** Options of {@link signWhippyWebhook}. */
export interface WhippySignOptions {
  /** The signing time in Unix seconds (default: now). */
  timestamp?: number;
  /** Keep Base64 padding (default false: unpadded, as the one known source shows). */
  padded?: boolean;
}

/**
 * The header Whippy is believed to send (UNCONFIRMED: only an integration's code shows it):
 * `X-Whippy-Signature: t=<unix seconds>,v1=<signature>`, the signature Base64 (unpadded) of the
 * HMAC-SHA256 keyed by the endpoint's API key over `<timestamp>.<body>`. The pair names are ours:
 * the receiver reads the pairs by position.
 * @example const headers = await signWhippyWebhook(body, apiKey);
 */
export async function signWhippyWebhook(
  body: string | Uint8Array,
  apiKey: string,
  options: WhippySignOptions = {},
): Promise<Record<string, string>> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const imported = await crypto.subtle.importKey('raw', encoder.encode(apiKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', imported, concat(`${timestamp}.`, body)));
  const base64 = btoa(String.fromCharCode(...mac));
  return { 'x-whippy-signature': `t=${timestamp},v1=${options.padded ? base64 : base64.replace(/=+$/, '')}` };
}

/** A fresh P-256 key pair for Clarion tests: sign with `privateKey`, verify with `publicKeyPem` (or `publicKey`). */
export async function createClarionTestKeys(): Promise<{ privateKey: WebCryptoKey; publicKey: WebCryptoKey; publicKeyPem: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const base64 = btoa(String.fromCharCode(...spki));
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----`;
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicKeyPem };
}

async function importPkcs8(pem: string): Promise<CryptoKey> {
  const der = Uint8Array.from(atob(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` of a 64-byte r‖s signature. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array): number[] => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start++;
    const bytes = [...half.subarray(start)];
    if (bytes[0]! & 0x80) bytes.unshift(0);
    return [0x02, bytes.length, ...bytes];
  };
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}
