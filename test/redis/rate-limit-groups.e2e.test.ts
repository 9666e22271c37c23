import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import type { PacingEvent } from '../../src/core/hooks.js';
import { AbortError } from '../../src/index.js';
import { redisRateLimitStore } from '../../src/redis/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
let server: FakeServer;
let redis: TestRedis;
let dir: string;
let worker: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-groups-'));
  // The other process runs the SDK's source, bundled, so plain node starts it.
  await build({
    entryPoints: [fileURLToPath(new URL('./group-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'worker.cjs'),
    logLevel: 'error',
    alias: { 'sequence-apis/close': src('close/index.ts'), 'sequence-apis/redis': src('redis/index.ts') },
  });
  worker = join(dir, 'worker.cjs');
  [server, redis] = await Promise.all([startFakeServer(), startRedis()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([server?.stop(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('Close endpoint groups shared through Redis, across two processes', () => {
  it('a 429 another process met on GET /sequence_subscription/ holds that group here, and leaves GET /sequence/ undelayed', async () => {
    const fake = server.close.fake;
    const sequenceId = [...fake.sequences.keys()][0]!;
    fake.setRateLimit({ limit: 1, windowMs: 120_000 });
    const keyPrefix = `groups-${Date.now()}`;
    // Spend the subscriptions group's window unpaced: the other process's call there meets a 429.
    await new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off', pacing: false }).subscriptions.list({
      sequence_id: sequenceId,
    });
    const config = { baseUrl: server.close.baseUrl, redisUrl: redis.url, keyPrefix, sequenceId };
    const { stdout } = await promisify(execFile)(process.execPath, [worker, JSON.stringify(config)], { timeout: 20_000 });
    expect(JSON.parse(stdout)).toEqual({ outcome: 'RateLimitError' });
    expect(fake.rateLimitedCount).toBe(1);

    const client = new Redis(redis.url);
    try {
      const waits: PacingEvent[] = [];
      const close = new CloseClient({
        baseUrl: server.close.baseUrl,
        apiKey: 'test_close_key',
        logLevel: 'off',
        maxRetries: 0,
        rateLimitStore: redisRateLimitStore({ client, keyPrefix }),
        onPacing: (event) => waits.push(event),
      });
      // Another group: sent at once, no pacing wait (the clock is never read here).
      await close.sequences.list();
      expect(waits).toEqual([]);
      // The group the other process met the 429 on: held for the wait it asked for.
      const abort = new AbortController();
      const held = close.subscriptions.list({ sequence_id: sequenceId }, { signal: abort.signal }).then(
        () => undefined,
        (error: unknown) => error,
      );
      await vi.waitFor(() => expect(waits).toHaveLength(1));
      expect(waits[0]!.reason).toContain('GET sequence_subscription/');
      // (The 429 asked for 120 s; the client caps any server wait at `maxRetryAfter`, 60 s by default.)
      expect(waits[0]!.waitMs).toBeGreaterThan(30_000);
      abort.abort();
      expect(await held).toBeInstanceOf(AbortError);
      expect(fake.rateLimitedCount).toBe(1);
    } finally {
      client.disconnect();
    }
  }, 30_000);
});
