// Issue 14: N = 4 processes on one key against fakes enforcing the vendor's limit across all of
// them, sharing one Redis store, beside the same 4 pacing alone. Finds (or installs) redis-server as the tests do.
import { fileURLToPath } from 'node:url';
import { startFakeServer } from 'sequence-apis/testing';
import { startRedis } from '../test/helpers/redis.ts';
import { describeHeld, runProcesses, type HeldLimit } from './shared-budget.ts';
import type { Result } from './support.ts';

const meets = (limit: HeldLimit) => limit.served / limit.allowed >= 0.95 && limit.limited / Math.max(1, limit.total) < 0.01;

export async function sharedBudget(smoke: boolean): Promise<Result[]> {
  const [server, redis] = await Promise.all([startFakeServer(), startRedis()]);
  const worker = [process.execPath, fileURLToPath(new URL('./shared-worker.ts', import.meta.url))];
  const durationMs = smoke ? 1_000 : 8_000;
  try {
    const shared = await runProcesses({ server, worker, processes: 4, durationMs, redisUrl: redis.url });
    const alone = await runProcesses({ server, worker, processes: 4, durationMs, redisUrl: undefined });
    const trips = shared.roundTripsPerRequest!;
    return [
      {
        target: `4 processes on one Whippy key (25 req/s token bucket), shared through Redis, ${durationMs / 1000} s`,
        measured: `${describeHeld(shared.whippy)}; pacing alone: ${describeHeld(alone.whippy)}`,
        limit: '>= 95%, < 1% 429',
        ok: meets(shared.whippy),
      },
      {
        target: `4 processes on one Close key (RateLimit window of 20 per 1 s), shared through Redis, ${durationMs / 1000} s`,
        measured: `${describeHeld(shared.close)}; pacing alone: ${describeHeld(alone.close)}`,
        limit: '>= 95%, < 1% 429',
        ok: meets(shared.close),
      },
      {
        target: 'Redis round trips per request (one EVALSHA per acquire; a settle when the answer says something or a window is tracked)',
        measured: `Whippy ${trips.whippy.toFixed(2)}, Close ${trips.close.toFixed(2)}`,
        limit: 'Whippy <= 1.1',
        ok: trips.whippy <= 1.1,
      },
    ];
  } finally {
    await Promise.all([server.stop(), redis.stop()]);
  }
}
