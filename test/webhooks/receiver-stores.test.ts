import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisDedupeStore } from '../../src/redis/index.js';
import {
  memoryDedupeStore,
  postgresDedupeStore,
  sqliteDedupeStore,
  webhookReceiver,
  type DedupeStore,
  type ReceivedEvent,
} from '../../src/webhooks/index.js';
import { closeBody, closeRequest, CLOSE_KEY, gate } from '../helpers/deliveries.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { openClient, type TestClient } from '../redis/clients.js';

let redis: TestRedis;
let dir: string;
const clients: TestClient[] = [];
const sqliteStores: { close(): Promise<void> }[] = [];
let pool: pg.Pool | undefined;
let prefix = 0;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-dedupe-'));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(sqliteStores.map((s) => s.close()));
  await pool?.end();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stores: Record<string, (options?: { retentionSeconds: number }) => Promise<DedupeStore>> = {
  memory: (options) => Promise.resolve(memoryDedupeStore(options)),
  'SQLite file': (options) => {
    const store = sqliteDedupeStore({ path: join(dir, `store-${++prefix}.sqlite`), ...options });
    sqliteStores.push(store);
    return Promise.resolve(store);
  },
  'Redis (ioredis)': async (options) => {
    const client = await openClient('ioredis', redis.url);
    clients.push(client);
    return redisDedupeStore({ client: client.client, keyPrefix: `t${++prefix}`, ...options });
  },
  'Redis (node-redis)': async (options) => {
    const client = await openClient('node-redis', redis.url);
    clients.push(client);
    return redisDedupeStore({ client: client.client, keyPrefix: `t${++prefix}`, ...options });
  },
  PostgreSQL: async (options) => {
    // The global setup's server; a schema per store, so no two cases share a key.
    pool ??= new pg.Pool({ connectionString: inject('postgresUrl'), max: 4 });
    const schema = `dedupe_${process.pid}_${++prefix}`;
    await pool.query(`CREATE SCHEMA ${schema}`);
    return postgresDedupeStore({ pool, schema, ...options });
  },
};

/** A receiver on `store` with a clock the test moves, recording every onEvent. */
function setup(store: DedupeStore, onEvent: (event: ReceivedEvent) => Promise<void> = () => Promise.resolve(), ordering?: 'on' | 'off') {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const calls: string[] = [];
  const receive = webhookReceiver({
    close: { signatureKey: CLOSE_KEY },
    dedupe: store,
    ...(ordering ? { ordering } : {}),
    now: () => clock.now,
    onError: () => {},
    onEvent: async (event) => {
      calls.push(event.key);
      await onEvent(event);
    },
  });
  const send = async (body: string) => {
    const response = await receive(await closeRequest(body, clock.now));
    return {
      status: response.status,
      body: (await response.json()) as Record<string, string>,
      retryAfter: response.headers.get('retry-after'),
    };
  };
  return { clock, calls, send };
}

describe.each(Object.keys(stores))('webhookReceiver on the %s store', (name) => {
  const store = (options?: { retentionSeconds: number }) => stores[name]!(options);

  it('store contract: a late release by a holder whose lease ran out leaves the new holder’s claim alone', async () => {
    const s = await store();
    expect(await s.claim('k', 'first', 60_000, 0)).toEqual({ state: 'claimed' });
    expect(await s.claim('k', 'second', 60_000, 30_000)).toEqual({ state: 'busy', retryAfterMs: 30_000 });
    expect(await s.claim('k', 'second', 60_000, 60_000)).toEqual({ state: 'claimed' });
    await s.release('k', 'first');
    expect(await s.claim('k', 'third', 60_000, 90_000)).toEqual({ state: 'busy', retryAfterMs: 30_000 });
    await s.release('k', 'second');
    expect(await s.claim('k', 'third', 60_000, 91_000)).toEqual({ state: 'claimed' });
    await s.complete('k', 92_000);
    expect(await s.claim('k', 'fourth', 60_000, 93_000)).toEqual({ state: 'done' });
    await s.release('k', 'third'); // a done key stays done
    expect(await s.claim('k', 'fourth', 60_000, 200_000)).toEqual({ state: 'done' });
  });

  it('keeps a done key for its retention (here 1 h), then forgets it', async () => {
    const { clock, calls, send } = setup(await store({ retentionSeconds: 3600 }));
    await send(closeBody('ev_kept', { action: 'created' }));
    clock.now += 3599_000;
    expect((await send(closeBody('ev_kept', { action: 'created' }))).body.status).toBe('duplicate');
    clock.now += 2_000;
    expect((await send(closeBody('ev_kept', { action: 'created' }))).body.status).toBe('processed');
    expect(calls).toEqual(['close:ev_kept', 'close:ev_kept']);
  });

  it('runs onEvent once for one delivery sent 3 times, answering 200 each time', async () => {
    const { calls, send } = setup(await store());
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send(closeBody('ev_3x')));
    expect(calls).toEqual(['close:ev_3x']);
    expect(answers.map((a) => [a.status, a.body.status])).toEqual([
      [200, 'processed'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ]);
  });

  it('runs onEvent once for 5 copies at once; none is answered 200 before that run succeeded', async () => {
    const held = gate();
    const { calls, send } = setup(await store(), () => held.promise);
    const order: string[] = [];
    const copies = Array.from({ length: 5 }, () =>
      send(closeBody('ev_5')).then((answer) => {
        order.push(answer.status === 200 ? 'ok' : String(answer.status));
        return answer;
      }),
    );
    await expect.poll(() => order.length).toBe(4);
    expect(order).toEqual(['503', '503', '503', '503']);
    order.push('onEvent done');
    held.open();
    const answers = await Promise.all(copies);
    expect(calls).toEqual(['close:ev_5']);
    expect(order.at(-1)).toBe('ok');
    expect(answers.filter((a) => a.status === 503).every((a) => Number(a.retryAfter) >= 1)).toBe(true);
    expect((await send(closeBody('ev_5'))).body.status).toBe('duplicate');
  });

  it('answers 500 when onEvent throws and runs it again on the next delivery', async () => {
    let fail = true;
    const { calls, send } = setup(await store(), () => (fail ? Promise.reject(new Error('database down')) : Promise.resolve()));
    const first = await send(closeBody('ev_throw'));
    expect(first.status).toBe(500);
    expect(first.body.error).not.toContain('database down');
    fail = false;
    expect((await send(closeBody('ev_throw'))).status).toBe(200);
    expect(calls).toEqual(['close:ev_throw', 'close:ev_throw']);
  });

  it('lets the next delivery run onEvent once a dead holder’s lease (60 s) has run out', async () => {
    const s = await store();
    const dead = setup(s, () => new Promise(() => {})); // holds the claim forever, like a crashed replica
    const live = setup(s);
    live.clock.now = dead.clock.now;
    void dead.send(closeBody('ev_lease'));
    await expect.poll(() => dead.calls.length).toBe(1);
    live.clock.now += 30_000;
    const early = await live.send(closeBody('ev_lease'));
    expect([early.status, early.retryAfter]).toEqual([503, '30']);
    live.clock.now += 31_000;
    expect((await live.send(closeBody('ev_lease'))).body.status).toBe('processed');
    expect(live.calls).toEqual(['close:ev_lease']);
  });

  it('skips a Close update older than the last applied for the same object (200), unless ordering is off', async () => {
    const s = await store();
    const { calls, send } = setup(s);
    const newer = closeBody('ev_new', { objectId: 'sub_order', dateUpdated: '2026-03-01T10:05:00Z' });
    const older = closeBody('ev_old', { objectId: 'sub_order', dateUpdated: '2026-03-01T10:00:00Z' });
    expect((await send(newer)).body.status).toBe('processed');
    expect(await send(older)).toMatchObject({ status: 200, body: { status: 'stale' } });
    expect((await send(closeBody('ev_other', { objectId: 'sub_else', dateUpdated: '2026-03-01T09:00:00Z' }))).body.status).toBe(
      'processed',
    );
    expect(calls).toEqual(['close:ev_new', 'close:ev_other']);
    const off = setup(s, undefined, 'off');
    expect((await off.send(older)).body.status).toBe('processed');
  });
});
