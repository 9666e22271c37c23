import * as z from 'zod/mini';
import { looseObject, maybe, openEnum } from '../core/schema.js';

// Clarion's field tables list some enums in full; the rest are known only by the docs' one
// example value, so they stay open. Fields "from example" are optional (../shared/api/clarion.md §4).

/** A sequence instance's status (field table). */
export const SEQUENCE_STATUSES = ['in-progress', 'completed', 'failed', 'cancelled', 'queued', 'paused'] as const;
/** Statuses from which a sequence can be stopped. */
export const STOPPABLE_STATUSES = ['in-progress', 'queued', 'paused'] as const;
/** A sequence definition's status (field table). */
export const DEFINITION_STATUSES = ['active', 'inactive', 'archived'] as const;

/** A sequence's status. */
export const SequenceStatusSchema = openEnum(SEQUENCE_STATUSES);
/** A sequence's type: `appointment_reminder` seen; the others from the project's requirements. */
export const SequenceTypeSchema = openEnum(['appointment_reminder', 'follow_up', 'other'] as const);
/** A step's type: `voice` seen; `sms` likely (definitions carry a messaging assistant). */
export const StepTypeSchema = openEnum(['voice', 'sms'] as const);
/** A step's status: only `pending` is documented. */
export const StepStatusSchema = openEnum(['pending'] as const);
/** An input's type: only `text` is documented. */
export const InputTypeSchema = openEnum(['text'] as const);
/** A definition's EHR action: only `has-ehr-file` is documented. */
export const EhrActionSchema = openEnum(['has-ehr-file'] as const);
/** A definition's status. */
export const DefinitionStatusSchema = openEnum(DEFINITION_STATUSES);

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

/** A sequence instance: one patient's outreach, created from a definition. */
export const SequenceSchema = looseObject({
  id: z.number(),
  status: SequenceStatusSchema,
  ended_reason: maybe(z.string()),
  ended_reason_v2: maybe(z.string()),
  current_step: maybe(z.number()),
  next_activity: maybe(z.string()),
  organization_id: maybe(z.number()),
  patient_id: maybe(z.number()),
  type: maybe(SequenceTypeSchema),
  steps: maybe(z.array(SequenceStepSchema)),
  sequence_definition_id: maybe(z.number()),
  inputs: maybe(z.array(SequenceInputSchema)),
  outcome: maybe(z.string()),
  was_contact_reached: maybe(z.boolean()),
  claimed_at: maybe(z.string()),
  is_test_mode: maybe(z.boolean()),
  last_updated: maybe(z.string()),
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

/** A sequence definition: the template sequences are created from. */
export const SequenceDefinitionSchema = looseObject({
  id: z.number(),
  name: maybe(z.string()),
  status: maybe(DefinitionStatusSchema),
  steps_definition: maybe(z.array(StepDefinitionSchema)),
  inputs_definition: maybe(z.array(InputDefinitionSchema)),
  outreach_schedule: maybe(OutreachScheduleSchema),
  voice_assistant_id: maybe(z.number()),
  organization_id: maybe(z.number()),
  ehr_action: maybe(EhrActionSchema),
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
export function successEnvelope<T extends z.core.SomeType>(data: T) {
  return looseObject({ success: maybe(z.boolean()), data });
}

/** A Clarion sequence instance. */
export type Sequence = z.infer<typeof SequenceSchema>;
/** One step of a sequence instance. */
export type SequenceStep = z.infer<typeof SequenceStepSchema>;
/** An input value of a sequence instance. */
export type SequenceInput = z.infer<typeof SequenceInputSchema>;
/** A sequence definition. */
export type SequenceDefinition = z.infer<typeof SequenceDefinitionSchema>;
/** One step of a definition. */
export type StepDefinition = z.infer<typeof StepDefinitionSchema>;
/** An input a definition asks for. */
export type InputDefinition = z.infer<typeof InputDefinitionSchema>;
/** A definition's outreach schedule. */
export type OutreachSchedule = z.infer<typeof OutreachScheduleSchema>;
/** The result of stopping a sequence. */
export type StopResult = z.infer<typeof StopResultSchema>;
/** A sequence's status (open). */
export type SequenceStatus = z.infer<typeof SequenceStatusSchema>;
/** A definition's status (open). */
export type DefinitionStatus = z.infer<typeof DefinitionStatusSchema>;
