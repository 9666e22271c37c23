import * as z from 'zod/mini';
import { looseObject, maybe, openEnum } from '../core/schema.js';

// Whippy publishes no response examples for these endpoints: every shape here comes from its
// webhook samples (../shared/api/whippy.md §3). So: loose objects, open enums, and every field
// optional except ids. Empty values arrive as "", null or absent; all three are accepted.

/** A value Whippy sends as a string, `""`, `null` or not at all. */
const text = maybe(z.string());
/**
 * A field Whippy sends as a number or as a string. One custom check, not a `z.union`: zod's union
 * parser would be in every Whippy bundle for these few fields.
 */
const numberOrString = z.custom<number | string>((value) => typeof value === 'number' || typeof value === 'string', {
  message: 'expected number or string',
});
/** A user id: an integer, or `""` / `null` when there is none. */
const userId = maybe(numberOrString);

/** Sequence statuses (docs, E9). */
export const SEQUENCE_STATUSES = ['draft', 'active', 'archived'] as const;
/** Sequence run statuses seen (`active`, `finished`); the full list is unpublished. */
export const RUN_STATUSES = ['active', 'finished'] as const;
/** Step-contact statuses in payloads: union of the E3 filter list, E9's list and webhook payloads (whippy.md §3). */
export const STEP_CONTACT_STATUSES = ['pending', 'active', 'inactive', 'moved', 'finished', 'complete', 'removed'] as const;
/** The `status` filter of `sequences.contacts.list`, from its description text (whippy.md §2 E3, [C]). */
export const SEQUENCE_CONTACT_FILTER_STATUSES = ['pending', 'active', 'inactive', 'moved', 'complete', 'removed'] as const;
/** A contact's status in its latest step on `contacts.sequences.list` (whippy.md §2 E9, seed 003, [C]). */
export const CONTACT_SEQUENCE_STATUSES = ['pending', 'active', 'inactive', 'moved', 'finished'] as const;

/** A sequence's status. */
export const SequenceStatusSchema = openEnum<(typeof SEQUENCE_STATUSES)[number]>();
/** A sequence run's status. */
export const RunStatusSchema = openEnum<(typeof RUN_STATUSES)[number]>();
/** A contact's status in a step. */
export const StepContactStatusSchema = openEnum<(typeof STEP_CONTACT_STATUSES)[number]>();
/** A contact's status in its latest step, on a contact's sequences. */
export const ContactSequenceStatusSchema = openEnum<(typeof CONTACT_SEQUENCE_STATUSES)[number]>();

/** A sending toggle with a time-zone choice. */
export const TimezoneToggleSchema = looseObject({ enabled: z.optional(z.boolean()), use_contact_timezone: z.optional(z.boolean()) });

/** A sequence's settings (open-ended: the help centre lists more than the samples show). */
export const SequenceSettingsSchema = looseObject({
  on_response: z.optional(openEnum<'remove' | 'continue'>()),
  on_re_add: z.optional(openEnum<'exclude' | 'include'>()),
  max_contact_sequence_runs: maybe(z.number()),
  max_add_time: maybe(z.number()),
  max_add_per_time: maybe(z.number()),
  max_time: maybe(numberOrString),
  skip_sending_on_weekend: maybe(TimezoneToggleSchema),
  support_sms_quiet_hours: maybe(TimezoneToggleSchema),
  only_send_during_business_hours: maybe(TimezoneToggleSchema),
});

/** Per-step message analytics. */
export const StepAnalyticsSchema = looseObject({
  sent_messages: z.optional(z.number()),
  slated_messages: z.optional(z.number()),
  failed_deliveries: z.optional(z.number()),
  responses: z.optional(z.number()),
  link_clicks: z.optional(z.number()),
  unsubscribes: z.optional(z.number()),
});

/** When a step sends, relative to the previous one. Whippy sends the numbers as strings. */
export const ScheduleOptionsSchema = looseObject({
  days: maybe(numberOrString),
  hours: maybe(numberOrString),
  minutes: maybe(numberOrString),
  timezone: text,
});

/** One step of a sequence (embedded in the sequence; there is no steps endpoint). */
export const SequenceStepSchema = looseObject({
  id: z.string(),
  sequence_id: text,
  title: text,
  body: text,
  status: maybe(openEnum<'active'>()),
  /** 0-based. */
  position: maybe(z.number()),
  attachments: maybe(z.array(z.unknown())),
  analytics: maybe(StepAnalyticsSchema),
  schedule_options: maybe(ScheduleOptionsSchema),
  created_at: text,
  updated_at: text,
});

/** A Whippy sequence. */
export const SequenceSchema = looseObject({
  id: z.string(),
  title: text,
  description: text,
  type: maybe(openEnum<'sequential' | 'branched'>()),
  status: maybe(SequenceStatusSchema),
  access_level: maybe(openEnum<'organization'>()),
  industry: text,
  settings: maybe(SequenceSettingsSchema),
  steps: maybe(z.array(SequenceStepSchema)),
  created_at: text,
  updated_at: text,
});

/** The contact a run or step contact is about. */
export const ContactRefSchema = looseObject({
  id: text,
  name: text,
  email: text,
  phone: text,
});

/** A message a step sent to a contact. */
export const ContactMessageSchema = looseObject({
  id: text,
  delivery_status: text,
  contact_id: text,
  conversation_id: text,
  body: text,
  attachments: maybe(z.array(looseObject({ url: text, content_type: text }))),
});

/** A contact in a step of a sequence ("sequence contact"). */
export const StepContactSchema = looseObject({
  id: z.string(),
  sequence_id: text,
  step_id: text,
  channel_id: text,
  status: maybe(StepContactStatusSchema),
  contact: maybe(ContactRefSchema),
  added_by_id: userId,
  clicked_link: maybe(z.boolean()),
  unsubscribed: maybe(z.boolean()),
  scheduled_at: text,
  run_created_at: text,
  run_updated_at: text,
  contact_messages: maybe(z.array(ContactMessageSchema)),
  created_at: text,
  updated_at: text,
});

/** One contact's pass through a sequence. */
export const SequenceRunSchema = looseObject({
  id: z.string(),
  sequence_id: text,
  status: maybe(RunStatusSchema),
  contact: maybe(ContactRefSchema),
  channel_id: text,
  added_by_id: userId,
  last_step_id: text,
  step_contacts: maybe(
    z.array(
      looseObject({
        id: text,
        status: maybe(StepContactStatusSchema),
        step_id: text,
        clicked_link: maybe(z.boolean()),
        unsubscribed: maybe(z.boolean()),
        contact_messages: maybe(z.array(ContactMessageSchema)),
      }),
    ),
  ),
  created_at: text,
  updated_at: text,
});

/** A step named by id and title, in a contact's sequence entry. */
export const StepRefSchema = looseObject({ id: text, title: text });

/**
 * One sequence a contact is in, with its last completed, current and next step. The docs
 * describe these but not their JSON names; the names here are the likely ones (unconfirmed).
 */
export const ContactSequenceSchema = looseObject({
  sequence: maybe(looseObject({ id: text, title: text, status: maybe(SequenceStatusSchema) })),
  contact_status: maybe(ContactSequenceStatusSchema),
  last_step: maybe(StepRefSchema),
  current_step: maybe(StepRefSchema),
  next_step: maybe(StepRefSchema),
});

/** Whippy's 202 answer to enrol and remove: its body is undocumented, so anything is kept. */
export const AcceptedSchema = z.unknown();

/** Whippy's list envelope: `{ data, total }`, both required (docs/pagination, whippy.md §4, [C]). */
export function listEnvelope<T extends z.ZodMiniType>(item: T) {
  return looseObject({ data: z.array(item), total: z.number() });
}

export type {
  Sequence,
  SequenceSettings,
  TimezoneToggle,
  StepAnalytics,
  ScheduleOptions,
  SequenceStep,
  SequenceRun,
  RunStepContact,
  StepContact,
  ContactRef,
  ContactMessage,
  MessageAttachment,
  ContactSequence,
  SequenceRef,
  StepRef,
  SequenceStatus,
  RunStatus,
  StepContactStatus,
  ContactSequenceStatus,
  SequenceContactFilterStatus,
} from './model-types.js';
