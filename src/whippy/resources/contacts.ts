import type { HttpClient } from '../../core/http.js';
import { WhippyContactSequences } from './contact-sequences.js';

/** Whippy contacts (only what concerns sequences). */
export class WhippyContacts {
  /** The sequences a contact is in. */
  readonly sequences: WhippyContactSequences;

  /** @internal */
  constructor(http: HttpClient) {
    this.sequences = new WhippyContactSequences(http);
  }
}
