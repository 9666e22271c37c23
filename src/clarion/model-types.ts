import type { OpenEnum } from '../core/schema.js';
import type { DEFINITION_STATUSES, SEQUENCE_STATUSES, SEQUENCE_TYPES } from './models.js';

// The named types of Clarion's models, checked against their schemas in models.ts by
// test/types/models.test-d.ts. They name only the known fields; others are kept at run time and
// read through `raw()` (from `sequence-apis`). Sources: ../shared/api/clarion.md §4-5 and the
// docs' field table of a sequence (seed 000, `GET /sequence-manager/sequences/{id}`). Field-table
// fields are required, with the table's nullability; fields known only from an example are optional.

/** A sequence's status (clarion.md §4.1 field table, [C]). Open. */
export type SequenceStatus = OpenEnum<(typeof SEQUENCE_STATUSES)[number]>;
/** A sequence's type (seed 000 field table: `appointment_reminder`, `follow_up`, `other`, [C]). Open. */
export type SequenceType = OpenEnum<(typeof SEQUENCE_TYPES)[number]>;
/** A definition's status (clarion.md §4.4 field table, [C]). Open. */
export type DefinitionStatus = OpenEnum<(typeof DEFINITION_STATUSES)[number]>;
/** A step's type: `voice` [C-ex]; `sms` likely ([I]: definitions carry a messaging assistant) (clarion.md §5). Open. */
export type StepType = OpenEnum<'voice' | 'sms'>;
/** An input's type: only `text` is documented ([C-ex], clarion.md §5). Open. */
export type InputType = OpenEnum<'text'>;

/** One step of a sequence instance (clarion.md §4.2: all from the example, [I]). */
export interface SequenceStep {
  id: string;
  type?: StepType | null | undefined;
  /** Items shown as `{}`: untyped. */
  inputs?: unknown[] | null | undefined;
  /** Only `pending` is documented ([C-ex]). Open. */
  status?: OpenEnum<'pending'> | null | undefined;
  scheduled_at?: string | null | undefined;
  voicemail_message?: string | null | undefined;
  source_number?: string | null | undefined;
  destination_number?: string | null | undefined;
  voice_assistant_id?: number | null | undefined;
  /** Items shown as `{}`: untyped. */
  post_actions?: unknown[] | null | undefined;
}

/** An input value of a sequence instance (clarion.md §4.3: from the example, [I]). */
export interface SequenceInput {
  id?: string | null | undefined;
  value?: string | null | undefined;
  name?: string | null | undefined;
  type?: InputType | null | undefined;
}

/** A sequence instance: one patient's outreach, created from a definition (seed 000 field table, [C]). */
export interface Sequence {
  id: number;
  status: SequenceStatus;
  /** Why the sequence ended. */
  ended_reason: string | null;
  /** The updated reason why the sequence ended; its values are unknown. */
  ended_reason_v2: string | null;
  /** The current step number. */
  current_step: number;
  next_activity: string | null;
  organization_id: number;
  patient_id: number;
  type: SequenceType;
  /** Typed `object[]` in the table; item fields from the example ([I]). */
  steps: SequenceStep[];
  sequence_definition_id: number;
  /** Typed `object[]` in the table; item fields from the example ([I]). */
  inputs: SequenceInput[];
  outcome: string | null;
  was_contact_reached: boolean;
  claimed_at: string | null;
  is_test_mode: boolean;
  last_updated: string;
}

/** An input a definition asks for (clarion.md §4.6: from the example, [I]). */
export interface InputDefinition {
  id?: string | null | undefined;
  name?: string | null | undefined;
  type?: InputType | null | undefined;
  required?: boolean | null | undefined;
}

/** One step of a definition (clarion.md §4.5: from the example, [I]). */
export interface StepDefinition {
  id?: string | null | undefined;
  type?: StepType | null | undefined;
  order?: number | null | undefined;
  delay_hours?: number | null | undefined;
  voice_assistant_id?: number | null | undefined;
  messaging_assistant_id?: number | null | undefined;
  inputs?: InputDefinition[] | null | undefined;
}

/** Business hours of an outreach schedule, `HH:MM` (clarion.md §4.7, [I]). */
export interface BusinessHours {
  start?: string | null | undefined;
  end?: string | null | undefined;
}

/** When outreach may happen (clarion.md §4.7: from the example, [I]). */
export interface OutreachSchedule {
  /** IANA time zone. */
  timezone?: string | null | undefined;
  business_hours?: BusinessHours | null | undefined;
  /** Lowercase English day names (`monday` [C-ex]). */
  days_of_week?: string[] | null | undefined;
}

/** A sequence definition: the template sequences are created from (clarion.md §4.4; field-table fields required, [C]). */
export interface SequenceDefinition {
  id: number;
  name: string;
  status: DefinitionStatus;
  steps_definition: StepDefinition[];
  inputs_definition: InputDefinition[];
  outreach_schedule: OutreachSchedule;
  voice_assistant_id: number | null;
  organization_id: number;
  /** Only `has-ehr-file` is documented ([C-ex]); nullability not shown. Open. */
  ehr_action: OpenEnum<'has-ehr-file'> | null;
  /** From the example ([I]). */
  created_at?: string | null | undefined;
  /** From the example ([I]). */
  is_archived?: boolean | null | undefined;
  /** From the example ([I]). */
  allow_repeat_contact?: boolean | null | undefined;
}

/** The result of `sequences.stop` (clarion.md §3.5, stop fragment, [C]). */
export interface StopResult {
  success: boolean;
}
