import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { whippyAuth, type WhippyCredentials } from './auth.js';
import { whippyProfile } from './profile.js';
import { WhippyContacts } from './resources/contacts.js';
import { WhippySequences } from './resources/sequences.js';

/** Options of {@link WhippyClient}: the shared client options plus the Whippy API key. */
export interface WhippyClientOptions extends ClientOptions, WhippyCredentials {}

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
    const http = new HttpClient(whippyProfile, baseUrlFromEnv(options, 'WHIPPY_BASE_URL'), whippyAuth(options));
    this.baseUrl = http.baseUrl;
    this.sequences = new WhippySequences(http);
    this.contacts = new WhippyContacts(http);
  }
}
