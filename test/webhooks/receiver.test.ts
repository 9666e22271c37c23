import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDedupeStore } from '../../src/redis/index.js';
import { createClarionTestKeys, signClarionWebhook, signCloseWebhook, signWhippyWebhook } from '../../src/testing/index.js';
import {
  MAX_BODY_BYTES,
  memoryDedupeStore,
  sqliteDedupeStore,
  webhookReceiver,
  type DedupeStore,
  type ReceivedEvent,
  type WebhookReceiverOptions,
} from '../../src/webhooks/index.js';
import { closeBody, closeRequest, CLOSE_KEY } from '../helpers/deliveries.js';
import { startRedis } from '../helpers/redis.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const WHIPPY_KEY = 'whippy-api-key-secret';
let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'sequence-apis-receiver-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A receiver whose onEvent calls and warnings are kept, on the test's clock. */
function make(options: Partial<WebhookReceiverOptions> = {}) {
  const events: ReceivedEvent[] = [];
  const logged: string[] = [];
  const receive = webhookReceiver({
    close: { signatureKey: CLOSE_KEY },
    now: () => NOW,
    onEvent: (event) => void events.push(event),
    onError: (error, info) => logged.push(`${info.status} ${error instanceof Error ? error.message : String(error)}`),
    ...options,
  });
  return { receive, events, logged };
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** No signing key, API key or signature in any answer or log line. */
function expectNoSecret(...texts: string[]) {
  for (const text of texts) for (const secret of [CLOSE_KEY, WHIPPY_KEY]) expect(text).not.toContain(secret);
}

describe('webhookReceiver: each vendor, its key', () => {
  it('Close: the key is the event id; onEvent gets what unwrapCloseWebhook returns', async () => {
    const { receive, events } = make();
    expect(await answer(await receive(await closeRequest(closeBody('ev_k'), NOW)))).toEqual({
      status: 200,
      body: { status: 'processed', key: 'close:ev_k' },
    });
    expect(events[0]).toMatchObject({ vendor: 'close', key: 'close:ev_k', event: { subscription_id: 'whsub_1', event: { id: 'ev_k' } } });
  });

  it('Whippy: request_id and the event name (one request sends several events), signed with the API key', async () => {
    const { receive, events } = make({ close: undefined, whippy: { apiKey: WHIPPY_KEY } });
    for (const event of ['step_contact.created', 'sequence_run.created', 'sequence_run.created']) {
      const body = JSON.stringify({ data: { id: 'x' }, event, request_id: 'req_9' });
      const headers = await signWhippyWebhook(body, WHIPPY_KEY, { timestamp: NOW / 1000 });
      await receive(new Request('https://r.example/', { method: 'POST', body, headers }));
    }
    expect(events.map((e) => e.key)).toEqual(['whippy:req_9:step_contact.created', 'whippy:req_9:sequence_run.created']);
  });

  it('Clarion: id with last_updated (a later report of the same sequence runs again), id alone without it', async () => {
    const keys = await createClarionTestKeys();
    const { receive, events } = make({ clarion: { publicKey: keys.publicKey } });
    for (const payload of [
      { id: 7, status: 'in-progress', last_updated: '2026-03-01T11:00:00Z', outreach: [] },
      { id: 7, status: 'ended', last_updated: '2026-03-01T11:30:00Z', outreach: [] },
      { id: 7, status: 'ended', last_updated: '2026-03-01T11:30:00Z', outreach: [] },
      { id: 31, assistant_id: 2, call_status: 'ended' },
    ]) {
      const body = JSON.stringify(payload);
      await receive(
        new Request('https://r.example/', {
          method: 'POST',
          body,
          headers: await signClarionWebhook(body, keys.privateKey, { timestamp: NOW }),
        }),
      );
    }
    expect(events.map((e) => [e.vendor, e.key])).toEqual([
      ['clarion', 'clarion:7:2026-03-01T11:00:00Z'],
      ['clarion', 'clarion:7:2026-03-01T11:30:00Z'],
      ['clarion', 'clarion:31'],
    ]);
  });

  it('receive.node reads the raw body from node:http itself and answers on the response', async () => {
    const { receive, events } = make();
    const server = createServer((request, response) => void receive.node(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const body = closeBody('ev_node');
    const headers = await signCloseWebhook(body, CLOSE_KEY, { timestamp: NOW / 1000 });
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers });
    const big = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1), headers });
    const chunked = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers,
      duplex: 'half',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 17; i++) controller.enqueue(new Uint8Array(64 * 1024));
          controller.close();
        },
      }),
    } as RequestInit);
    server.close();
    expect([response.status, big.status, chunked.status]).toEqual([200, 413, 413]);
    expect(events.map((e) => e.key)).toEqual(['close:ev_node']);
  });
});

describe('webhookReceiver refuses bad input, with a clear message and no secret', () => {
  it('a bad signature: 401, nothing claimed (the real delivery then runs)', async () => {
    const { receive, events, logged } = make();
    const body = closeBody('ev_bad');
    const forged = await signCloseWebhook(body, 'ff'.repeat(32), { timestamp: NOW / 1000 });
    const refused = await answer(await receive(new Request('https://r.example/', { method: 'POST', body, headers: forged })));
    expect(refused).toEqual({ status: 401, body: { error: expect.stringMatching(/close-sig-hash does not match/) as string } });
    expect((await answer(await receive(await closeRequest(body, NOW)))).body.status).toBe('processed');
    expect(events).toHaveLength(1);
    expectNoSecret(JSON.stringify(refused), ...logged);
  });

  it('signed but not JSON: 400', async () => {
    const { receive } = make();
    const refused = await answer(await receive(await closeRequest('<xml/>', NOW)));
    expect(refused).toEqual({ status: 400, body: { error: expect.stringMatching(/not JSON/) as string } });
  });

  it('a body over 1 MiB: 413, by Content-Length or as it streams', async () => {
    const { receive, events } = make();
    const huge = closeBody('ev_big').replace('paused', 'x'.repeat(MAX_BODY_BYTES));
    const refused = await answer(await receive(await closeRequest(huge, NOW)));
    expect(refused).toEqual({ status: 413, body: { error: expect.stringMatching(/over 1048576 bytes \(1 MiB\)/) as string } });
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(huge)), c.close()) });
    const headers = await signCloseWebhook(huge, CLOSE_KEY, { timestamp: NOW / 1000 });
    const streamed = await receive(
      new Request('https://r.example/', { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(events).toHaveLength(0);
  });

  it('a duplicated signature header: 401 naming it', async () => {
    const { receive } = make();
    const body = closeBody('ev_dup');
    const { 'close-sig-hash': hash, 'close-sig-timestamp': ts } = await signCloseWebhook(body, CLOSE_KEY, { timestamp: NOW / 1000 });
    const headers = new Headers([
      ['close-sig-hash', hash!],
      ['close-sig-hash', hash!],
      ['close-sig-timestamp', ts!],
    ]);
    const refused = await answer(await receive(new Request('https://r.example/', { method: 'POST', body, headers })));
    expect(refused).toEqual({ status: 401, body: { error: expect.stringMatching(/close-sig-hash was sent more than once/) as string } });
  });

  it('an unknown vendor: 400, whether unsigned or signed by a vendor this receiver does not take', async () => {
    const { receive } = make({ whippy: { apiKey: WHIPPY_KEY } });
    const unsigned = await answer(await receive(new Request('https://r.example/', { method: 'POST', body: '{}' })));
    expect(unsigned).toEqual({
      status: 400,
      body: { error: expect.stringMatching(/unknown vendor: no signature header of close, whippy/) as string },
    });
    const clarion = new Request('https://r.example/', { method: 'POST', body: '{}', headers: { 'x-clarion-signature': 'ab' } });
    expect(await answer(await receive(clarion))).toEqual({
      status: 400,
      body: { error: 'a clarion delivery, but this receiver takes close, whippy' },
    });
  });

  it('a Request whose body was already read: 500 saying so (the vendor retries; nothing lost)', async () => {
    const { receive, events } = make();
    const request = await closeRequest(closeBody('ev_read'), NOW);
    await request.text();
    const refused = await answer(await receive(request));
    expect(refused).toEqual({ status: 500, body: { error: expect.stringMatching(/already read \(by a body parser\?\)/) as string } });
    expect(events).toHaveLength(0);
  });

  it('a node request a body parser already read: 500 saying so', async () => {
    const { receive } = make();
    const written: { status?: number; body?: string } = {};
    const request = {
      headers: {},
      body: { parsed: true },
      on: () => undefined,
      removeAllListeners: () => undefined,
      resume: () => undefined,
    };
    await receive.node(request, { writeHead: (status) => void (written.status = status), end: (body) => void (written.body = body) });
    expect(written.status).toBe(500);
    expect(written.body).toMatch(/already read/);
  });

  it('a node request stream that fails: 500, the response still ends', async () => {
    const { receive, logged } = make();
    const written: { status?: number; body?: string } = {};
    const request = {
      headers: {},
      on: (event: string, listener: (error: never) => void) => void (event === 'error' && listener(new Error('socket hang up') as never)),
      removeAllListeners: () => undefined,
      resume: () => undefined,
    };
    await receive.node(request, { writeHead: (status) => void (written.status = status), end: (body) => void (written.body = body) });
    expect(written).toEqual({ status: 500, body: expect.stringMatching(/failed unexpectedly/) as string });
    expect(logged).toEqual(['500 socket hang up']);
  });

  const failing: DedupeStore = {
    claim: () => Promise.reject(new Error(`connection refused (password ${WHIPPY_KEY})`)),
    complete: () => Promise.reject(new Error('down')),
    release: () => Promise.reject(new Error('down')),
    watermark: () => Promise.reject(new Error('down')),
    raiseWatermark: () => Promise.reject(new Error('down')),
  };
  const downStores: Record<string, () => Promise<{ store: DedupeStore; close: () => Promise<void> }>> = {
    'a store that throws': () => Promise.resolve({ store: failing, close: () => Promise.resolve() }),
    'a SQLite file that cannot be opened': () =>
      Promise.resolve({ store: sqliteDedupeStore({ path: join(dir, 'no-such-dir', 'x.sqlite') }), close: () => Promise.resolve() }),
    'a Redis that was killed': async () => {
      const redis = await startRedis();
      const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => {});
      await new Promise((resolve) => client.once('ready', resolve));
      await redis.kill();
      return { store: redisDedupeStore({ client }), close: () => Promise.resolve(client.disconnect()) };
    },
  };
  it.each(Object.keys(downStores))(
    '%s: 503 with Retry-After, never 200, onEvent not run (nothing acknowledged, so nothing lost)',
    async (name) => {
      const { store, close } = await downStores[name]!();
      const { receive, events, logged } = make({ dedupe: store, close: { signatureKey: CLOSE_KEY } });
      const response = await receive(await closeRequest(closeBody('ev_down'), NOW));
      const refused = await answer(response);
      expect(refused.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(refused.body.error).toMatch(/^the dedupe store failed to (claim a key|read a watermark): nothing was acknowledged/);
      expect(events).toHaveLength(0);
      expectNoSecret(refused.body.error!);
      await close();
      const back = make({ dedupe: memoryDedupeStore() });
      expect((await back.receive(await closeRequest(closeBody('ev_down'), NOW))).status).toBe(200);
      expect(logged.length).toBeGreaterThan(0);
    },
  );

  it('a store that fails after onEvent succeeded: 503 (the vendor retries), not 200', async () => {
    const store = { ...memoryDedupeStore(), complete: () => Promise.reject(new Error('down')) };
    const { receive, events } = make({ dedupe: store });
    expect((await receive(await closeRequest(closeBody('ev_late'), NOW))).status).toBe(503);
    expect(events).toHaveLength(1);
  });

  it('bad options: refused when the receiver is made', () => {
    expect(() => webhookReceiver({ onEvent: () => {} })).toThrow(/at least one vendor/);
    expect(() => webhookReceiver({ close: { signatureKey: CLOSE_KEY } } as WebhookReceiverOptions)).toThrow(/needs onEvent/);
    expect(() => make({ leaseSeconds: 0 })).toThrow(/leaseSeconds must be/);
    expect(() => make({ ordering: 'sometimes' as 'on' })).toThrow(/ordering must be/);
    expect(() => memoryDedupeStore({ retentionSeconds: -1 })).toThrow(/retentionSeconds/);
    expect(() => sqliteDedupeStore({ path: '' })).toThrow(/needs \{ path \}/);
  });
});
