// Webhook receivers as Web `Request` handlers: the shape Hono, Next.js route handlers, Bun.serve,
// Deno.serve and Cloudflare Workers all take. Each verifies the signature on the raw body, then
// narrows the event by type. Run it with `node examples/webhooks-web.ts` (it exits by itself).
import { WebhookVerificationError } from 'sequence-apis';
import { isEndOfSequenceReport, unwrapClarionWebhook } from 'sequence-apis/clarion';
import { isCloseEvent, unwrapCloseWebhook } from 'sequence-apis/close';
import { createClarionTestKeys, signClarionWebhook, signCloseWebhook, signWhippyWebhook } from 'sequence-apis/testing';
import { isWhippyEvent, unwrapWhippyWebhook } from 'sequence-apis/whippy';

const CLOSE_SIGNATURE_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'; // from close.webhooks.create()
const WHIPPY_API_KEY = 'whippy-api-key'; // the API key chosen for the endpoint; X-Whippy-Signature's format is unconfirmed
const clarionKeys = await createClarionTestKeys(); // in production, leave publicKey out: Clarion's published key is the default

/** e.g. Next.js: `export const POST = closeHandler` in app/api/close/route.ts; Hono: `app.post('/close', (c) => closeHandler(c.req.raw))`. */
export async function closeHandler(request: Request): Promise<Response> {
  try {
    // The raw text, never `await request.json()`: re-serialised JSON would not match the signature.
    const { event } = await unwrapCloseWebhook(await request.text(), request.headers, { signatureKey: CLOSE_SIGNATURE_KEY });
    if (isCloseEvent(event, 'sequence_subscription') && event.data?.status === 'finished') {
      console.log(`Close: subscription ${event.object_id} finished (${event.data.status_reason ?? 'no reason'})`);
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response(error.message, { status: 400 });
    throw error;
  }
}

/** Clarion: End of Sequence Reports and End of Call payloads. */
export async function clarionHandler(request: Request): Promise<Response> {
  const payload = await unwrapClarionWebhook(await request.text(), request.headers, { publicKey: clarionKeys.publicKey });
  if (isEndOfSequenceReport(payload))
    console.log(`Clarion: sequence ${payload.id} ${payload.status} after ${payload.outreach.length} outreach`);
  else console.log(`Clarion: call ${payload.id} ended (${payload.outcome ?? 'no outcome'})`);
  return new Response(null, { status: 200 });
}

/** Whippy: the `{ data, event, request_id }` envelope. */
export async function whippyHandler(request: Request): Promise<Response> {
  const ev = await unwrapWhippyWebhook(await request.text(), request.headers, { apiKey: WHIPPY_API_KEY });
  if (isWhippyEvent(ev, 'sequence_run.updated')) console.log(`Whippy: run ${ev.data.id} is ${ev.data.status}`);
  return new Response(null, { status: 200 });
}

// Try each handler with a signed request and a tampered one, as a framework would call it.
const closeBody = JSON.stringify({
  subscription_id: 'whsub_demo',
  event: {
    id: 'ev_demo',
    object_type: 'sequence_subscription',
    object_id: 'sub_demo',
    action: 'updated',
    data: { id: 'sub_demo', status: 'finished', status_reason: 'goal' },
  },
});
const post = (body: string, headers: Record<string, string>) =>
  new Request('https://receiver.example/hook', { method: 'POST', body, headers });
console.log('signed:', (await closeHandler(post(closeBody, await signCloseWebhook(closeBody, CLOSE_SIGNATURE_KEY)))).status);
const tampered = await closeHandler(post(closeBody.replace('finished', 'active'), await signCloseWebhook(closeBody, CLOSE_SIGNATURE_KEY)));
console.log('tampered:', tampered.status, await tampered.text());

const report = JSON.stringify({ id: 7, status: 'ended', last_updated: new Date().toISOString(), outreach: [] });
await clarionHandler(post(report, await signClarionWebhook(report, clarionKeys.privateKey)));
const run = JSON.stringify({ data: { id: 'run_demo', status: 'finished' }, event: 'sequence_run.updated', request_id: 'req_demo' });
await whippyHandler(post(run, await signWhippyWebhook(run, WHIPPY_API_KEY)));
