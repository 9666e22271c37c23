import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeHeld, runProcesses, type SharedRun } from '../../bench/shared-budget.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
let server: FakeServer;
// The run's shared redis-server (test/setup/services.ts).
const redis = { url: inject('redisUrl') };
let dir: string;
let worker: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-shared-'));
  // The workers run the SDK's source, bundled (one file, Redis clients included) so plain node starts it.
  await build({
    entryPoints: [fileURLToPath(new URL('../../bench/shared-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'worker.cjs'),
    logLevel: 'error',
    alias: {
      'sequence-apis/close': src('close/index.ts'),
      'sequence-apis/whippy': src('whippy/index.ts'),
      'sequence-apis/redis': src('redis/index.ts'),
    },
  });
  worker = [process.execPath, join(dir, 'worker.cjs')];
  server = await startFakeServer();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('one budget across 4 processes', () => {
  let shared: SharedRun;
  let alone: SharedRun;
  beforeAll(async () => {
    shared = await runProcesses({ server, worker, processes: 4, durationMs: 2_000, redisUrl: redis.url });
    alone = await runProcesses({ server, worker, processes: 4, durationMs: 2_000, redisUrl: undefined });
    console.info(
      [
        `shared  whippy ${describeHeld(shared.whippy)}; close ${describeHeld(shared.close)}`,
        `alone   whippy ${describeHeld(alone.whippy)}; close ${describeHeld(alone.close)}`,
        `redis round trips per request: ${JSON.stringify(shared.roundTripsPerRequest)}`,
      ].join('\n'),
    );
  }, 30_000);

  // The targets (>= 95 % of the limit, < 1 % answered 429) are enforced by `npm run bench` over 8 s.
  // Here, 2 s on a machine that may be busy (timers late by 100 ms and more): the shared run must
  // hold the limit closely and refuse a fraction of what the same processes meet pacing alone.
  it("shared through Redis, 4 processes hold Whippy's 25 req/s bucket together (unshared, they overshoot it)", () => {
    expect(shared.whippy.served / shared.whippy.allowed).toBeGreaterThanOrEqual(0.9);
    expect(shared.whippy.limited / shared.whippy.total).toBeLessThan(0.05);
    expect(alone.whippy.limited / alone.whippy.total).toBeGreaterThan(0.3);
  });

  it("shared through Redis, 4 processes hold Close's announced RateLimit window together (unshared, they overshoot it)", () => {
    expect(shared.close.served / shared.close.allowed).toBeGreaterThanOrEqual(0.9);
    expect(shared.close.limited / shared.close.total).toBeLessThan(0.05);
    expect(alone.close.limited / alone.close.total).toBeGreaterThan(0.15);
  });

  it('an acquire is one Redis round trip: Whippy requests need nothing more (Close adds a settle per request)', () => {
    expect(shared.roundTripsPerRequest!.whippy).toBeLessThan(1.15);
    expect(shared.roundTripsPerRequest!.close).toBeGreaterThanOrEqual(2);
  });
});
