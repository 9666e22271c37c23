import type { OpenEnum } from '../core/schema.js';
import type {
  BULK_ACTION_STATUSES,
  BULK_ACTION_TYPES,
  SEQUENCE_STATUSES,
  STATUS_REASONS,
  STEP_TYPES,
  SUBSCRIPTION_STATUSES,
} from './models.js';

// The named types of Close's models. Each is checked against its schema in models.ts by
// test/types/models.test-d.ts, so the two cannot drift. They name only the known fields: a field
// the SDK does not know yet is still kept at run time and read through `raw()` (from `sequence-apis`).
// Sources are ../shared/api/close.md (section and tag per type and field) and Close's OpenAPI file.

/** A sequence's status: `WorkflowStatus` in Close's spec (close.md §2.1, [C]). Open: new values pass. */
export type SequenceStatus = OpenEnum<(typeof SEQUENCE_STATUSES)[number]>;
/** A subscription's status: `WorkflowRunStatus` in Close's spec (close.md §2.4, [C]). Open. */
export type SubscriptionStatus = OpenEnum<(typeof SUBSCRIPTION_STATUSES)[number]>;
/** Why a subscription has its status: `StatusReason` in Close's spec (close.md §2.4, [C]). Open: new reasons appear. */
export type StatusReason = OpenEnum<(typeof STATUS_REASONS)[number]>;
/** A step's type: `email`, `call` [C-ex], `sms` [O]; the full list is [U] (close.md §2.2). Open. */
export type StepType = OpenEnum<(typeof STEP_TYPES)[number]>;
/** A bulk action's type: `BulkSequenceSubscriptionActionType` in Close's spec ([C]; `reassign` undocumented, [U]). Open. */
export type BulkActionType = OpenEnum<(typeof BULK_ACTION_TYPES)[number]>;
/** A bulk action's status: `BulkActionStatus` in Close's spec (close.md §2.5, [C]). Open. */
export type BulkActionStatus = OpenEnum<(typeof BULK_ACTION_STATUSES)[number]>;

/** One sending window (close.md §2.3, [C-ex]). */
export interface ScheduleRange {
  /** Day of the week; the doc example uses 1-5. 1 = Monday … 7 = Sunday is a third party's reading ([O]); the docs never say ([U]). */
  weekday: number;
  /** `HH:MM`; echoed back as `HH:MM:SS` ([O]). */
  start: string;
  /** `HH:MM`; echoed back as `HH:MM:SS` ([O]). */
  end: string;
}

/** A sequence's sending windows (close.md §2.3, [C-ex]). */
export interface Schedule {
  ranges: ScheduleRange[];
}

/** One step of a sequence. Fields from the doc examples (close.md §2.2, [C-ex]) unless tagged. */
export interface SequenceStep {
  id: string;
  step_type?: StepType | null | undefined;
  /** Seconds; whether from the previous step or the start is [U]. */
  delay?: number | undefined;
  email_template_id?: string | null | undefined;
  /** Seen live, absent from doc examples ([O]). */
  sms_template_id?: string | null | undefined;
  /** `old_thread` [C-ex], `new_thread` [O]; null on call and SMS steps. Open. */
  threading?: OpenEnum<'old_thread' | 'new_thread'> | null | undefined;
  /** Meaning undocumented ([U]). */
  required?: boolean | undefined;
  /** Null in every example; its type is [U]. */
  step_allowed_delay?: unknown;
  created_by_id?: string | null | undefined;
  updated_by_id?: string | null | undefined;
  date_created?: string | null | undefined;
  date_updated?: string | null | undefined;
}

/** Subscription counts by status, on fetched and updated sequences (close.md §2.1, [C-ex]). */
export interface SubscriptionCounts {
  active?: number | undefined;
  error?: number | undefined;
  finished?: number | undefined;
  goal?: number | undefined;
  paused?: number | undefined;
}

/** A Close sequence (a "Workflow" in the UI). Fields from the doc examples (close.md §2.1, [C-ex]) unless tagged. */
export interface Sequence {
  id: string;
  name: string;
  status: SequenceStatus;
  timezone?: string | null | undefined;
  schedule?: Schedule | null | undefined;
  steps: SequenceStep[];
  /** On fetch and update; absent from the list example. */
  subscription_counts_by_status?: SubscriptionCounts | undefined;
  organization_id?: string | null | undefined;
  created_by_id?: string | null | undefined;
  updated_by_id?: string | null | undefined;
  date_created?: string | null | undefined;
  date_updated?: string | null | undefined;
  /** Seen live ([O]). */
  trigger_query?: string | null | undefined;
  /** Seen live ([O]). */
  allow_manual_enrollment?: boolean | null | undefined;
  /** Seen live ([O]). */
  owner_id?: string | null | undefined;
}

/** A contact's subscription to a sequence. Fields from the doc examples (close.md §2.4, [C-ex]/[C]) unless tagged. */
export interface SequenceSubscription {
  id: string;
  sequence_id: string;
  contact_id: string;
  /** In responses since 2023-10 ([C] changelog). */
  lead_id?: string | null | undefined;
  contact_email?: string | null | undefined;
  sender_account_id?: string | null | undefined;
  sender_name?: string | null | undefined;
  sender_email?: string | null | undefined;
  calls_assigned_to?: string[] | null | undefined;
  status: SubscriptionStatus;
  status_reason?: StatusReason | null | undefined;
  /** Read by Close's own export script ([O]); possibly a legacy alias of `status_reason` ([U]). */
  pause_reason?: string | null | undefined;
  start_date?: string | null | undefined;
  organization_id?: string | null | undefined;
  created_by_id?: string | null | undefined;
  updated_by_id?: string | null | undefined;
  date_created?: string | null | undefined;
  date_updated?: string | null | undefined;
}

/**
 * A bulk subscribe / pause / resume action over many leads: `BulkSequenceSubscriptionAction` in
 * Close's spec (close.md §2.5, [C]). The spec lists all 24 fields as required; many are nullable.
 */
export interface BulkSequenceSubscriptionAction {
  id: string;
  action_type: BulkActionType;
  status: BulkActionStatus | null;
  contact_preference: OpenEnum<'lead' | 'contact'> | null;
  sequence_id: string | null;
  sender_account_id: string | null;
  sender_email: string | null;
  sender_name: string | null;
  calls_assigned_to: string[] | null;
  from_phone_number_id: string | null;
  query: string | null;
  s_query: Record<string, unknown>;
  sort: Record<string, unknown>[];
  results_limit: number | null;
  n_leads: number | null;
  n_objects: number | null;
  n_leads_processed: number;
  n_objects_processed: number;
  send_done_email: boolean;
  organization_id: string;
  /** No `_id` suffix here, unlike the other models. */
  created_by: string | null;
  updated_by: string | null;
  date_created: string | null;
  date_updated: string | null;
}

/** A field name of {@link BulkSequenceSubscriptionAction}, as `_fields` takes it (spec: the bulk-action GETs, [C]). */
export type BulkActionField = keyof BulkSequenceSubscriptionAction;
