import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisRateLimitStore, type RedisRateLimitStore } from '../../src/redis/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { openClient, type TestClient } from './clients.js';

let server: FakeServer;
let redis: TestRedis;
let sequenceId: string;
const PAGES = 40;

beforeAll(async () => {
  [server, redis] = await Promise.all([startFakeServer(), startRedis()]);
  const seq = server.whippy.fake.addSequence('Faults', ['One']);
  sequenceId = String(seq.id);
  server.whippy.fake.seedRuns(sequenceId, PAGES * 10);
});
afterAll(async () => {
  await Promise.all([server.stop(), redis.stop()]);
});
beforeEach(() => server.whippy.fake.resetFaults());

function setup(redisClient: TestClient) {
  const lines: { level: string; message: string }[] = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  const store = redisRateLimitStore({ client: redisClient.client, keyPrefix: `faults:${Math.random()}` });
  const whippy = new WhippyClient({
    baseUrl: server.whippy.baseUrl,
    apiKey: 'test_whippy_key',
    rateLimitStore: store,
    logger: { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') },
    logLevel: 'info',
  });
  const warnings = () => lines.filter((line) => line.level === 'warn').map((line) => line.message);
  return { whippy, store, lines, warnings };
}

/** Pulls every run, calling `midway` once after the tenth page; returns the run ids in order. */
async function pull(whippy: WhippyClient, midway: () => void | Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let pages = 0;
  for await (const page of whippy.sequences.runs.list(sequenceId, { limit: 10 }, { concurrency: 4 }).pages()) {
    ids.push(...page.data.map((run) => String(run.id)));
    if (++pages === 10) await midway();
  }
  return ids;
}

/** Every page was asked for exactly once: nothing lost, nothing sent twice. */
function expectEachPageOnce(ids: string[]): void {
  expect(ids).toHaveLength(PAGES * 10);
  expect(new Set(ids).size).toBe(PAGES * 10);
  const offsets = server.whippy.fake.requests.filter((r) => r.path.endsWith('/sequence_runs')).map((r) => Number(r.query.offset ?? 0));
  expect(offsets.sort((a, b) => a - b)).toEqual(Array.from({ length: PAGES }, (_, i) => i * 10));
}

/** Sends requests until the pacer says the store answers again; then the next request's ticket comes from Redis. */
async function sharedAgain(whippy: WhippyClient, store: RedisRateLimitStore, lines: { message: string }[]): Promise<void> {
  for (let attempt = 0; attempt < 50 && !lines.some((line) => /store answers again/.test(line.message)); attempt++) {
    await whippy.sequences.retrieve(sequenceId);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const before = store.roundTrips;
  await whippy.sequences.retrieve(sequenceId);
  expect(store.roundTrips).toBeGreaterThan(before);
}

// One Redis client library per fault (both are covered by test/redis/store.test.ts and the 4-process test).
describe('shared rate-limit store faults (ioredis)', () => {
  let redisClient: TestClient;
  beforeAll(async () => {
    redisClient = await openClient('ioredis', redis.url);
  });
  afterAll(() => redisClient.close());

  it('Redis killed mid-pull: the pull completes on local pacing with one warning, each page once, and shares again once Redis is back', async () => {
    const { whippy, store, lines, warnings } = setup(redisClient);
    const ids = await pull(whippy, () => redis.kill());
    expectEachPageOnce(ids);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/rate-limit store failed .*pacing this process alone/);

    await redis.restart();
    await sharedAgain(whippy, store, lines);
    const keys = (await redisClient.command('KEYS', '*')) as string[];
    expect(keys.some((key) => key.endsWith(':state'))).toBe(true);
  });
});

describe('shared rate-limit store faults (node-redis)', () => {
  let redisClient: TestClient;
  beforeAll(async () => {
    redisClient = await openClient('node-redis', redis.url);
  });
  afterAll(() => redisClient.close());

  it('Redis paused (SIGSTOP): no request waits on it past the store timeout, one warning, and the budget is shared again after SIGCONT', async () => {
    const { whippy, store, lines, warnings } = setup(redisClient);
    const ids = await pull(whippy, () => redis.pause());
    redis.resume();
    expectEachPageOnce(ids);
    expect(warnings()).toHaveLength(1);
    await sharedAgain(whippy, store, lines);
    expect(warnings()).toHaveLength(1);
    // The bound is this test's timeout, not a clock reading: 30 pages after the pause at 25/s take
    // about 1.2 s, each probe of the paused store at most 1 s; a request waiting on Redis would hang.
  }, 15_000);
});
