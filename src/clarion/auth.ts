import { requireCredential } from '../core/env.js';

/** Clarion credentials. */
export interface ClarionCredentials {
  /**
   * Clarion's API token, sent as `Authorization: Bearer` (the docs' only scheme, clarion.md §1 [C]).
   * Named `apiKey` as in the other clients. Default: env `CLARION_API_KEY`.
   */
  apiKey?: string;
}

/** Builds Clarion's auth header and the list of secrets to keep out of errors and logs. */
export function clarionAuth(credentials: ClarionCredentials): { headers: Record<string, string>; secrets: string[] } {
  const apiKey = requireCredential(credentials.apiKey, 'CLARION_API_KEY', 'clarion', 'apiKey');
  return { headers: { authorization: `Bearer ${apiKey}` }, secrets: [apiKey] };
}
