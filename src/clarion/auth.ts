import { requireCredential } from '../core/env.js';

/** Clarion credentials. */
export interface ClarionCredentials {
  /** Bearer token. Default: env `CLARION_API_TOKEN`. */
  token?: string;
}

/** Builds Clarion's auth header and the list of secrets to keep out of errors and logs. */
export function clarionAuth(credentials: ClarionCredentials): { headers: Record<string, string>; secrets: string[] } {
  const token = requireCredential(credentials.token, 'CLARION_API_TOKEN', 'clarion', 'token');
  return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
}
