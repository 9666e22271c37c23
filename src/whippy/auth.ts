import { requireCredential } from '../core/env.js';

/** Whippy credentials. */
export interface WhippyCredentials {
  /** API key, sent as `X-WHIPPY-KEY`. Default: env `WHIPPY_API_KEY`. */
  apiKey?: string;
}

/** Builds Whippy's auth header and the list of secrets to keep out of errors and logs. */
export function whippyAuth(credentials: WhippyCredentials): { headers: Record<string, string>; secrets: string[] } {
  const apiKey = requireCredential(credentials.apiKey, 'WHIPPY_API_KEY', 'whippy', 'apiKey');
  return { headers: { 'x-whippy-key': apiKey }, secrets: [apiKey] };
}
