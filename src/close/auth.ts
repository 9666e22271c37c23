import { InvalidRequestError } from '../core/errors.js';
import { requireCredential } from '../core/env.js';

/** Close credentials: an API key (HTTP Basic, key as user name) or an OAuth access token. */
export interface CloseCredentials {
  /** API key; sent as HTTP Basic user name with an empty password. Default: env `CLOSE_API_KEY`. */
  apiKey?: string;
  /** OAuth 2 access token; sent as `Authorization: Bearer`. */
  accessToken?: string;
}

function toBase64(text: string): string {
  // btoa only takes Latin-1; encode UTF-8 bytes first so any key is handled the same everywhere.
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Builds Close's auth header and the list of secrets to keep out of errors and logs. */
export function closeAuth(credentials: CloseCredentials): { headers: Record<string, string>; secrets: string[] } {
  const { apiKey: givenKey, accessToken } = credentials;
  if (givenKey !== undefined && accessToken !== undefined) {
    throw new InvalidRequestError('close client options', [{ path: 'apiKey', message: 'pass either apiKey or accessToken, not both' }]);
  }
  if (accessToken !== undefined) {
    if (typeof accessToken !== 'string' || accessToken.trim() === '') {
      throw new InvalidRequestError('close client options', [{ path: 'accessToken', message: 'must be a non-empty string' }]);
    }
    return { headers: { authorization: `Bearer ${accessToken}` }, secrets: [accessToken] };
  }
  const apiKey = requireCredential(givenKey, 'CLOSE_API_KEY', 'close', 'apiKey', 'accessToken');
  const encoded = toBase64(`${apiKey}:`);
  return { headers: { authorization: `Basic ${encoded}` }, secrets: [apiKey, encoded] };
}
