import { bytesToHex } from './hex.js';
import type { RateLimitScope } from './rate-limit-store.js';

/**
 * The scope a shared store keys a client's budget by: the vendor, and a SHA-256 of the credential
 * and the API root (WebCrypto, present in every runtime the SDK supports). The credential itself
 * never reaches a store.
 */
export async function rateLimitScope(vendor: string, baseUrl: string, secrets: readonly string[]): Promise<RateLimitScope> {
  const input = new TextEncoder().encode([vendor, baseUrl, ...secrets].join('\n'));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input));
  return { vendor, id: bytesToHex(digest) };
}
