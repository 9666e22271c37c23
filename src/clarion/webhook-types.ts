import type { OpenEnum } from '../core/schema.js';

// From Clarion's webhook reference pages (End of Sequence Report, End of Call). Every list of
// values is open: Clarion may add some.

/** A call's status. */
export type ClarionCallStatus = OpenEnum<'queued' | 'ringing' | 'in-progress' | 'forwarding' | 'ended'>;
/** Why a call ended, e.g. `customer-ended`. */
export type ClarionEndedReason = OpenEnum<'customer-ended' | 'assistant-ended'>;
/** How a call turned out. */
export type ClarionCallOutcome = OpenEnum<'resolved' | 'unresolved' | 'voicemail'>;
/** Why a call failed. */
export type ClarionFailureReason = OpenEnum<
  'declined' | 'escalated' | 'requested-callback' | 'customer-dropped' | 'assistant-ended' | 'opt-out'
>;

/** One call, as in the End of Call webhook and the End of Sequence Report's outreach. */
export interface ClarionCall {
  id: number;
  assistant_id: number;
  call_status: ClarionCallStatus;
  started_at?: string | null;
  ended_at?: string | null;
  duration_ms?: number | null;
  ended_reason?: ClarionEndedReason | null;
  /** Lines prefixed `AI:` / `User:`. Health data: do not log it. */
  transcript?: string | null;
  /** E.164. */
  source_number?: string | null;
  /** E.164. */
  destination_number?: string | null;
  call_type?: OpenEnum<'outboundPhoneCall' | 'inboundPhoneCall'> | null;
  analysis?: Record<string, unknown> | null;
  summary?: string | null;
  outcome?: ClarionCallOutcome | null;
  failure_reason?: ClarionFailureReason | null;
  voicemail_message?: string | null;
}

/** One outreach of a sequence: a call or an SMS (Clarion does not show the SMS object's fields). */
export interface ClarionOutreach {
  type: OpenEnum<'call' | 'sms'>;
  step: number;
  call?: ClarionCall;
  sms?: Record<string, unknown>;
}

/**
 * Sent when a whole sequence ends. `status` is the webhook's own vocabulary (`ended`), not
 * `Sequence.status`.
 */
export interface ClarionEndOfSequenceReport {
  /** The sequence id. */
  id: number;
  status: OpenEnum<'ended'>;
  outcome_description?: string | null;
  last_updated: string;
  /** The calls and messages of the sequence. (An older rendering of the page showed call objects directly.) */
  outreach: ClarionOutreach[];
}

/** Sent after each call. */
export type ClarionEndOfCall = ClarionCall;

/** Either Clarion webhook; `'outreach' in payload` (or {@link isEndOfSequenceReport}) tells them apart. */
export type ClarionWebhookPayload = ClarionEndOfSequenceReport | ClarionEndOfCall;

/** True for an End of Sequence Report (it carries `outreach`), false for an End of Call. */
export function isEndOfSequenceReport(payload: ClarionWebhookPayload): payload is ClarionEndOfSequenceReport {
  return Array.isArray((payload as Partial<ClarionEndOfSequenceReport>).outreach);
}
