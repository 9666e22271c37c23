import type { RateLimitStore } from '../core/rate-limit-store.js';
import { redisRateLimitStore } from '../redis/index.js';

/** A shared rate-limit store on a Redis the command connected to, and how to let go of it. */
export interface CliRedis {
  store: RateLimitStore;
  close: () => void;
}

/**
 * Connects to `url` for `--redis` with whichever client is installed (ioredis, else node-redis;
 * both optional). Not awaited: if Redis is down, the pacer warns once and the pull goes on alone.
 */
export async function openRedis(url: string): Promise<CliRedis> {
  try {
    const { Redis } = await import('ioredis');
    const client = new Redis(url, { maxRetriesPerRequest: 1 });
    client.on('error', () => {}); // the pacer reports a failing store once
    return { store: redisRateLimitStore({ client }), close: () => client.disconnect() };
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  try {
    const { createClient } = await import('redis');
    const client = createClient({ url });
    client.on('error', () => {});
    client.connect().catch(() => {});
    return { store: redisRateLimitStore({ client }), close: () => client.destroy() };
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new Error('--redis needs a Redis client installed next to sequence-apis: npm install ioredis (or redis)', { cause: error });
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
