// The other process of test/redis/rate-limit-groups.e2e.test.ts: one Close call, paced through the
// shared Redis store, that meets the 429 the test arranged; prints the error's class as one JSON line.
import { Redis } from 'ioredis';
import { CloseClient } from 'sequence-apis/close';
import { redisRateLimitStore } from 'sequence-apis/redis';

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as { baseUrl: string; redisUrl: string; keyPrefix: string; sequenceId: string };
  const redis = new Redis(config.redisUrl);
  const store = redisRateLimitStore({ client: redis, keyPrefix: config.keyPrefix });
  const close = new CloseClient({
    baseUrl: config.baseUrl,
    apiKey: 'test_close_key',
    logLevel: 'off',
    maxRetries: 0,
    rateLimitStore: store,
  });
  const outcome = await close.subscriptions.list({ sequence_id: config.sequenceId }).then(
    () => 'ok',
    (error: unknown) => (error instanceof Error ? error.name : String(error)),
  );
  // The settle that tells Redis of the 429 is sent without waiting for it: once a timer has run it
  // is on the socket, and a PING on the same connection is answered after it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await redis.call('PING');
  redis.disconnect();
  process.stdout.write(`${JSON.stringify({ outcome })}\n`);
}

void main();
