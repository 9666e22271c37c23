import type { OpenEnum } from '../core/schema.js';
import type {
  CONTACT_SEQUENCE_STATUSES,
  RUN_STATUSES,
  SEQUENCE_CONTACT_FILTER_STATUSES,
  SEQUENCE_STATUSES,
  STEP_CONTACT_STATUSES,
} from './models.js';

// The named types of Whippy's models, checked against their schemas in models.ts by
// test/types/models.test-d.ts. They name only the known fields; others are kept at run time and
// read through `raw()` (from `sequence-apis`). Whippy publishes no REST response examples: the
// shapes come from its webhook samples (../shared/api/whippy.md §3, [W]), so every field but the
// id is optional, and empty text arrives as `""`, `null` or absent ([W] §1): typed `string | null | undefined`.

/** A sequence's status: `draft`, `active`, `archived` (whippy.md §2 E9, [C]). Open. */
export type SequenceStatus = OpenEnum<(typeof SEQUENCE_STATUSES)[number]>;
/** A run's status: `active`, `finished` seen ([W]); the full list is unpublished (whippy.md §2 E7, [I]). Open. */
export type RunStatus = OpenEnum<(typeof RUN_STATUSES)[number]>;
/** A contact's status in a step, as payloads carry it: the union of E3's and E9's lists [C] and webhooks [W] (whippy.md §3). Open. */
export type StepContactStatus = OpenEnum<(typeof STEP_CONTACT_STATUSES)[number]>;
/** A contact's status in its latest step, as `contacts.sequences.list` documents it (whippy.md §2 E9, seed 003, [C]). Open. */
export type ContactSequenceStatus = OpenEnum<(typeof CONTACT_SEQUENCE_STATUSES)[number]>;

/** The `status` filter of `sequences.contacts.list` (whippy.md §2 E3, [C]). Open. */
export type SequenceContactFilterStatus = OpenEnum<(typeof SEQUENCE_CONTACT_FILTER_STATUSES)[number]>;

/** A sending toggle with a time-zone choice (whippy.md §3 `ToggleTz`, [W]). */
export interface TimezoneToggle {
  enabled?: boolean | undefined;
  use_contact_timezone?: boolean | undefined;
}

/** A sequence's settings (whippy.md §3, [W]; the help centre lists more, [C-help]). */
export interface SequenceSettings {
  /** `remove` seen ([W]); `continue` from the UI ([C-help], [I]). Open. */
  on_response?: OpenEnum<'remove' | 'continue'> | undefined;
  /** Both seen ([W]). Open. */
  on_re_add?: OpenEnum<'exclude' | 'include'> | undefined;
  max_contact_sequence_runs?: number | null | undefined;
  /** Seconds ([I]). */
  max_add_time?: number | null | undefined;
  max_add_per_time?: number | null | undefined;
  max_time?: number | string | null | undefined;
  skip_sending_on_weekend?: TimezoneToggle | null | undefined;
  support_sms_quiet_hours?: TimezoneToggle | null | undefined;
  only_send_during_business_hours?: TimezoneToggle | null | undefined;
}

/** Per-step message analytics (whippy.md §3, [W]). */
export interface StepAnalytics {
  sent_messages?: number | undefined;
  slated_messages?: number | undefined;
  failed_deliveries?: number | undefined;
  responses?: number | undefined;
  link_clicks?: number | undefined;
  unsubscribes?: number | undefined;
}

/** When a step sends, relative to the previous one; Whippy sends the numbers as strings (whippy.md §3, [W]). */
export interface ScheduleOptions {
  days?: string | number | null | undefined;
  hours?: string | number | null | undefined;
  minutes?: string | number | null | undefined;
  /** IANA time zone. */
  timezone?: string | null | undefined;
}

/** One step of a sequence, embedded in it: there is no steps endpoint (whippy.md §2-3, [W]). */
export interface SequenceStep {
  id: string;
  sequence_id?: string | null | undefined;
  title?: string | null | undefined;
  body?: string | null | undefined;
  /** `active` seen ([W]). Open. */
  status?: OpenEnum<'active'> | null | undefined;
  /** 0-based. */
  position?: number | null | undefined;
  attachments?: unknown[] | null | undefined;
  analytics?: StepAnalytics | null | undefined;
  schedule_options?: ScheduleOptions | null | undefined;
  created_at?: string | null | undefined;
  updated_at?: string | null | undefined;
}

/** A Whippy sequence (whippy.md §3, `sequence.*` webhooks, [W]). */
export interface Sequence {
  id: string;
  title?: string | null | undefined;
  description?: string | null | undefined;
  /** `sequential` seen ([W]); `branched` from the help centre ([C-help]). Open. */
  type?: OpenEnum<'sequential' | 'branched'> | null | undefined;
  status?: SequenceStatus | null | undefined;
  /** Only `organization` seen ([W]). Open. */
  access_level?: OpenEnum<'organization'> | null | undefined;
  industry?: string | null | undefined;
  settings?: SequenceSettings | null | undefined;
  steps?: SequenceStep[] | null | undefined;
  created_at?: string | null | undefined;
  updated_at?: string | null | undefined;
}

/** The contact a run or step contact is about (whippy.md §3 `ContactRef`, [W]). */
export interface ContactRef {
  id?: string | null | undefined;
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

/** An attachment of a message a step sent (whippy.md §3 `ContactMessage`, [W]). */
export interface MessageAttachment {
  url?: string | null | undefined;
  content_type?: string | null | undefined;
}

/** A message a step sent to a contact (whippy.md §3 `ContactMessage`, [W]). */
export interface ContactMessage {
  id?: string | null | undefined;
  delivery_status?: string | null | undefined;
  contact_id?: string | null | undefined;
  conversation_id?: string | null | undefined;
  body?: string | null | undefined;
  attachments?: MessageAttachment[] | null | undefined;
}

/** A contact in a step of a sequence, a "sequence contact" (whippy.md §3, `step_contact.*` webhooks, [W]). */
export interface StepContact {
  id: string;
  sequence_id?: string | null | undefined;
  step_id?: string | null | undefined;
  channel_id?: string | null | undefined;
  status?: StepContactStatus | null | undefined;
  contact?: ContactRef | null | undefined;
  /** A user id: an integer, or `""` / `null` ([W]). */
  added_by_id?: number | string | null | undefined;
  clicked_link?: boolean | null | undefined;
  unsubscribed?: boolean | null | undefined;
  scheduled_at?: string | null | undefined;
  run_created_at?: string | null | undefined;
  run_updated_at?: string | null | undefined;
  contact_messages?: ContactMessage[] | null | undefined;
  created_at?: string | null | undefined;
  updated_at?: string | null | undefined;
}

/** A step contact as a run embeds it (whippy.md §3 `SequenceRun.step_contacts`, [W]). */
export interface RunStepContact {
  id?: string | null | undefined;
  status?: StepContactStatus | null | undefined;
  step_id?: string | null | undefined;
  clicked_link?: boolean | null | undefined;
  unsubscribed?: boolean | null | undefined;
  contact_messages?: ContactMessage[] | null | undefined;
}

/** One contact's pass through a sequence (whippy.md §3, `sequence_run.*` webhooks, [W]). */
export interface SequenceRun {
  id: string;
  sequence_id?: string | null | undefined;
  status?: RunStatus | null | undefined;
  contact?: ContactRef | null | undefined;
  channel_id?: string | null | undefined;
  /** A user id: an integer, or `""` / `null` ([W]). */
  added_by_id?: number | string | null | undefined;
  last_step_id?: string | null | undefined;
  step_contacts?: RunStepContact[] | null | undefined;
  created_at?: string | null | undefined;
  updated_at?: string | null | undefined;
}

/** A step named by id and title, in a contact's sequence entry (whippy.md §2 E9: described [C], JSON names [I]). */
export interface StepRef {
  id?: string | null | undefined;
  title?: string | null | undefined;
}

/** The sequence of a contact's sequence entry (whippy.md §2 E9: id and title [C]; JSON names [I]). */
export interface SequenceRef {
  id?: string | null | undefined;
  title?: string | null | undefined;
  status?: SequenceStatus | null | undefined;
}

/**
 * One sequence a contact is in, with its last completed, current and next step (whippy.md §2 E9).
 * The docs describe these but not their JSON names: the names here are the likely ones ([I]).
 */
export interface ContactSequence {
  sequence?: SequenceRef | null | undefined;
  contact_status?: ContactSequenceStatus | null | undefined;
  last_step?: StepRef | null | undefined;
  current_step?: StepRef | null | undefined;
  next_step?: StepRef | null | undefined;
}
