import * as z from 'zod/mini';
import { jsonObject, looseObject, maybe, openEnum } from '../core/schema.js';

// Close's models follow ../shared/api/close.md. The spec types only the bulk action, so its 24
// fields are required as listed (§2.5, [C]); sequences and subscriptions are known from doc
// examples alone ([C-ex], §2.1-2.4), so only the fields the docs' prose relies on are required and
// the rest, like everything seen only live or in third-party notes ([O]), is optional. Every enum
// stays open. The named types, with a source per field, are in model-types.ts.

/** `WorkflowStatus` in Close's spec: a sequence's status. */
export const SEQUENCE_STATUSES = ['active', 'paused', 'draft'] as const;
/** `WorkflowRunStatus` in Close's spec: a subscription's status. */
export const SUBSCRIPTION_STATUSES = ['active', 'paused', 'finished', 'goal', 'error'] as const;
/** `StatusReason` in Close's spec: why a subscription has its status. New reasons appear; the type stays open. */
export const STATUS_REASONS = [
  'manual',
  'pending-call-timed-out',
  'bulk-action',
  'rate-limited',
  'sequence-deleted',
  'workflow-paused',
  'filter-not-matched',
  'reply-received',
  'call-answered',
  'meeting-booked',
  'lead-status-changed',
  'outcome-met',
  'account-invalid',
  'account-failures',
  'sending-throttled-too-long',
  'membership-inactive',
  'send-as-error',
  'email-bounced',
  'call-failed',
  'sms-failed',
  'no-user-phone',
  'billing-error',
  'assignment-field-invalid',
  'lead-status-field-invalid',
  'assignees-missing',
  'run-as-disabled',
  'lead-not-visible',
  'internal-error',
  'field-mapping-error',
  'filter-config-invalid',
  'email-ai-generation-failed',
] as const;
/** Step types seen in docs (`email`, `call`) and live (`sms`); the full list is unknown. */
export const STEP_TYPES = ['email', 'call', 'sms'] as const;
/** Bulk subscription action types in Close's spec (`reassign` is undocumented). */
export const BULK_ACTION_TYPES = ['subscribe', 'resume', 'resume_finished', 'pause', 'reassign'] as const;
/** `BulkActionStatus` in Close's spec. */
export const BULK_ACTION_STATUSES = ['created', 'loading', 'processing', 'done', 'paused', 'resuming', 'error'] as const;

/** A sequence's status. */
export const SequenceStatusSchema = openEnum<(typeof SEQUENCE_STATUSES)[number]>();
/** A subscription's status. */
export const SubscriptionStatusSchema = openEnum<(typeof SUBSCRIPTION_STATUSES)[number]>();
/** Why a subscription has its status. */
export const StatusReasonSchema = openEnum<(typeof STATUS_REASONS)[number]>();
/** A step's type. */
export const StepTypeSchema = openEnum<(typeof STEP_TYPES)[number]>();
/** Email threading of a step: `old_thread` in docs, `new_thread` seen live. */
export const ThreadingSchema = openEnum<'old_thread' | 'new_thread'>();
/** A bulk action's type. */
export const BulkActionTypeSchema = openEnum<(typeof BULK_ACTION_TYPES)[number]>();
/** A bulk action's status. */
export const BulkActionStatusSchema = openEnum<(typeof BULK_ACTION_STATUSES)[number]>();
/** Who gets a bulk subscription: the lead's primary contact, or every contact. */
export const ContactPreferenceSchema = openEnum<'lead' | 'contact'>();

/** One sending window; weekday 1 = Monday is assumed (the docs never say). Times are `HH:MM` or `HH:MM:SS`. */
export const ScheduleRangeSchema = looseObject({
  weekday: z.number(),
  start: z.string(),
  end: z.string(),
});

/** A sequence's sending windows. */
export const ScheduleSchema = looseObject({
  ranges: z.array(ScheduleRangeSchema),
});

/** One step of a sequence. `delay` is in seconds. */
export const SequenceStepSchema = looseObject({
  id: z.string(),
  step_type: maybe(StepTypeSchema),
  delay: z.optional(z.number()),
  email_template_id: maybe(z.string()),
  sms_template_id: maybe(z.string()),
  threading: maybe(ThreadingSchema),
  required: z.optional(z.boolean()),
  /** Type unknown (null in every example). */
  step_allowed_delay: z.optional(z.unknown()),
  created_by_id: maybe(z.string()),
  updated_by_id: maybe(z.string()),
  date_created: maybe(z.string()),
  date_updated: maybe(z.string()),
});

/** Subscription counts by status, on fetched and updated sequences. */
export const SubscriptionCountsSchema = looseObject({
  active: z.optional(z.number()),
  error: z.optional(z.number()),
  finished: z.optional(z.number()),
  goal: z.optional(z.number()),
  paused: z.optional(z.number()),
});

/** A Close sequence (a "Workflow" in the UI). */
export const SequenceSchema = looseObject({
  id: z.string(),
  name: z.string(),
  status: SequenceStatusSchema,
  timezone: maybe(z.string()),
  schedule: maybe(ScheduleSchema),
  steps: z.array(SequenceStepSchema),
  subscription_counts_by_status: z.optional(SubscriptionCountsSchema),
  organization_id: maybe(z.string()),
  created_by_id: maybe(z.string()),
  updated_by_id: maybe(z.string()),
  date_created: maybe(z.string()),
  date_updated: maybe(z.string()),
  // Seen live (2026-04), not in the doc examples. (`schedule_id` is gone: Close removed it on
  // 2023-08-29, for `schedule`; an answer still carrying it decodes, as any unknown field does.)
  trigger_query: maybe(z.string()),
  allow_manual_enrollment: maybe(z.boolean()),
  owner_id: maybe(z.string()),
});

/** A contact's subscription to a sequence. */
export const SequenceSubscriptionSchema = looseObject({
  id: z.string(),
  sequence_id: z.string(),
  contact_id: z.string(),
  lead_id: maybe(z.string()),
  contact_email: maybe(z.string()),
  sender_account_id: maybe(z.string()),
  sender_name: maybe(z.string()),
  sender_email: maybe(z.string()),
  calls_assigned_to: maybe(z.array(z.string())),
  status: SubscriptionStatusSchema,
  status_reason: maybe(StatusReasonSchema),
  /** Read by Close's own scripts; possibly a legacy alias of `status_reason`. */
  pause_reason: maybe(z.string()),
  start_date: maybe(z.string()),
  organization_id: maybe(z.string()),
  created_by_id: maybe(z.string()),
  updated_by_id: maybe(z.string()),
  date_created: maybe(z.string()),
  date_updated: maybe(z.string()),
});

/** A bulk action (close.md §2.5, [C] spec): all 24 fields required, as the spec lists them. */
export const BulkSequenceSubscriptionActionSchema = looseObject({
  id: z.string(),
  action_type: BulkActionTypeSchema,
  status: z.nullable(BulkActionStatusSchema),
  contact_preference: z.nullable(ContactPreferenceSchema),
  sequence_id: z.nullable(z.string()),
  sender_account_id: z.nullable(z.string()),
  sender_email: z.nullable(z.string()),
  sender_name: z.nullable(z.string()),
  calls_assigned_to: z.nullable(z.array(z.string())),
  from_phone_number_id: z.nullable(z.string()),
  query: z.nullable(z.string()),
  s_query: jsonObject(),
  sort: z.array(jsonObject()),
  results_limit: z.nullable(z.number()),
  n_leads: z.nullable(z.number()),
  n_objects: z.nullable(z.number()),
  n_leads_processed: z.number(),
  n_objects_processed: z.number(),
  send_done_email: z.boolean(),
  organization_id: z.string(),
  created_by: z.nullable(z.string()),
  updated_by: z.nullable(z.string()),
  date_created: z.nullable(z.string()),
  date_updated: z.nullable(z.string()),
});

/** Close's list envelope: `{ data, has_more }`, both required (close.md §3, [C]; the spec's list responses). */
export function listEnvelope<T extends z.ZodMiniType>(item: T) {
  return looseObject({ data: z.array(item), has_more: z.boolean() });
}

export type {
  Sequence,
  SequenceStep,
  Schedule,
  ScheduleRange,
  SubscriptionCounts,
  SequenceSubscription,
  BulkSequenceSubscriptionAction,
  BulkActionField,
  SequenceStatus,
  SubscriptionStatus,
  StatusReason,
  StepType,
  BulkActionType,
  BulkActionStatus,
} from './model-types.js';
