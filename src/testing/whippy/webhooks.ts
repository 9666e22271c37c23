import type { FakeRecord } from '../fake-api.js';
import type { WebhookOutbox } from '../webhook-outbox.js';
import { signWhippyWebhook } from '../webhook-signers.js';

/** Where the Whippy fake sends its webhooks. */
export interface WhippyFakeWebhooks {
  /** The receiver's URL. */
  url: string;
  /** The endpoint's API key: signs `X-Whippy-Signature` as `signWhippyWebhook` does (unconfirmed scheme). Unsigned without it. */
  apiKey?: string;
}

/** Sends `step_contact.<action>` and, when there is one, `sequence_run.<action>`, in Whippy's `{ data, event, request_id }` envelope. */
export function sendStepContactEvents(
  outbox: WebhookOutbox,
  hooks: WhippyFakeWebhooks,
  action: 'created' | 'updated',
  stepContact: FakeRecord,
  run: FakeRecord | undefined,
  requestId: string,
): void {
  for (const [event, data] of [
    [`step_contact.${action}`, stepContact],
    [`sequence_run.${action}`, run],
  ] as const) {
    if (!data) continue;
    const body = JSON.stringify({ data, event, request_id: requestId });
    outbox.send(hooks.url, body, async () => (hooks.apiKey === undefined ? {} : signWhippyWebhook(body, hooks.apiKey)));
  }
}
