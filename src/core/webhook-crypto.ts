import { hexToBytes, WebhookVerificationError, type WebCryptoKey } from './webhook.js';

// Imported keys, by what the caller passed: importing costs about as much as one verification,
// and a receiver checks every delivery with the same key. Small, so stale keys fall out.
const keys = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_SIZE = 16;

function cached(id: string, load: () => Promise<CryptoKey>): Promise<CryptoKey> {
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value!);
    key = load();
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

/** An HMAC-SHA256 key from its bytes (`secret` is also its cache id). */
export function hmacKey(id: string, secret: () => Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return cached(`hmac:${id}`, () => crypto.subtle.importKey('raw', secret(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
}

/** Whether `signature` is the HMAC-SHA256 of `message`; WebCrypto compares in constant time. */
export function verifyHmac(key: CryptoKey, signature: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return crypto.subtle.verify('HMAC', key, signature, message);
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A P-256 public key from an SPKI PEM (or a `CryptoKey` as is). */
export function ecdsaPublicKey(key: string | WebCryptoKey): Promise<CryptoKey> {
  if (typeof key !== 'string') return Promise.resolve(key as CryptoKey);
  return cached(`spki:${key}`, async () => {
    const base64 = key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    let der: Uint8Array<ArrayBuffer>;
    try {
      der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return await crypto.subtle.importKey('spki', der, ECDSA, false, ['verify']);
    } catch {
      throw new WebhookVerificationError('options', 'publicKey is not a P-256 public key in SPKI PEM form');
    }
  });
}

/**
 * Whether `signature` (hex; DER as Node's `crypto.sign` writes it, or raw r‖s as WebCrypto does)
 * is an ECDSA P-256/SHA-256 signature of `message`.
 */
export async function verifyEcdsa(key: CryptoKey, signatureHex: string, message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const bytes = hexToBytes(signatureHex, 'the signature');
  const candidates = [derToRaw(bytes), bytes.length === 64 ? bytes : undefined].filter(
    (c): c is Uint8Array<ArrayBuffer> => c !== undefined,
  );
  if (candidates.length === 0) throw new WebhookVerificationError('encoding', 'the signature is neither DER nor a 64-byte r‖s pair');
  try {
    for (const raw of candidates) if (await crypto.subtle.verify(ECDSA, key, raw, message)) return true;
  } catch {
    throw new WebhookVerificationError('options', 'publicKey is not an ECDSA P-256 key usable for verify');
  }
  return false;
}

/** The 64-byte r‖s of a DER `SEQUENCE { INTEGER r, INTEGER s }`, or undefined when it is not one. */
export function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let at = 2;
  for (const half of [0, 32]) {
    const length = der[at + 1]!;
    if (der[at] !== 0x02 || length === 0 || length > 33 || at + 2 + length > der.length) return undefined;
    let int = der.subarray(at + 2, at + 2 + length);
    if (int.length === 33) {
      if (int[0] !== 0) return undefined;
      int = int.subarray(1);
    }
    out.set(int, half + 32 - int.length);
    at += 2 + length;
  }
  return at === der.length ? out : undefined;
}
