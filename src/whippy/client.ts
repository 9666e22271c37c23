import { checkClientOptionKinds, type OptionKind } from '../core/client-options.js';
import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { whippyAuth, type WhippyCredentials } from './auth.js';
import { InvalidRequestError } from '../core/errors.js';
import { sequenceWritesBudget, whippyProfile, type WriteLimit } from './profile.js';
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
export class WhippyClient {
  /** Sequences, their runs and their contacts. */
  readonly sequences: WhippySequences;
  /** A contact's sequences. */
  readonly contacts: WhippyContacts;
  /** The API root this client talks to. */
  readonly baseUrl: string;

  constructor(options: WhippyClientOptions = {}) {
    checkClientOptionKinds('whippy', options, WHIPPY_OPTION_KINDS);
    const http = new HttpClient(profileFor(options), baseUrlFromEnv(options, 'WHIPPY_BASE_URL'), whippyAuth(options));
    this.baseUrl = http.baseUrl;
    this.sequences = new WhippySequences(http);
    this.contacts = new WhippyContacts(http);
  }
}
