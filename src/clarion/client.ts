import { checkClientOptionKinds, type OptionKind } from '../core/client-options.js';
import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { clientPipeline, pipelineOf } from '../core/client-pipeline.js';
import type { Paginated } from '../core/pagination.js';
import type { RawAnswer, RawListOptions, RawQuery } from '../core/raw-calls.js';
import { VendorClient } from '../core/with-options.js';
import type * as zc from 'zod/v4/core';
import { clarionAuth, type ClarionCredentials } from './auth.js';
import { clarionPaginate } from './list.js';
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
export class ClarionClient extends VendorClient<ClarionClientOptions> {
  /** Sequence instances: list, retrieve, create, update, stop, batch upload. */
  declare readonly sequences: ClarionSequences;
  /** Sequence definitions: retrieve, create, update. */
  declare readonly definitions: ClarionDefinitions;
  /** The API root this client talks to. */
  declare readonly baseUrl: string;

  constructor(options: ClarionClientOptions = {}) {
    super();
    checkClientOptionKinds('clarion', options, CLARION_OPTION_KINDS);
    const http = clientPipeline(
      this,
      options,
      (parent) => new HttpClient(clarionProfile, baseUrlFromEnv(options, 'CLARION_BASE_URL'), clarionAuth(options), parent),
    );
    this.baseUrl = http.baseUrl;
    this.sequences = new ClarionSequences(http);
    this.definitions = new ClarionDefinitions(http);
  }

  /** Walks any Clarion list endpoint: Clarion answers a list whole (`{ success, data: [...] }`), as one page. */
  paginate<S extends zc.$ZodType | undefined = undefined>(
    path: string,
    params?: RawQuery,
    options?: RawListOptions<S>,
  ): Paginated<RawAnswer<S>> {
    return clarionPaginate(pipelineOf(this), path, params, options);
  }
}
