import type { Sequence, SequenceRun, SequenceStep, StepContact } from './models.js';

/** The envelope of every Whippy webhook (documented): `{ data, event, request_id }`. */
export interface WhippyWebhookEnvelope<E extends string = string, D = Record<string, unknown>> {
  data: D;
  /** `<resource>.<type>`, e.g. `sequence_run.updated`. */
  event: E;
  request_id?: string | null;
}

/** The sequence-related events and their `data`, from samples in Whippy's own code. */
export interface WhippyEventMap {
  'sequence.created': Sequence;
  'sequence.updated': Sequence;
  'step.created': SequenceStep;
  'step.updated': SequenceStep;
  'step_contact.created': StepContact;
  'step_contact.updated': StepContact;
  'sequence_run.created': SequenceRun;
  'sequence_run.updated': SequenceRun;
}

/** A Whippy webhook: one of the typed events, or any other as the generic envelope. Narrow with {@link isWhippyEvent}. */
export type WhippyWebhookEvent =
  { [E in keyof WhippyEventMap]: WhippyWebhookEnvelope<E, WhippyEventMap[E]> }[keyof WhippyEventMap] | WhippyWebhookEnvelope;

/**
 * Narrows a webhook by event name.
 * @example if (isWhippyEvent(ev, 'sequence_run.updated')) console.log(ev.data.status);
 */
export function isWhippyEvent<E extends keyof WhippyEventMap>(
  event: WhippyWebhookEvent,
  name: E,
): event is Extract<WhippyWebhookEvent, { event: E }> {
  return event.event === name;
}
