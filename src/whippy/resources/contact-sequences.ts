import { resolveFilter } from '../../core/filters.js';
import type { ListOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { ContactSequenceListEnvelope } from '../decoders.js';
import type { ContactSequencesFilter } from '../filters.js';
import { ContactSequenceListSchema, type ContactSequenceListParams } from '../inputs.js';
import { whippyList } from '../list.js';
import type { ContactSequence } from '../models.js';

/** A contact's sequences: `POST /contacts/{id}/sequences` (filters in the JSON body). */
export class WhippyContactSequences extends APIResource {
  /**
   * Lists the sequences a contact is in, with its last completed, current and next step.
   * @example for await (const entry of whippy.contacts.sequences.list(contactId, contactSequencesFilter().sequenceStatus('active'))) console.log(entry.current_step?.title);
   */
  list(contactId: string, filter?: ContactSequenceListParams | ContactSequencesFilter, options?: ListOptions): Paginated<ContactSequence> {
    const checked = () => checkInput(ContactSequenceListSchema, resolveFilter(filter) ?? {}, 'contacts.sequences.list filter');
    return whippyList(this.http, path`contacts/${{ contactId }}/sequences`, checked, ContactSequenceListEnvelope, options, 'POST');
  }
}
