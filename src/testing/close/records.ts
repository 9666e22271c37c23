import type { FakeRecord } from '../fake-api.js';

// The Close fake's records in Close's wire shape: the defaults Close fills in on create.

/** The user every record of the fake is created and updated by. */
export const USER_ID = 'user_FakeUserxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
/** The fake's organization. */
export const ORG_ID = 'orga_FakeOrgxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
/** The email account seeded subscriptions send from. */
export const EMAIL_ACCOUNT = 'emailacct_FakeAccountxxxxxxxxxxxxxxxxxxxxxxxxxxxx';

/** Makes a Close-style id with a prefix, e.g. `seq_…`. */
export type NewId = (prefix: string) => string;

/** The audit fields Close puts on every object it creates. */
export function stamped(now: string): FakeRecord {
  return { created_by_id: USER_ID, updated_by_id: USER_ID, date_created: now, date_updated: now };
}

/** Now (or `at`), as Close writes datetimes: naive ISO with microseconds. */
export function closeNow(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 23)}000`;
}

/** A new sequence step, with Close's defaults for the fields the body leaves out. */
export function stepRecord(newId: NewId, step: FakeRecord, now: string): FakeRecord {
  return {
    step_type: step.email_template_id ? 'email' : 'call',
    delay: 0,
    email_template_id: null,
    sms_template_id: null,
    threading: null,
    required: true,
    step_allowed_delay: null,
    ...step,
    id: newId('seqstep'),
    ...stamped(now),
  };
}

/** A new subscription, active, from a create body. */
export function subscriptionRecord(newId: NewId, body: FakeRecord, now: string = closeNow()): FakeRecord {
  return {
    calls_assigned_to: [],
    ...body,
    id: newId('sub'),
    lead_id: body.lead_id ?? newId('lead'),
    status: 'active',
    status_reason: null,
    start_date: null,
    organization_id: ORG_ID,
    ...stamped(now),
  };
}

/** A new bulk subscription action, from a create body: all 24 fields of the spec's schema. */
export function bulkActionRecord(newId: NewId, body: FakeRecord): FakeRecord {
  const now = `${new Date().toISOString().slice(0, 23)}000+00:00`;
  return {
    calls_assigned_to: null,
    contact_preference: null,
    from_phone_number_id: null,
    query: null,
    results_limit: null,
    s_query: {},
    sort: [],
    send_done_email: false,
    sequence_id: null,
    sender_account_id: null,
    sender_email: null,
    sender_name: null,
    ...body,
    id: newId('bulkseqsub'),
    status: 'created',
    n_leads: 0,
    n_objects: 0,
    n_leads_processed: 0,
    n_objects_processed: 0,
    organization_id: ORG_ID,
    created_by: USER_ID,
    updated_by: USER_ID,
    date_created: now,
    date_updated: now,
  };
}

/** Close's 400 for fields a create body lacks, or undefined when none is missing. */
export function missingFields(body: FakeRecord | undefined, fields: readonly string[]): FakeRecord | undefined {
  const fieldErrors: Record<string, string> = {};
  for (const field of fields) if (typeof body?.[field] !== 'string' || body[field] === '') fieldErrors[field] = 'This field is required.';
  return Object.keys(fieldErrors).length > 0 ? { errors: [], 'field-errors': fieldErrors } : undefined;
}

/** Close's answer to a step delay over 365 days (changelog 2021-01-05: an `{error}` body). */
export const TOO_LONG_DELAY = 'The delay of a Sequence Step must not be larger than 365 days.';

/** Whether any step waits longer than Close allows (365 days, in seconds). */
export function tooLongDelay(steps: unknown): boolean {
  return (
    Array.isArray(steps) &&
    steps.some((step) => typeof (step as FakeRecord)?.delay === 'number' && ((step as FakeRecord).delay as number) > 31_536_000)
  );
}

/** The leads the subscriptions name, in Close's list shape: what the fake's `GET /lead/` serves (for the escape hatch). */
export function leadRecords(subscriptions: Iterable<FakeRecord>): FakeRecord[] {
  const ids = new Set([...subscriptions].map((sub) => String(sub.lead_id)));
  return [...ids].map((id) => ({ id, display_name: `Lead ${id}` }));
}
