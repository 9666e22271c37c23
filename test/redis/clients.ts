import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { IoRedisLike, NodeRedisLike } from '../../src/redis/index.js';

/** A Redis client of either library, a raw command for the test's own checks, and how to close it. */
export interface TestClient {
  client: IoRedisLike | NodeRedisLike;
  command: (...args: string[]) => Promise<unknown>;
  close: () => Promise<void>;
}

/** Opens an ioredis or a node-redis client on `url`, as users would (library defaults). */
export async function openClient(library: 'ioredis' | 'node-redis', url: string): Promise<TestClient> {
  if (library === 'ioredis') {
    const client = new Redis(url);
    client.on('error', () => {}); // it reconnects on its own; each command's caller gets its error
    return { client, command: (name, ...args) => client.call(name, ...args), close: () => Promise.resolve(client.disconnect()) };
  }
  const client = createClient({ url });
  client.on('error', () => {}); // it reconnects on its own; each command's caller gets its error
  await client.connect();
  return { client, command: (...args) => client.sendCommand(args), close: () => Promise.resolve(client.destroy()) };
}
