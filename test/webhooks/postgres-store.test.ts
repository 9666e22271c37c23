// What the PostgreSQL dedupe store adds to the shared contract (receiver-stores.test.ts): claims
// racing on separate connections, as replicas on different hosts do, and a server that is down.
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DedupeStoreError, postgresDedupeStore } from '../../src/webhooks/index.js';

const pools: pg.Pool[] = [];
const poolOf = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on('error', () => undefined);
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

describe('postgresDedupeStore', () => {
  it('of 20 claims racing on 8 connections of two pools (two replicas), exactly one wins; after it completes, every claim says done', async () => {
    const schema = `dedupe_race_${process.pid}`;
    const [a, b] = [poolOf(inject('postgresUrl')), poolOf(inject('postgresUrl'))];
    await a.query(`CREATE SCHEMA ${schema}`);
    const stores = [postgresDedupeStore({ pool: a, schema }), postgresDedupeStore({ pool: b, schema })];
    const now = Date.parse('2026-03-01T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.claim('evt_1', `token_${i}`, 30_000, now)));
    expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'busy')).toHaveLength(19);
    await stores[0]!.complete('evt_1', now + 1);
    await expect(stores[1]!.claim('evt_1', 'late', 30_000, now + 2)).resolves.toEqual({ state: 'done' });
  });

  it('a server that is down: a DedupeStoreError (the delivery is answered 503 and retried), in one line', async () => {
    const store = postgresDedupeStore({ pool: poolOf('postgres://u:secret@127.0.0.1:1/db') });
    const error = (await store.claim('evt_1', 't', 1000, 0).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DedupeStoreError);
    expect(error.message).toMatch(/^the PostgreSQL dedupe store failed: connect ECONNREFUSED 127\.0\.0\.1:1$/);
  });
});
