import { checkClientOptionKinds, type OptionKind } from '../core/client-options.js';
import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { clientPipeline, pipelineOf } from '../core/client-pipeline.js';
import type { Paginated } from '../core/pagination.js';
import type { RawAnswer, RawListOptions } from '../core/raw-calls.js';
import { VendorClient } from '../core/with-options.js';
import type * as zc from 'zod/v4/core';
import { whippyAuth, type WhippyCredentials } from './auth.js';
import { InvalidRequestError } from '../core/errors.js';
import { sequenceWritesBudget, whippyProfile, type WriteLimit } from './profile.js';
import { whippyPaginate, type WhippyListParams } from './list.js';
import { WhippyContacts } from './resources/contacts.js';
import { WhippySequences } from './resources/sequences.js';

/** The options only this client takes, by kind (checked with the shared ones in the constructor). */
export const WHIPPY_OPTION_KINDS: Readonly<Record<string, OptionKind>> = { apiKey: 'string', sequenceWriteLimit: 'plainObject' };

/** Options of {@link WhippyClient}: the shared client options plus the Whippy API key. */
export interface WhippyClientOptions extends ClientOptions, WhippyCredentials {
  /**
   * The pace of writes below `v1/sequences` (enrolling, removing contacts). Default: Whippy's
   * documented 10 a minute; its docs say limits may change.
   */
  sequenceWriteLimit?: WriteLimit;
}

function profileFor(options: WhippyClientOptions) {
  const limit = options.sequenceWriteLimit;
  if (limit === undefined) return whippyProfile;
  if (!(Number.isInteger(limit.limit) && limit.limit > 0 && limit.windowMs > 0)) {
    throw new InvalidRequestError('whippy client options', [
      { path: 'sequenceWriteLimit', message: 'must be { limit: a positive integer, windowMs: a positive number }' },
    ]);
  }
  return { ...whippyProfile, budgets: [sequenceWritesBudget(limit)] };
}

/**
 * Client for Whippy's sequence APIs.
 * @example
 * const whippy = new WhippyClient(); // reads WHIPPY_API_KEY
 * for await (const run of whippy.sequences.runs.list(sequenceId, { status: 'active' })) console.log(run.id);
 */
export class WhippyClient extends VendorClient<WhippyClientOptions> {
  /** Sequences, their runs and their contacts. */
  readonly sequences: WhippySequences;
  /** A contact's sequences. */
  readonly contacts: WhippyContacts;
  /** The API root this client talks to. */
  readonly baseUrl: string;

  constructor(options: WhippyClientOptions = {}) {
    super();
    checkClientOptionKinds('whippy', options, WHIPPY_OPTION_KINDS);
    const http = clientPipeline(
      this,
      options,
      (parent) => new HttpClient(profileFor(options), baseUrlFromEnv(options, 'WHIPPY_BASE_URL'), whippyAuth(options), parent),
    );
    this.baseUrl = http.baseUrl;
    this.sequences = new WhippySequences(http);
    this.contacts = new WhippyContacts(http);
  }

  /** Walks any Whippy list endpoint, `offset`/`limit` up to its `total`: `whippy.paginate('v1/contacts', { limit: 50 })`. */
  paginate<S extends zc.$ZodType | undefined = undefined>(
    path: string,
    params?: WhippyListParams,
    options?: RawListOptions<S>,
  ): Paginated<RawAnswer<S>> {
    return whippyPaginate(pipelineOf(this), path, params, options);
  }
}
