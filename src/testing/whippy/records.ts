import type { FakeRecord } from '../fake-api.js';

// The Whippy fake's records in Whippy's wire shape, built from the samples in Whippy's own code.

/** The channel every seeded step contact and run is on. */
export const CHANNEL_ID = '70c9cc95-e78b-4acf-9079-b0531c1eeff3';

/** People the fake enrols in sequences: a name and an E.164 phone. */
export const SEED_PEOPLE = [
  ['Giovanni Torp', '+13603094336'],
  ['Maya Okafor', '+14155550101'],
  ['Lena Fischer', '+493012345678'],
  ['Ravi Menon', '+919876543210'],
  ['Sofia Rossi', '+390612345678'],
  ['Tom Becker', '+16175550199'],
] as const;

/** Whippy's timestamps: ISO 8601 to the second, with `Z`. */
export function whippyTime(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const SETTINGS = {
  max_time: '',
  on_re_add: 'exclude',
  on_response: 'remove',
  max_add_time: 86400,
  max_add_per_time: 86400,
  skip_sending_on_weekend: { enabled: true, use_contact_timezone: true },
  support_sms_quiet_hours: { enabled: true, use_contact_timezone: true },
  max_contact_sequence_runs: 5,
  only_send_during_business_hours: { enabled: false, use_contact_timezone: true },
};

/** A sequence with one step per title (ids from `uuid`). */
export function sequenceRecord(uuid: () => string, title: string, stepTitles: string[], status: string): FakeRecord {
  const id = uuid();
  const now = whippyTime();
  return {
    id,
    title,
    description: title,
    type: 'sequential',
    status,
    access_level: 'organization',
    industry: '',
    settings: structuredClone(SETTINGS),
    steps: stepTitles.map((stepTitle, position) => ({
      id: uuid(),
      sequence_id: id,
      title: stepTitle,
      body: `${stepTitle}: hi {{first_name}}!`,
      status: 'active',
      position,
      attachments: [],
      analytics: { responses: 0, link_clicks: 0, unsubscribes: 0, sent_messages: 0, slated_messages: 0, failed_deliveries: 0 },
      schedule_options: { days: String(position), hours: '0', minutes: '0', timezone: 'America/Detroit' },
      created_at: now,
      updated_at: now,
    })),
    created_at: now,
    updated_at: now,
  };
}

/** A contact entering `step` of `sequence` at `now`: its step contact and its run. */
export function enrolmentRecords(
  uuid: () => string,
  sequence: FakeRecord,
  contact: FakeRecord,
  step: FakeRecord,
  now: string,
): { stepContact: FakeRecord; run: FakeRecord } {
  const ref = { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone };
  const stepContact: FakeRecord = {
    id: uuid(),
    status: 'active',
    contact: ref,
    step_id: step.id,
    channel_id: CHANNEL_ID,
    created_at: now,
    updated_at: now,
    added_by_id: 1,
    sequence_id: sequence.id,
    clicked_link: false,
    scheduled_at: `${now.slice(0, 19)}.000000Z`,
    unsubscribed: false,
    run_created_at: now.slice(0, 19),
    run_updated_at: now.slice(0, 19),
    contact_messages: [],
  };
  return { stepContact, run: runRecord(uuid, stepContact, now) };
}

/** The run a new step contact starts: the contact's pass through the sequence. */
function runRecord(uuid: () => string, stepContact: FakeRecord, now: string): FakeRecord {
  const step = { id: stepContact.step_id };
  return {
    id: uuid(),
    status: 'active',
    contact: stepContact.contact,
    channel_id: CHANNEL_ID,
    created_at: now.slice(0, 19),
    updated_at: now.slice(0, 19),
    added_by_id: 1,
    sequence_id: stepContact.sequence_id,
    last_step_id: step.id,
    step_contacts: [
      { id: stepContact.id, status: 'active', step_id: step.id, clicked_link: false, unsubscribed: false, contact_messages: [] },
    ],
  };
}

/** A contact's place in one sequence, as `POST /contacts/:id/sequences` lists it, from its latest step contact. */
export function contactSequenceEntry(sequence: FakeRecord, latest: FakeRecord): FakeRecord {
  const steps = sequence.steps as FakeRecord[];
  const position = steps.findIndex((s) => s.id === latest.step_id);
  const ref = (step: FakeRecord | undefined) => (step ? { id: step.id, title: step.title } : null);
  const finished = latest.status === 'finished';
  return {
    sequence: { id: sequence.id, title: sequence.title, status: sequence.status },
    contact_status: latest.status,
    last_step: ref(finished ? steps[position] : steps[position - 1]),
    current_step: ref(finished ? undefined : steps[position]),
    next_step: ref(steps[position + 1]),
  };
}
