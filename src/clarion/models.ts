import * as z from 'zod/mini';
import { looseObject, maybe, openEnum } from '../core/schema.js';

// Clarion's field tables list some enums in full; the rest are known only by the docs' one
// example value, so they stay open. Fields "from example" are optional (../shared/api/clarion.md §4);
// field-table fields are required with the table's nullability, so 'strict' sees one go missing.

/** A sequence instance's status (field table). */
export const SEQUENCE_STATUSES = ['in-progress', 'completed', 'failed', 'cancelled', 'queued', 'paused'] as const;
/** Statuses from which a sequence can be stopped. */
export const STOPPABLE_STATUSES = ['in-progress', 'queued', 'paused'] as const;
/** A sequence definition's status (field table). */
export const DEFINITION_STATUSES = ['active', 'inactive', 'archived'] as const;

/** A sequence's status. */
export const SequenceStatusSchema = openEnum<(typeof SEQUENCE_STATUSES)[number]>();
/** A sequence's types, as the field table lists them (seed 000, [C]). */
export const SEQUENCE_TYPES = ['appointment_reminder', 'follow_up', 'other'] as const;
/** A sequence's type. */
export const SequenceTypeSchema = openEnum<(typeof SEQUENCE_TYPES)[number]>();
/** A step's type: `voice` seen; `sms` likely (definitions carry a messaging assistant). */
export const StepTypeSchema = openEnum<'voice' | 'sms'>();
/** A step's status: only `pending` is documented. */
export const StepStatusSchema = openEnum<'pending'>();
/** An input's type: only `text` is documented. */
export const InputTypeSchema = openEnum<'text'>();
/** A definition's EHR action: only `has-ehr-file` is documented. */
export const EhrActionSchema = openEnum<'has-ehr-file'>();
/** A definition's status. */
export const DefinitionStatusSchema = openEnum<(typeof DEFINITION_STATUSES)[number]>();

/** One step of a sequence instance (a call or message to the patient). */
export const SequenceStepSchema = looseObject({
  id: z.string(),
  type: maybe(StepTypeSchema),
  inputs: maybe(z.array(z.unknown())),
  status: maybe(StepStatusSchema),
  scheduled_at: maybe(z.string()),
  voicemail_message: maybe(z.string()),
  source_number: maybe(z.string()),
  destination_number: maybe(z.string()),
  voice_assistant_id: maybe(z.number()),
  post_actions: maybe(z.array(z.unknown())),
});

/** An input value of a sequence instance. */
export const SequenceInputSchema = looseObject({
  id: maybe(z.string()),
  value: maybe(z.string()),
  name: maybe(z.string()),
  type: maybe(InputTypeSchema),
});

/** A sequence instance (seed 000 field table, [C]): every table field required, with its nullability. */
export const SequenceSchema = looseObject({
  id: z.number(),
  status: SequenceStatusSchema,
  ended_reason: z.nullable(z.string()),
  ended_reason_v2: z.nullable(z.string()),
  current_step: z.number(),
  next_activity: z.nullable(z.string()),
  organization_id: z.number(),
  patient_id: z.number(),
  type: SequenceTypeSchema,
  steps: z.array(SequenceStepSchema),
  sequence_definition_id: z.number(),
  inputs: z.array(SequenceInputSchema),
  outcome: z.nullable(z.string()),
  was_contact_reached: z.boolean(),
  claimed_at: z.nullable(z.string()),
  is_test_mode: z.boolean(),
  last_updated: z.string(),
});

/** An input a definition asks for. */
export const InputDefinitionSchema = looseObject({
  id: maybe(z.string()),
  name: maybe(z.string()),
  type: maybe(InputTypeSchema),
  required: maybe(z.boolean()),
});

/** One step of a definition. */
export const StepDefinitionSchema = looseObject({
  id: maybe(z.string()),
  type: maybe(StepTypeSchema),
  order: maybe(z.number()),
  delay_hours: maybe(z.number()),
  voice_assistant_id: maybe(z.number()),
  messaging_assistant_id: maybe(z.number()),
  inputs: maybe(z.array(InputDefinitionSchema)),
});

/** When outreach may happen: time zone, business hours, days of the week (lowercase English). */
export const OutreachScheduleSchema = looseObject({
  timezone: maybe(z.string()),
  business_hours: maybe(looseObject({ start: maybe(z.string()), end: maybe(z.string()) })),
  days_of_week: maybe(z.array(z.string())),
});

/** A sequence definition (clarion.md §4.4): field-table fields required ([C]), example-only fields optional ([I]). */
export const SequenceDefinitionSchema = looseObject({
  id: z.number(),
  name: z.string(),
  status: DefinitionStatusSchema,
  steps_definition: z.array(StepDefinitionSchema),
  inputs_definition: z.array(InputDefinitionSchema),
  outreach_schedule: OutreachScheduleSchema,
  voice_assistant_id: z.nullable(z.number()),
  organization_id: z.number(),
  ehr_action: z.nullable(EhrActionSchema),
  created_at: maybe(z.string()),
  is_archived: maybe(z.boolean()),
  allow_repeat_contact: maybe(z.boolean()),
});

/** One error or warning of a batch upload; its shape is undocumented, so anything is kept. */
export const BatchIssueSchema = z.unknown();

/** What Clarion answers to one batch-upload call (no envelope). */
export const BatchUploadResponseSchema = looseObject({
  valid: z.boolean(),
  total_attempted: z.number(),
  valid_count: z.number(),
  created_count: z.number(),
  errors: z.array(BatchIssueSchema),
  warnings: z.array(BatchIssueSchema),
});

/** The result of `sequences.stop`. */
export const StopResultSchema = looseObject({ success: z.boolean() });

/** Clarion's `{success, data}` envelope. */
export function successEnvelope<T extends z.ZodMiniType>(data: T) {
  return looseObject({ success: maybe(z.boolean()), data });
}

export type {
  Sequence,
  SequenceStep,
  SequenceInput,
  SequenceDefinition,
  StepDefinition,
  InputDefinition,
  OutreachSchedule,
  BusinessHours,
  StopResult,
  SequenceStatus,
  SequenceType,
  DefinitionStatus,
  StepType,
  InputType,
} from './model-types.js';
