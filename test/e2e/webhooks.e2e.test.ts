import { afterEach, describe, expect, it } from 'vitest';
import { ClarionClient, isEndOfSequenceReport, unwrapClarionWebhook } from '../../src/clarion/index.js';
import { CloseClient, isCloseEvent, unwrapCloseWebhook } from '../../src/close/index.js';
import { createClarionTestKeys, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { isWhippyEvent, unwrapWhippyWebhook, WhippyClient } from '../../src/whippy/index.js';
import { startReceiver } from '../helpers/receiver.js';

let server: FakeServer | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await server?.stop();
  await receiver?.stop();
});

describe('webhooks over real sockets', () => {
  it('Close: a subscription paused through the client arrives signed with the webhook key, verifies and narrows', async () => {
    receiver = await startReceiver();
    server = await startFakeServer();
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const hook = await close.webhooks.create({ url: receiver.url, events: [{ object_type: 'sequence_subscription', action: 'updated' }] });
    const [subscriptionId] = server.close.fake.subscriptions.keys();
    await close.subscriptions.pause(subscriptionId!);
    await server.close.fake.eventLog.outbox.settled();

    expect(receiver.received).toHaveLength(1);
    const { body, headers } = receiver.received[0]!;
    const { subscription_id, event } = await unwrapCloseWebhook(body, headers, { signatureKey: hook.signature_key! });
    expect(subscription_id).toBe(hook.id);
    expect(isCloseEvent(event, 'sequence_subscription') && event.data?.status).toBe('paused');
    expect(event.changed_fields).toContain('status');
    const logged = await close.events.list({ object_id: subscriptionId!, action: 'updated' });
    expect(logged.data[0]?.id).toBe(event.id);
  });

  it('Clarion: stopping a sequence sends an End of Sequence Report (after an End of Call), signed with the fake key', async () => {
    receiver = await startReceiver();
    const keys = await createClarionTestKeys();
    server = await startFakeServer({ clarion: { webhooks: { url: receiver.url, privateKey: keys.privateKey, secret: 'dash-secret' } } });
    const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' });
    const sequence = (await clarion.sequences.list()).data.find((s) => s.status === 'in-progress')!;
    server.clarion.fake.endCall(sequence.id, 'voicemail');
    await clarion.sequences.stop(sequence.id);
    await server.clarion.fake.outbox.settled();

    const payloads = [];
    for (const { body, headers } of receiver.received) {
      payloads.push(await unwrapClarionWebhook(body, headers, { publicKey: keys.publicKeyPem, secret: 'dash-secret' }));
    }
    const [call, report] = payloads;
    expect(call && !isEndOfSequenceReport(call) && call.outcome).toBe('voicemail');
    expect(report && isEndOfSequenceReport(report) && report).toMatchObject({ id: sequence.id, status: 'ended' });
    if (report && isEndOfSequenceReport(report)) expect(report.outreach[0]?.call?.outcome).toBe('voicemail');
  });

  it('Whippy: adding a contact through the client sends step_contact.created and sequence_run.created, signed', async () => {
    receiver = await startReceiver();
    server = await startFakeServer({ whippy: { webhooks: { url: receiver.url, apiKey: 'whippy-api-key' } } });
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    const [sequence] = await whippy.sequences.list().toArray({ limit: 1 });
    await whippy.sequences.contacts.add(sequence!.id, { to: [{ phone: '+15550102001', name: 'New Contact' }] });
    await server.whippy.fake.outbox.settled();

    const events = [];
    for (const { body, headers } of receiver.received) events.push(await unwrapWhippyWebhook(body, headers, { apiKey: 'whippy-api-key' }));
    expect(events.map((e) => e.event)).toEqual(['step_contact.created', 'sequence_run.created']);
    const run = events[1]!;
    expect(isWhippyEvent(run, 'sequence_run.created') && run.data.contact?.phone).toBe('+15550102001');
  });
});
