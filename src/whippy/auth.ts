import { InvalidRequestError } from '../core/errors.js';
import { readEnv } from '../core/env.js';

/** Whippy credentials. */
export interface WhippyCredentials {
  /** API key, sent as `X-WHIPPY-KEY`. Default: env `WHIPPY_API_KEY`. */
  apiKey?: string;
}

/** Builds Whippy's auth header and the list of secrets to keep out of errors and logs. */
export function whippyAuth(credentials: WhippyCredentials): { headers: Record<string, string>; secrets: string[] } {
  const apiKey = credentials.apiKey ?? readEnv('WHIPPY_API_KEY');
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new InvalidRequestError('whippy client options', [
      { path: 'apiKey', message: 'is required: pass apiKey or set the WHIPPY_API_KEY environment variable' },
    ]);
  }
  return { headers: { 'x-whippy-key': apiKey }, secrets: [apiKey] };
}
