import { checkClientOptionKinds, type OptionKind } from '../core/client-options.js';
import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { clarionAuth, type ClarionCredentials } from './auth.js';
import { clarionProfile } from './profile.js';
import { ClarionDefinitions } from './resources/definitions.js';
import { ClarionSequences } from './resources/sequences.js';

/** The options only this client takes, by kind (checked with the shared ones in the constructor). */
export const CLARION_OPTION_KINDS: Readonly<Record<string, OptionKind>> = { apiKey: 'string' };

/** Options of {@link ClarionClient}: the shared client options plus the Clarion API key (`apiKey`). */
export interface ClarionClientOptions extends ClientOptions, ClarionCredentials {}

/**
 * Client for Clarion Health's sequence manager. Clarion data is patient health data: request
 * and response bodies are never logged unless you set `logBodies: true`.
 * @example
 * const clarion = new ClarionClient(); // reads CLARION_API_KEY
 * const result = await clarion.sequences.batchUpload({ sequence_definition_id: 7, rows });
 */
export class ClarionClient {
  /** Sequence instances: list, retrieve, create, update, stop, batch upload. */
  declare readonly sequences: ClarionSequences;
  /** Sequence definitions: retrieve, create, update. */
  declare readonly definitions: ClarionDefinitions;
  /** The API root this client talks to. */
  declare readonly baseUrl: string;

  constructor(options: ClarionClientOptions = {}) {
    checkClientOptionKinds('clarion', options, CLARION_OPTION_KINDS);
    const http = new HttpClient(clarionProfile, baseUrlFromEnv(options, 'CLARION_BASE_URL'), clarionAuth(options));
    this.baseUrl = http.baseUrl;
    this.sequences = new ClarionSequences(http);
    this.definitions = new ClarionDefinitions(http);
  }
}
