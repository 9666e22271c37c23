import { APIPromise, type WithResponse } from '../../core/api-promise.js';
import { sendInChunks, withLastResponse } from '../../core/batch.js';
import { resolveFilter } from '../../core/filters.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { AcceptedDecoder, StepContactListEnvelope } from '../decoders.js';
import type { SequenceContactsFilter } from '../filters.js';
import {
  SequenceContactAddSchema,
  SequenceContactRemoveSchema,
  SequenceContactListSchema,
  WHIPPY_CONTACTS_PER_CALL,
  type SequenceContactAddParams,
  type SequenceContactRemoveParams,
  type SequenceContactListParams,
} from '../inputs.js';
import { whippyList } from '../list.js';
import type { StepContact } from '../models.js';

/** What Whippy answered to one enrol or remove call. */
export interface ContactsCall {
  /** Position of the call (0-based). */
  index: number;
  /** Index, in your contact list, of the call's first contact. */
  start: number;
  /** Contacts sent in this call. */
  count: number;
  /** HTTP status (202: accepted for background processing). */
  status: number;
  /** The 202 body, as sent (undocumented by Whippy). */
  body: unknown;
}

/**
 * The result of an enrol or remove: Whippy accepts contacts for background processing and
 * reports no per-contact outcome, so this says what each call returned.
 */
export interface ContactsBatchResult {
  /** Contacts sent in all. */
  contacts: number;
  /** One entry per call (a call carries at most 4,000 contacts). */
  calls: ContactsCall[];
}

/** Contacts in a sequence's steps: `/sequences/{id}/contacts`. */
export class WhippySequenceContacts extends APIResource {
  /**
   * Lists the contacts in a sequence's steps, filtered by status, steps, and whether they responded, unsubscribed or clicked.
   * @example for await (const c of whippy.sequences.contacts.list(seqId, sequenceContactsFilter().status('active').responded())) console.log(c.contact?.phone);
   */
  list(sequenceId: string, filter?: SequenceContactListParams | SequenceContactsFilter, options?: ListOptions): Paginated<StepContact> {
    const checked = () => checkInput(SequenceContactListSchema, resolveFilter(filter) ?? {}, 'sequences.contacts.list filter');
    return whippyList(this.http, path`sequences/${{ sequenceId }}/contacts`, checked, StepContactListEnvelope, options);
  }

  /**
   * Enrols contacts (Whippy answers 202 and works in the background). Lists over 4,000 contacts
   * are sent in several calls; a failing call throws `BatchError` saying which calls went through.
   * Never resent after an ambiguous failure.
   * @example await whippy.sequences.contacts.add(seqId, { to: [{ phone: '+15550102000', name: 'Ada' }] });
   */
  add(sequenceId: string, body: SequenceContactAddParams, options?: RequestOptions): APIPromise<ContactsBatchResult> {
    return new APIPromise(
      this.#inChunks('sequences.contacts.add', 'POST', sequenceId, options, () => {
        const checked = checkInput(SequenceContactAddSchema, body, 'sequences.contacts.add body');
        return { contacts: checked.to, bodyFor: (to: unknown[]) => ({ ...checked, to }) };
      }),
    );
  }

  /**
   * Removes contacts from a sequence (their step status becomes finished; 202, in the background).
   * The route is Whippy's likely one (`DELETE /sequences/{id}/contacts`), unconfirmed by its docs.
   * @example await whippy.sequences.contacts.remove(seqId, { contacts: [{ phone: '+15550102000' }] });
   */
  remove(sequenceId: string, body: SequenceContactRemoveParams, options?: RequestOptions): APIPromise<ContactsBatchResult> {
    return new APIPromise(
      this.#inChunks('sequences.contacts.remove', 'DELETE', sequenceId, options, () => {
        const checked = checkInput(SequenceContactRemoveSchema, body, 'sequences.contacts.remove body');
        return { contacts: checked.contacts, bodyFor: (contacts: unknown[]) => ({ ...checked, contacts }) };
      }),
    );
  }

  async #inChunks(
    what: string,
    method: 'POST' | 'DELETE',
    sequenceId: string,
    options: RequestOptions | undefined,
    prepare: () => { contacts: unknown[]; bodyFor: (contacts: unknown[]) => unknown },
  ): Promise<WithResponse<ContactsBatchResult>> {
    const route = path`sequences/${{ sequenceId }}/contacts`();
    const { contacts, bodyFor } = prepare();
    const calls: WithResponse<unknown>[] = [];
    const completed = await sendInChunks(what, contacts, WHIPPY_CONTACTS_PER_CALL, async (part) => {
      // idempotent: false: a DELETE that enrols or removes in the background is not safe to resend either.
      const spec = { method, path: route, body: bodyFor(part.items), idempotent: false, decode: AcceptedDecoder };
      const call = await this.http.execute(spec, options);
      calls.push(call);
      return { status: call.response.status, body: call.data };
    });
    return withLastResponse(calls, {
      contacts: contacts.length,
      calls: completed.map(({ index, start, count, result }) => ({ index, start, count, ...result })),
    });
  }
}
