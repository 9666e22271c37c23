import type { FakeRecord } from '../fake-api.js';

// The Clarion fake's records in Clarion's wire shape (synthetic: no real patient data).

/** The fake's organization. */
export const ORG_ID = 101;

const ENDED = ['completed', 'failed', 'cancelled'];

/** Clarion's timestamps: ISO 8601 to the second, with `Z`. */
export function iso(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A definition: a reminder call, then a follow-up message a day later. */
export function definitionRecord(id: number, name: string): FakeRecord {
  const inputs = [
    { id: 'in_first', name: 'firstName', type: 'text', required: true },
    { id: 'in_last', name: 'lastName', type: 'text', required: true },
    { id: 'in_dob', name: 'dateOfBirth', type: 'text', required: false },
  ];
  return {
    id,
    name,
    status: 'active',
    steps_definition: [
      { id: 'step_call', type: 'voice', order: 1, delay_hours: 0, voice_assistant_id: 31, messaging_assistant_id: null, inputs },
      { id: 'step_sms', type: 'sms', order: 2, delay_hours: 24, voice_assistant_id: null, messaging_assistant_id: 32, inputs: [] },
    ],
    inputs_definition: inputs,
    outreach_schedule: {
      timezone: 'America/New_York',
      business_hours: { start: '09:00', end: '17:00' },
      days_of_week: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    },
    voice_assistant_id: 31,
    organization_id: ORG_ID,
    ehr_action: 'has-ehr-file',
    created_at: iso(),
    is_archived: false,
    allow_repeat_contact: false,
  };
}

/** What a sequence instance is made of besides its definition. */
export interface InstanceFields {
  id: number;
  patientId: number;
  /** The upload row (its values become the sequence's inputs). */
  row: FakeRecord;
  /** When its next activity is due. */
  when: string;
  status: string;
}

/** A sequence instance of `definition`, one step per step of the definition. */
export function sequenceRecord(definition: FakeRecord, { id, patientId, row, when, status }: InstanceFields): FakeRecord {
  const ended = ENDED.includes(status);
  return {
    id,
    status,
    ended_reason: ended ? status : null,
    ended_reason_v2: null,
    current_step: 1,
    next_activity: ended ? null : when,
    organization_id: ORG_ID,
    patient_id: patientId,
    type: 'appointment_reminder',
    steps: (definition.steps_definition as FakeRecord[]).map((step) => ({
      id: `${id}_${String(step.id)}`,
      type: step.type,
      inputs: [],
      status: 'pending',
      scheduled_at: when,
      voicemail_message: 'Please call us back to confirm your appointment.',
      source_number: '+15550100000',
      destination_number: row.phoneNumber ?? '+15550109999',
      voice_assistant_id: step.voice_assistant_id ?? null,
      post_actions: [],
    })),
    sequence_definition_id: definition.id,
    inputs: Object.entries(row).map(([name, value]) => ({ id: `in_${name}`, value: String(value), name, type: 'text' })),
    outcome: null,
    was_contact_reached: false,
    claimed_at: null,
    is_test_mode: true,
    last_updated: iso(),
  };
}

/** One finished call (95 s, ended by the patient), as the End of Call webhook carries it. */
export function callRecord(id: number, outcome: string): FakeRecord {
  return {
    id,
    assistant_id: 31,
    started_at: iso(new Date(Date.now() - 95_000)),
    ended_at: iso(),
    call_status: 'ended',
    duration_ms: 95_000,
    ended_reason: 'customer-ended',
    transcript: 'AI: Hello, this is a reminder of your appointment tomorrow.\nUser: Thanks, I will be there.',
    source_number: '+15550100000',
    destination_number: '+15550109999',
    call_type: 'outboundPhoneCall',
    analysis: {},
    summary: 'The patient confirmed the appointment.',
    outcome,
    failure_reason: null,
    voicemail_message: null,
  };
}
