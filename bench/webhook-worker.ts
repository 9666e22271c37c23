// One receiver process for the exactly-once tests (test/webhooks/processes.e2e.test.ts) and the
// receiver benchmark (bench/receiver.ts): a node:http server running webhookReceiver on a shared
// SQLite file or Redis. Prints `listening <port>` once up; each onEvent appends `<pid> <key>` to
// the effects file (O_APPEND: one line per write, whole) and prints `running <key>` as it starts.
// With `hang`, onEvent never returns: the test kills the process while it holds the lease.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { redisDedupeStore } from 'sequence-apis/redis';
import { sqliteDedupeStore, webhookReceiver, type DedupeStore } from 'sequence-apis/webhooks';

/** What the parent tells a worker (JSON in argv[2]). */
export interface ReceiverWorkerConfig {
  store: { sqlite: string } | { redis: string; keyPrefix: string };
  /** Close's signature key (hex). */
  signatureKey: string;
  effects: string;
  hang?: boolean;
  /** Signed timestamps may be this old (the benchmark signs its deliveries up front). */
  toleranceSeconds?: number;
}

async function store(config: ReceiverWorkerConfig): Promise<DedupeStore> {
  if ('sqlite' in config.store) return sqliteDedupeStore({ path: config.store.sqlite });
  const { Redis } = await import('ioredis');
  return redisDedupeStore({ client: new Redis(config.store.redis), keyPrefix: config.store.keyPrefix });
}

const config = JSON.parse(process.argv[2]!) as ReceiverWorkerConfig;
const receive = webhookReceiver({
  close: { signatureKey: config.signatureKey, toleranceSeconds: config.toleranceSeconds ?? 300 },
  dedupe: await store(config),
  onError: () => {},
  onEvent: async ({ key }) => {
    process.stdout.write(`running ${key}\n`);
    if (config.hang) await new Promise(() => {});
    appendFileSync(config.effects, `${process.pid} ${key}\n`);
  },
});
const server = createServer((request, response) => void receive.node(request, response));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => process.exit(0));
