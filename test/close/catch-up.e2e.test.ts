import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { sqliteDedupeStore, webhookReceiver, type ReceivedEvent } from '../../src/webhooks/index.js';

let server: FakeServer;
let dir: string;
beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-catchup-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const http = createServer(handler);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  return { server: http, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/close` };
}

describe('close.events.catchUp', () => {
  it('after a gap, runs onEvent for just the events no webhook delivered, oldest first; a second run runs nothing', async () => {
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const dedupe = sqliteDedupeStore({ path: join(dir, 'catch-up.sqlite') });
    const handled: { key: string; from: string }[] = [];
    const receiver = await listen((request, response) => void receive.node(request, response));
    const hook = await close.webhooks.create({ url: receiver.url, events: [{ object_type: 'sequence_subscription', action: 'updated' }] });
    const onEvent = (event: ReceivedEvent) =>
      void handled.push({ key: event.key, from: 'subscription_id' in event.event ? 'webhook' : 'log' });
    const receive = webhookReceiver({ close: { signatureKey: hook.signature_key! }, dedupe, onEvent, onError: () => {} });

    const since = new Date();
    const ids = [...server.close.fake.subscriptions.keys()].slice(0, 5);
    for (const id of ids.slice(0, 2)) await close.subscriptions.pause(id);
    await server.close.fake.eventLog.outbox.settled();
    expect(handled.map((h) => h.from)).toEqual(['webhook', 'webhook']);

    await new Promise<void>((resolve) => receiver.server.close(() => resolve())); // downtime: deliveries fail
    for (const id of ids.slice(2)) await close.subscriptions.pause(id);
    await server.close.fake.eventLog.outbox.settled();
    expect(server.close.fake.eventLog.outbox.deliveries.filter((d) => d.error !== undefined)).toHaveLength(3);

    const first = await close.events.catchUp({
      since,
      onEvent,
      dedupe,
      filter: { object_type: 'sequence_subscription', action: 'updated' },
    });
    expect(first).toEqual({ seen: 5, ran: 3, duplicates: 2, stale: 0, busy: 0 });
    const logged = server.close.fake.eventLog.events
      .filter((e) => e.object_type === 'sequence_subscription')
      .map((e) => `close:${String(e.id)}`);
    expect(handled.map((h) => h.key)).toEqual(logged); // webhooks, then the log's oldest first: one stream
    expect(handled.slice(2).every((h) => h.from === 'log')).toBe(true);

    const second = await close.events.catchUp({ since, onEvent, dedupe });
    expect(second).toMatchObject({ seen: 5, ran: 0, duplicates: 5 });
    expect(handled).toHaveLength(5);
    await dedupe.close();
  });

  it('refuses to start without a dedupe store', async () => {
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const options = { since: new Date(), onEvent: () => {} } as unknown as Parameters<typeof close.events.catchUp>[0];
    const before = server.close.fake.requestCount;
    const error: unknown = await close.events.catchUp(options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).message).toMatch(/dedupe: is required/);
    expect(server.close.fake.requestCount).toBe(before);
  });
});
