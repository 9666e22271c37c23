import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReceiverProcess, type ReceiverProcess } from '../../bench/receiver-processes.js';
import type { ReceiverWorkerConfig } from '../../bench/webhook-worker.js';
import { redisDedupeStore } from '../../src/redis/index.js';
import { signCloseWebhook } from '../../src/testing/index.js';
import { sqliteDedupeStore, webhookReceiver, type DedupeStore } from '../../src/webhooks/index.js';
import { closeBody, closeRequest, CLOSE_KEY } from '../helpers/deliveries.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
let redis: TestRedis;
let dir: string;
let worker: string[];
let processes: ReceiverProcess[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-receivers-'));
  // The receivers run the SDK's source, bundled into one file plain node starts.
  await build({
    entryPoints: [fileURLToPath(new URL('../../bench/webhook-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'worker.mjs'),
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    alias: { 'sequence-apis/webhooks': src('webhooks/index.ts'), 'sequence-apis/redis': src('redis/index.ts') },
  });
  worker = [process.execPath, join(dir, 'worker.mjs')];
  redis = await startRedis();
}, 30_000);
afterEach(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  processes = [];
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh shared store for the processes, and the same store opened in this process. */
function shared(kind: 'SQLite' | 'Redis'): { config: ReceiverWorkerConfig['store']; open: () => DedupeStore } {
  n++;
  if (kind === 'SQLite') {
    const path = join(dir, `dedupe-${n}.sqlite`);
    return {
      config: { sqlite: path },
      open: () => {
        const store = sqliteDedupeStore({ path });
        closers.push(() => store.close());
        return store;
      },
    };
  }
  const keyPrefix = `p${n}`;
  return {
    config: { redis: redis.url, keyPrefix },
    open: () => {
      const client = new Redis(redis.url);
      closers.push(() => Promise.resolve(client.disconnect()));
      return redisDedupeStore({ client, keyPrefix });
    },
  };
}

function effectsFile(): string {
  const path = join(dir, `effects-${++n}.log`);
  writeFileSync(path, '');
  return path;
}

const effectsOf = (path: string, key: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith(` ${key}`));

/** POSTs a signed delivery until it is answered 200 (a 503 means another process holds it: the vendor would retry). */
async function deliverUntilOk(url: string, body: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 500; attempt++) {
    const response = await fetch(url, { method: 'POST', body, headers: await signCloseWebhook(body, CLOSE_KEY) });
    statuses.push(response.status);
    await response.body?.cancel();
    if (response.status === 200) return statuses;
  }
  throw new Error(`never answered 200: ${statuses.join(' ')}`);
}

describe.each(['SQLite', 'Redis'] as const)('two receiver processes on one %s store', (kind) => {
  it('run onEvent once for one delivery sent 3 times to each, at once', async () => {
    const store = shared(kind);
    const effects = effectsFile();
    processes = await Promise.all(
      [0, 1].map(() => startReceiverProcess(worker, { store: store.config, signatureKey: CLOSE_KEY, effects })),
    );
    const body = closeBody('ev_two_processes');
    const answers = await Promise.all(processes.flatMap((p) => [0, 1, 2].map(() => deliverUntilOk(p.url, body))));
    expect(effectsOf(effects, 'close:ev_two_processes')).toHaveLength(1);
    expect(answers.flat().every((status) => status === 200 || status === 503)).toBe(true);
    expect(processes.flatMap((p) => p.running)).toEqual(['close:ev_two_processes']);
  });

  it('let the next delivery run onEvent after a killed holder’s lease runs out (clock moved, no sleep)', async () => {
    const store = shared(kind);
    const effects = effectsFile();
    const holder = await startReceiverProcess(worker, { store: store.config, signatureKey: CLOSE_KEY, effects, hang: true });
    processes = [holder];
    const body = closeBody('ev_killed');
    void fetch(holder.url, { method: 'POST', body, headers: await signCloseWebhook(body, CLOSE_KEY) }).catch(() => undefined);
    await holder.started('close:ev_killed');
    await holder.kill();

    const clock = { now: Date.now() };
    const ran: string[] = [];
    const receive = webhookReceiver({
      close: { signatureKey: CLOSE_KEY },
      dedupe: store.open(),
      now: () => clock.now,
      onError: () => {},
      onEvent: ({ key }) => void ran.push(key),
    });
    expect((await receive(await closeRequest(body, clock.now))).status).toBe(503);
    clock.now += 61_000;
    expect((await receive(await closeRequest(body, clock.now))).status).toBe(200);
    expect(ran).toEqual(['close:ev_killed']);
  });
});
