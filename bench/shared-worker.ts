// One of the N processes of the shared-budget benchmark (bench/shared-budget.ts): once set up it
// prints `ready`, reads `{startAt, stopAt}` from stdin, and from `startAt` to `stopAt` keeps `concurrency` Whippy and `concurrency` Close requests in flight, pacing
// through a shared Redis store (or alone), and prints what it did as one JSON line.
import { CloseClient } from 'sequence-apis/close';
import { redisRateLimitStore, type RedisRateLimitStore } from 'sequence-apis/redis';
import { WhippyClient } from 'sequence-apis/whippy';

/** What the parent tells a worker. */
export interface WorkerConfig {
  whippy: { baseUrl: string; sequenceId: string };
  close: { baseUrl: string; sequenceId: string };
  /** Omitted: each process paces alone. */
  redis?: { url: string; library: 'ioredis' | 'node-redis'; keyPrefix: string };
  concurrency: number;
}

/** What a worker reports. */
export interface WorkerReport {
  whippy: { ok: number; failed: number };
  close: { ok: number; failed: number };
  /** Redis calls of each client's store. */
  roundTrips: { whippy: number; close: number };
}

interface Shared {
  whippy: RedisRateLimitStore;
  close: RedisRateLimitStore;
  disconnect: () => void;
}

/** One Redis connection, one store per client (so each one's round trips can be counted). */
async function connect(redis: NonNullable<WorkerConfig['redis']>): Promise<Shared> {
  const stores = (client: Parameters<typeof redisRateLimitStore>[0]['client']) => ({
    whippy: redisRateLimitStore({ client, keyPrefix: redis.keyPrefix }),
    close: redisRateLimitStore({ client, keyPrefix: redis.keyPrefix }),
  });
  if (redis.library === 'ioredis') {
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    return { ...stores(client), disconnect: () => client.disconnect() };
  }
  const { createClient } = await import('redis');
  const client = createClient({ url: redis.url });
  await client.connect();
  return { ...stores(client), disconnect: () => client.destroy() };
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as WorkerConfig;
  const shared = config.redis ? await connect(config.redis) : undefined;
  const whippy = new WhippyClient({
    baseUrl: config.whippy.baseUrl,
    apiKey: 'test_whippy_key',
    logLevel: 'warn',
    validation: 'off',
    ...(shared ? { rateLimitStore: shared.whippy } : {}),
  });
  const close = new CloseClient({
    baseUrl: config.close.baseUrl,
    apiKey: 'test_close_key',
    logLevel: 'warn',
    validation: 'off',
    ...(shared ? { rateLimitStore: shared.close } : {}),
  });
  const report: WorkerReport = { whippy: { ok: 0, failed: 0 }, close: { ok: 0, failed: 0 }, roundTrips: { whippy: 0, close: 0 } };
  process.stdout.write('ready\n');
  const { startAt, stopAt } = await new Promise<{ startAt: number; stopAt: number }>((resolve) =>
    process.stdin.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { startAt: number; stopAt: number })),
  );
  process.stdin.pause();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const loop = async (send: () => PromiseLike<unknown>, count: { ok: number; failed: number }) => {
    while (Date.now() < stopAt) {
      try {
        await send();
        count.ok++;
      } catch {
        count.failed++;
      }
    }
  };
  const loops: Promise<void>[] = [];
  for (let i = 0; i < config.concurrency; i++) {
    loops.push(loop(() => whippy.sequences.runs.list(config.whippy.sequenceId, { limit: 1 }), report.whippy));
    loops.push(loop(() => close.subscriptions.list({ sequence_id: config.close.sequenceId, _limit: 1 }), report.close));
  }
  await Promise.all(loops);
  report.roundTrips = { whippy: shared?.whippy.roundTrips ?? 0, close: shared?.close.roundTrips ?? 0 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  shared?.disconnect();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
