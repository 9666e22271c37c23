import { InvalidRequestError } from '../core/errors.js';
import { readEnv } from '../core/env.js';

/** Clarion credentials. */
export interface ClarionCredentials {
  /** Bearer token. Default: env `CLARION_API_TOKEN`. */
  token?: string;
}

/** Builds Clarion's auth header and the list of secrets to keep out of errors and logs. */
export function clarionAuth(credentials: ClarionCredentials): { headers: Record<string, string>; secrets: string[] } {
  const token = credentials.token ?? readEnv('CLARION_API_TOKEN');
  if (typeof token !== 'string' || token.trim() === '') {
    throw new InvalidRequestError('clarion client options', [
      { path: 'token', message: 'is required: pass token or set the CLARION_API_TOKEN environment variable' },
    ]);
  }
  return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
}
