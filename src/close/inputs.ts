import * as z from 'zod/mini';
import { jsonObject, looseObject, strictObject } from '../core/schema.js';
import { filterId, maximum, minimum, minLength, pageLimit, pageOffset, regex, wholeNumber } from '../core/filters.js';
import {
  BulkActionTypeSchema,
  ContactPreferenceSchema,
  SequenceStatusSchema,
  StepTypeSchema,
  SubscriptionStatusSchema,
  ThreadingSchema,
  type BulkActionField,
} from './models.js';

// Request bodies are loose objects: Close accepts more fields than it documents, so unknown
// keys pass through; the documented ones are checked before anything is sent.

const nonEmpty = z.string().check(minLength(1, 'must not be empty'));
const email = z.string().check(regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'));
const clockTime = z.string().check(regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time of day as HH:MM'));

/**
 * A sending window as sent on create/update. `weekday` is a whole number, not forced into 1-7: the
 * doc example uses 1-5 and 1 = Monday … 7 = Sunday is only a third party's reading (close.md §2.3, [U]).
 */
export const ScheduleRangeInputSchema = looseObject({
  weekday: wholeNumber(),
  start: clockTime,
  end: clockTime,
});

/** A sending schedule as sent on create/update; `null` clears it. */
export const ScheduleInputSchema = z.nullable(looseObject({ ranges: z.array(ScheduleRangeInputSchema) }));

/**
 * The longest step delay Close takes, in seconds: "The delay of a Sequence Step must not be larger
 * than 365 days" (changelog 2021-01-05, https://developer.close.com/api/overview/changelog/2021/1/5,
 * quoted in issue #23); a longer one is answered 400 `{error}`.
 */
export const MAX_STEP_DELAY_SECONDS = 365 * 24 * 60 * 60;

/**
 * `schedule_id`, which Close removed from the Sequence API on 2023-08-29 when it added `schedule`
 * (changelog 2023-08-29, https://developer.close.com/api/overview/changelog/2023/8/29, quoted in
 * issue #23): refused, so a caller still sending it learns that the schedule was not set.
 */
const noScheduleId = z.refine<Record<string, unknown>>((body) => body.schedule_id === undefined, {
  message: 'was removed by Close (2023-08-29): send `schedule` ({ ranges }) instead',
  path: ['schedule_id'],
});

/** A step as sent on create (and, with its `id`, on update). */
export const SequenceStepInputSchema = looseObject({
  id: z.optional(nonEmpty),
  step_type: z.optional(StepTypeSchema),
  /** Seconds to wait before this step. */
  delay: z.optional(
    wholeNumber().check(
      minimum(0, 'must be 0 or more seconds'),
      maximum(MAX_STEP_DELAY_SECONDS, `must be at most 365 days (${MAX_STEP_DELAY_SECONDS} seconds): Close refuses longer delays`),
    ),
  ),
  email_template_id: z.optional(z.nullable(nonEmpty)),
  sms_template_id: z.optional(z.nullable(nonEmpty)),
  threading: z.optional(z.nullable(ThreadingSchema)),
  required: z.optional(z.boolean()),
  step_allowed_delay: z.optional(z.unknown()),
}).check(
  z.refine((step) => step.step_type !== 'email' || typeof step.email_template_id === 'string', {
    message: 'is required on email steps',
    path: ['email_template_id'],
  }),
);

/** Body of `sequences.create`. `timezone` and at least one step are required. */
export const SequenceCreateSchema = looseObject({
  name: nonEmpty,
  timezone: nonEmpty,
  steps: z.array(SequenceStepInputSchema).check(minLength(1, 'must have at least one step')),
  schedule: z.optional(ScheduleInputSchema),
  status: z.optional(SequenceStatusSchema),
}).check(noScheduleId);

/**
 * Body of `sequences.update` (PUT acts as PATCH). If `steps` is sent, steps left out are deleted:
 * send `{ id }` for each step to keep.
 */
export const SequenceUpdateSchema = looseObject({
  name: z.optional(nonEmpty),
  timezone: z.optional(nonEmpty),
  steps: z.optional(z.array(SequenceStepInputSchema)),
  schedule: z.optional(ScheduleInputSchema),
  status: z.optional(SequenceStatusSchema),
}).check(noScheduleId);

/**
 * Body of `subscriptions.create`. Which fields Close requires is not stated anywhere; these follow
 * the documented example (sequence, contact, and the sender triple).
 */
export const SubscriptionCreateSchema = looseObject({
  sequence_id: nonEmpty,
  contact_id: nonEmpty,
  contact_email: email,
  sender_account_id: nonEmpty,
  sender_name: nonEmpty,
  sender_email: email,
  calls_assigned_to: z.optional(z.array(nonEmpty)),
});

/** Body of `subscriptions.update`: status (`paused`, or `active` to restart) and sender changes. */
export const SubscriptionUpdateSchema = looseObject({
  status: z.optional(SubscriptionStatusSchema),
  sender_account_id: z.optional(nonEmpty),
  sender_name: z.optional(nonEmpty),
  sender_email: z.optional(email),
});

const SUBSCRIBE_REQUIRES = ['sequence_id', 'sender_account_id', 'sender_name', 'sender_email', 'contact_preference'] as const;

/**
 * Body of `bulkSubscriptions.create` (close.md §1, [C]: the spec's prose and request example). A
 * `subscribe` action needs the sequence, the sender triple and `contact_preference`.
 */
export const BulkSubscriptionCreateSchema = looseObject({
  /** Required; the spec's enum ([C]). */
  action_type: BulkActionTypeSchema,
  sequence_id: z.optional(nonEmpty),
  sender_account_id: z.optional(nonEmpty),
  sender_name: z.optional(nonEmpty),
  sender_email: z.optional(email),
  contact_preference: z.optional(ContactPreferenceSchema),
  // Lead selection, from the request example ([C-ex]).
  s_query: z.optional(jsonObject()),
  sort: z.optional(z.array(z.unknown())),
  results_limit: z.optional(z.nullable(wholeNumber().check(minimum(1, 'must be at least 1')))),
  // UNCONFIRMED ([U], close.md §1): no source says these three can be set. They are fields of the
  // spec's response model and absent from the request example; typed loosely, sent as given.
  calls_assigned_to: z.optional(z.nullable(z.array(z.string()))),
  from_phone_number_id: z.optional(z.nullable(z.string())),
  send_done_email: z.optional(z.boolean()),
}).check(
  z.superRefine((body, ctx) => {
    if (body.action_type !== 'subscribe') return;
    for (const field of SUBSCRIBE_REQUIRES) {
      if (body[field] === undefined)
        ctx.issues.push({ code: 'custom', message: 'is required when action_type is "subscribe"', path: [field], input: undefined });
    }
  }),
);

/** Paging parameters of Close lists (`_limit` default 100; Close's maxima are unpublished). */
export const PagingParamsSchema = strictObject({
  _limit: z.optional(pageLimit(Number.MAX_SAFE_INTEGER)),
  _skip: z.optional(pageOffset),
});

const fieldName = z.string().check(regex(/^[a-z][a-z0-9_]*$/, 'must be a field name such as status'));
/** `_fields`: the fields to return, sent comma-separated (close.md §0 and §1; the spec declares it on the bulk-action GETs, [C]). */
const fieldsParam = z.optional(
  z.pipe(
    z.transform((fields: unknown) => (typeof fields === 'string' ? splitFields(fields) : fields)),
    z.pipe(
      z.array(fieldName).check(minLength(1, 'must name at least one field')),
      z.transform((names) => names.join(',')),
    ),
  ),
);

function splitFields(text: string): string[] {
  return text.split(',').map((name) => name.trim());
}

/** The field names of a `_fields` value: an array, or the comma-separated text Close itself takes (`'id,status'`). */
export function fieldNames(fields: unknown): readonly string[] | undefined {
  if (typeof fields === 'string') return splitFields(fields);
  return Array.isArray(fields) && fields.every((name) => typeof name === 'string') ? fields : undefined;
}

/** Parameters of `bulkSubscriptions.list`: paging and `_fields`. */
export const BulkSubscriptionListSchema = strictObject({
  _limit: z.optional(pageLimit(Number.MAX_SAFE_INTEGER)),
  _skip: z.optional(pageOffset),
  _fields: fieldsParam,
});

/** Parameters of `bulkSubscriptions.retrieve`: `_fields`. */
export const BulkSubscriptionRetrieveSchema = strictObject({ _fields: fieldsParam });

/** Filter of `subscriptions.list`: at least one of `sequence_id`, `contact_id`, `lead_id`. */
export const SubscriptionListSchema = strictObject({
  sequence_id: z.optional(filterId),
  contact_id: z.optional(filterId),
  lead_id: z.optional(filterId),
  _limit: z.optional(pageLimit(Number.MAX_SAFE_INTEGER)),
  _skip: z.optional(pageOffset),
}).check(
  z.refine((filter) => filter.sequence_id !== undefined || filter.contact_id !== undefined || filter.lead_id !== undefined, {
    message: 'needs at least one of sequence_id, contact_id or lead_id',
    path: [],
  }),
);

/* eslint-disable @typescript-eslint/no-empty-object-type -- interfaces keep the input types' names in editors and TypeDoc */
/** A step as sent on create or update. */
export interface SequenceStepInput extends z.input<typeof SequenceStepInputSchema> {}
/** Body of `sequences.create`. */
export interface SequenceCreateParams extends z.input<typeof SequenceCreateSchema> {}
/** Body of `sequences.update`. */
export interface SequenceUpdateParams extends z.input<typeof SequenceUpdateSchema> {}
/** Body of `subscriptions.create`. */
export interface SubscriptionCreateParams extends z.input<typeof SubscriptionCreateSchema> {}
/** Body of `subscriptions.update`. */
export interface SubscriptionUpdateParams extends z.input<typeof SubscriptionUpdateSchema> {}
/** Body of `bulkSubscriptions.create`. */
export interface BulkSubscriptionCreateParams extends z.input<typeof BulkSubscriptionCreateSchema> {}
/** Paging parameters of a Close list. */
export interface PagingParams extends z.input<typeof PagingParamsSchema> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** Parameters of `bulkSubscriptions.list`: paging, and `_fields` to receive only those fields. */
export interface BulkSubscriptionListParams<F extends BulkActionField = BulkActionField> extends PagingParams {
  /** Only these fields of each action (sent as `_fields=a,b`); the result type is then `Pick<…, F>`. */
  _fields?: readonly F[] | undefined;
}

/** Parameters of `bulkSubscriptions.retrieve`. */
export interface BulkSubscriptionRetrieveParams<F extends BulkActionField = BulkActionField> {
  /** Only these fields (sent as `_fields=a,b`); the result type is then `Pick<…, F>`. */
  _fields: readonly F[];
}

/** The three ids a subscription list can be scoped by. */
export interface SubscriptionScopeFields {
  sequence_id?: string;
  contact_id?: string;
  lead_id?: string;
}

/** Filter of `subscriptions.list`; the type itself demands one of the three ids. */
export type SubscriptionListParams = PagingParams &
  (
    | (SubscriptionScopeFields & { sequence_id: string })
    | (SubscriptionScopeFields & { contact_id: string })
    | (SubscriptionScopeFields & { lead_id: string })
  );
