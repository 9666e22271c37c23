import { FilterBuilder, type DateInput } from '../core/filters.js';
import type { ContactSequenceListParams, SequenceRunListParams, SequenceContactListParams } from './inputs.js';
import type { ContactSequenceStatus, RunStatus, SequenceContactFilterStatus, SequenceStatus } from './models.js';

/** Immutable builder for `sequences.runs.list` filters. */
export class RunsFilter extends FilterBuilder<SequenceRunListParams> {
  /** Runs of the contact with this phone (spaces are removed). */
  phone(phone: string): RunsFilter {
    return this.with('phone', phone);
  }
  /** Runs with this status. */
  status(status: RunStatus): RunsFilter {
    return this.with('status', status);
  }
  /** Runs whose step contact is on this channel. */
  channel(channelId: string): RunsFilter {
    return this.with('channel_id', channelId);
  }
  /** Runs started at or before this moment. */
  before(date: DateInput): RunsFilter {
    return this.with('before', date);
  }
  /** Runs started at or after this moment. */
  after(date: DateInput): RunsFilter {
    return this.with('after', date);
  }
  /** Page size (Whippy's maximum here is unpublished; default 50). */
  limit(limit: number): RunsFilter {
    return this.with('limit', limit);
  }
  /** Runs to skip first. */
  offset(offset: number): RunsFilter {
    return this.with('offset', offset);
  }
}

/** Immutable builder for `sequences.contacts.list` filters. */
export class SequenceContactsFilter extends FilterBuilder<SequenceContactListParams> {
  /** Contacts with this status in their step (E3's list: `complete`, `removed`, not `finished`). */
  status(status: SequenceContactFilterStatus): SequenceContactsFilter {
    return this.with('status', status);
  }
  /** Contacts in any of these steps. */
  steps(...stepIds: string[]): SequenceContactsFilter {
    return this.with('step_ids', stepIds);
  }
  /** Contacts that responded (or, with false, did not). */
  responded(responded = true): SequenceContactsFilter {
    return this.with('responded', responded);
  }
  /** Contacts that unsubscribed (or, with false, did not). */
  unsubscribed(unsubscribed = true): SequenceContactsFilter {
    return this.with('unsubscribed', unsubscribed);
  }
  /** Contacts that clicked a link (or, with false, did not). */
  clickedLink(clicked = true): SequenceContactsFilter {
    return this.with('clicked_link', clicked);
  }
  /** Page size (Whippy's maximum here is unpublished; default 50). */
  limit(limit: number): SequenceContactsFilter {
    return this.with('limit', limit);
  }
  /** Contacts to skip first. */
  offset(offset: number): SequenceContactsFilter {
    return this.with('offset', offset);
  }
}

/** Immutable builder for `contacts.sequences.list` filters. */
export class ContactSequencesFilter extends FilterBuilder<ContactSequenceListParams> {
  /** Only this sequence: "is the contact in sequence X?". */
  sequence(sequenceId: string): ContactSequencesFilter {
    return this.with('sequence_id', sequenceId);
  }
  /** Only entries where the contact's latest step has this status. */
  contactStatus(status: ContactSequenceStatus): ContactSequencesFilter {
    return this.with('contact_status', status);
  }
  /** Only sequences with this status. */
  sequenceStatus(status: SequenceStatus): ContactSequencesFilter {
    return this.with('sequence_status', status);
  }
  /** Page size: at most 500, as documented for this list. */
  limit(limit: number): ContactSequencesFilter {
    return this.with('limit', limit);
  }
  /** Entries to skip first. */
  offset(offset: number): ContactSequencesFilter {
    return this.with('offset', offset);
  }
}

/** Starts a runs filter: `runsFilter().status('active').phone('+1 555 010 2000').after(date)`. */
export function runsFilter(): RunsFilter {
  return new RunsFilter();
}

/** Starts a sequence-contacts filter: `sequenceContactsFilter().status('active').responded()`. */
export function sequenceContactsFilter(): SequenceContactsFilter {
  return new SequenceContactsFilter();
}

/** Starts a contact-sequences filter: `contactSequencesFilter().sequence(id)`. */
export function contactSequencesFilter(): ContactSequencesFilter {
  return new ContactSequencesFilter();
}
