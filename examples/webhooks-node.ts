// A plain node:http webhook receiver for all three vendors, fed by the fakes: the fakes deliver
// signed webhooks over real HTTP when their state changes. Run it with `node examples/webhooks-node.ts`.
import { createServer, type IncomingMessage } from 'node:http';
import { WebhookVerificationError } from 'sequence-apis';
import { ClarionClient, isEndOfSequenceReport, unwrapClarionWebhook } from 'sequence-apis/clarion';
import { CloseClient, isCloseEvent, unwrapCloseWebhook } from 'sequence-apis/close';
import { createClarionTestKeys, startFakeServer } from 'sequence-apis/testing';
import { isWhippyEvent, unwrapWhippyWebhook, WhippyClient } from 'sequence-apis/whippy';

let closeSignatureKey = ''; // set below from close.webhooks.create()
const clarionKeys = await createClarionTestKeys(); // the fake signs with these; against Clarion itself, omit publicKey

async function rawBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(request: IncomingMessage): Promise<void> {
  const body = await rawBody(request);
  // Node's IncomingHttpHeaders go in as they are.
  if (request.url === '/close') {
    const { event } = await unwrapCloseWebhook(body, request.headers, { signatureKey: closeSignatureKey });
    if (isCloseEvent(event, 'sequence_subscription')) console.log(`Close: subscription ${event.object_id} is now ${event.data?.status}`);
  } else if (request.url === '/clarion') {
    const payload = await unwrapClarionWebhook(body, request.headers, { publicKey: clarionKeys.publicKeyPem });
    if (isEndOfSequenceReport(payload)) console.log(`Clarion: sequence ${payload.id} ${payload.status}`);
    else console.log(`Clarion: call ${payload.id} ${payload.call_status}, outcome ${payload.outcome}`);
  } else if (request.url === '/whippy') {
    // The fake sends Whippy webhooks unsigned here, as Whippy documents no signature.
    const ev = await unwrapWhippyWebhook(body, request.headers, { unverified: true });
    if (isWhippyEvent(ev, 'step_contact.created')) console.log(`Whippy: ${ev.data.contact?.phone} entered step ${ev.data.step_id}`);
    else console.log(`Whippy: ${ev.event}`);
  }
}

const receiver = createServer((request, response) => {
  handle(request).then(
    () => response.writeHead(200).end(),
    (error: unknown) => response.writeHead(error instanceof WebhookVerificationError ? 400 : 500).end(String(error)),
  );
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const { port } = receiver.address() as { port: number };
const url = (path: string) => `http://127.0.0.1:${port}${path}`;

const server = await startFakeServer({
  clarion: { webhooks: { url: url('/clarion'), privateKey: clarionKeys.privateKey } },
  whippy: { webhooks: { url: url('/whippy') } },
});
try {
  const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key' });
  const hook = await close.webhooks.create({ url: url('/close'), events: [{ object_type: 'sequence_subscription', action: 'updated' }] });
  closeSignatureKey = hook.signature_key!;
  const [subscriptionId] = server.close.fake.subscriptions.keys();
  await close.subscriptions.pause(subscriptionId!);

  const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token' });
  const running = (await clarion.sequences.list()).data.find((s) => s.status === 'in-progress')!;
  server.clarion.fake.endCall(running.id);
  await clarion.sequences.stop(running.id);

  const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key' });
  const [sequence] = await whippy.sequences.list().toArray({ limit: 1 });
  await whippy.sequences.contacts.add(sequence!.id, { to: [{ phone: '+15550102001', name: 'Ada' }] });

  // The event log holds the same change, for catching up after downtime.
  for await (const event of close.events.list({ object_type: 'sequence_subscription', action: 'updated' }))
    console.log(`Close event log: ${event.id}`);

  await Promise.all([
    server.close.fake.eventLog.outbox.settled(),
    server.clarion.fake.outbox.settled(),
    server.whippy.fake.outbox.settled(),
  ]);
  const failed = [server.close.fake.eventLog.outbox, server.clarion.fake.outbox, server.whippy.fake.outbox]
    .flatMap((o) => o.deliveries)
    .filter((d) => d.status !== 200);
  if (failed.length > 0) throw new Error(`${failed.length} deliveries were refused`);
} finally {
  await server.stop();
  receiver.close();
}
