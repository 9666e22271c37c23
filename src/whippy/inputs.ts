import * as z from 'zod/mini';
import { filterId, isoDateTime, maxLength, minLength, pageLimit, pageOffset, phoneNumber, regex, wholeNumber } from '../core/filters.js';
import { jsonObject, looseObject, openEnum, strictObject } from '../core/schema.js';
import type { CONTACT_SEQUENCE_STATUSES, RUN_STATUSES, SEQUENCE_CONTACT_FILTER_STATUSES, SEQUENCE_STATUSES } from './models.js';

/**
 * Whippy's largest page, documented only on a contact's sequences (whippy.md §2 E9 and §4, [C]).
 * The other lists' maxima are unpublished ([U]), so their `limit` is not capped: a server that
 * answers fewer items than asked is followed by the pagination's realignment.
 */
export const WHIPPY_MAX_LIMIT = 500;
/** Contacts Whippy accepts in one enrol or remove call. */
export const WHIPPY_CONTACTS_PER_CALL = 4_000;
/** Contacts one SDK call accepts before splitting is refused as a likely mistake (25 calls). */
export const WHIPPY_MAX_CONTACTS = 100_000;

const limit = z.optional(pageLimit(Number.MAX_SAFE_INTEGER));
const contactSequencesLimit = z.optional(pageLimit(WHIPPY_MAX_LIMIT));
const offset = z.optional(pageOffset);
const status = <Known extends string>() =>
  z.optional(z.pipe(z.string().check(regex(/^[\w-]+$/, 'must be a status word such as "active"')), openEnum<Known>()));
const shortText = (max: number) => z.string().check(maxLength(max, `must be at most ${max} characters`));

/** Parameters of `sequences.list`. */
export const SequenceListSchema = strictObject({ title: z.optional(z.string()), limit, offset });

/** Filter of `sequences.runs.list`; `after` must not be later than `before`. */
export const SequenceRunListSchema = strictObject({
  phone: z.optional(phoneNumber),
  status: status<(typeof RUN_STATUSES)[number]>(),
  channel_id: z.optional(filterId),
  before: z.optional(isoDateTime),
  after: z.optional(isoDateTime),
  limit,
  offset,
}).check(
  z.refine((f) => f.before === undefined || f.after === undefined || Date.parse(f.after) <= Date.parse(f.before), {
    message: 'must not be later than before',
    path: ['after'],
  }),
);

/** Filter of `sequences.contacts.list`. `step_ids` is sent comma-separated. */
export const SequenceContactListSchema = strictObject({
  status: status<(typeof SEQUENCE_CONTACT_FILTER_STATUSES)[number]>(),
  step_ids: z.optional(
    z.pipe(
      z.array(filterId).check(minLength(1, 'must name at least one step')),
      z.transform((ids) => ids.join(',')),
    ),
  ),
  responded: z.optional(z.boolean()),
  unsubscribed: z.optional(z.boolean()),
  clicked_link: z.optional(z.boolean()),
  limit,
  offset,
});

/** Filter of `contacts.sequences.list` (sent in the JSON body). */
export const ContactSequenceListSchema = strictObject({
  sequence_id: z.optional(filterId),
  contact_status: status<(typeof CONTACT_SEQUENCE_STATUSES)[number]>(),
  sequence_status: status<(typeof SEQUENCE_STATUSES)[number]>(),
  limit: contactSequencesLimit,
  offset,
});

/** A contact to enrol or remove; matched to an existing contact, else created. `phone` is required. */
export const ContactInputSchema = looseObject({
  phone: phoneNumber,
  name: z.optional(shortText(255)),
  email: z.optional(shortText(255).check(regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'))),
  external_id: z.optional(z.string()),
  language: z.optional(z.string()),
  default_channel_id: z.optional(filterId),
  address: z.optional(looseObject({})),
  birth_date: z.optional(
    looseObject({ day: z.optional(wholeNumber()), month: z.optional(wholeNumber()), year: z.optional(wholeNumber()) }),
  ),
  properties: z.optional(jsonObject()),
});

const contactList = z
  .array(ContactInputSchema)
  .check(
    minLength(1, 'must list at least one contact'),
    maxLength(WHIPPY_MAX_CONTACTS, `must list at most ${WHIPPY_MAX_CONTACTS} contacts (split larger imports)`),
  );

/** Body of `sequences.contacts.add`. Lists over 4,000 contacts are sent in several calls. */
export const SequenceContactAddSchema = looseObject({
  to: contactList,
  /** Channel phone number or email to send from (optional in the current docs). */
  from: z.optional(z.string().check(minLength(1, 'must not be empty'))),
  step_id: z.optional(filterId),
  schedule_at: z.optional(isoDateTime),
  custom_data: z.optional(looseObject({ custom_object_id: filterId, resource: openEnum<'contact' | 'step_contact'>() })),
  voice_options: z.optional(looseObject({})),
});

/** Body of `sequences.contacts.remove`. Lists over 4,000 contacts are sent in several calls. */
export const SequenceContactRemoveSchema = looseObject({ contacts: contactList });

/* eslint-disable @typescript-eslint/no-empty-object-type -- interfaces keep the input types' names in editors and TypeDoc */
/** Parameters of `sequences.list`. */
export interface SequenceListParams extends z.input<typeof SequenceListSchema> {}
/** Filter of `sequences.runs.list`: dates as `Date` or ISO 8601. */
export interface SequenceRunListParams extends z.input<typeof SequenceRunListSchema> {}
/** Filter of `sequences.contacts.list`. */
export interface SequenceContactListParams extends z.input<typeof SequenceContactListSchema> {}
/** Filter of `contacts.sequences.list`. */
export interface ContactSequenceListParams extends z.input<typeof ContactSequenceListSchema> {}
/** A contact to enrol or remove. */
export interface ContactInput extends z.input<typeof ContactInputSchema> {}
/** Body of `sequences.contacts.add`. */
export interface SequenceContactAddParams extends z.input<typeof SequenceContactAddSchema> {}
/** Body of `sequences.contacts.remove`. */
export interface SequenceContactRemoveParams extends z.input<typeof SequenceContactRemoveSchema> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
