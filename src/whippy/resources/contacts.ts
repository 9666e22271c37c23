import { resolveFilter } from '../../core/filters.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { whippyList } from '../envelopes.js';
import type { ContactSequencesFilter } from '../filters.js';
import { ContactSequenceListSchema, type ContactSequenceListParams } from '../inputs.js';
import { ContactSequenceSchema, listEnvelope, type ContactSequence } from '../models.js';

const ContactSequenceList = listEnvelope(ContactSequenceSchema);

/** A contact's sequences: `POST /contacts/{id}/sequences` (filters in the JSON body). */
export class WhippyContactSequences {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists the sequences a contact is in, with its last completed, current and next step.
   * @example for await (const entry of whippy.contacts.sequences.list(contactId, contactSequencesFilter().sequenceStatus('active'))) console.log(entry.current_step?.title);
   */
  list(contactId: string, filter?: ContactSequenceListParams | ContactSequencesFilter, options?: ListOptions): Paginated<ContactSequence> {
    return Paginated.from(() =>
      whippyList(
        this.#http,
        `contacts/${encodeId(contactId, 'contactId')}/sequences`,
        checkInput(ContactSequenceListSchema, resolveFilter(filter) ?? {}, 'contacts.sequences.list filter'),
        ContactSequenceList,
        options,
        'POST',
      ),
    );
  }
}

/** Whippy contacts (only what concerns sequences). */
export class WhippyContacts {
  /** The sequences a contact is in. */
  readonly sequences: WhippyContactSequences;

  /** @internal */
  constructor(http: HttpClient) {
    this.sequences = new WhippyContactSequences(http);
  }
}
