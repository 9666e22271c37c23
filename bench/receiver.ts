// Deliveries per second through webhookReceiver with the SQLite and Redis dedupe stores: 4
// receiver processes (bench/webhook-worker.ts) on one store, fed signed Close deliveries by this
// process over keep-alive HTTP, 32 in flight. Each event is sent twice (a retry), so half the
// deliveries are duplicates; the row checks that onEvent ran exactly once per event.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCloseWebhook } from 'sequence-apis/testing';
import { startReceiverProcess, type ReceiverProcess } from './receiver-processes.ts';
import type { Result } from './support.ts';
import type { ReceiverWorkerConfig } from './webhook-worker.ts';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PROCESSES = 4;
const IN_FLIGHT = 32;

/** A redis-server of our own on `port`, or undefined when none is installed. */
async function startRedisServer(port: number): Promise<(() => void) | undefined> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const ok = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    setTimeout(() => resolve(child.exitCode === null), 300);
  });
  return ok ? () => child.kill('SIGKILL') : undefined;
}

/** Sends every delivery (each `copies` times), `IN_FLIGHT` at a time, round-robin over the receivers; retries 503s. */
async function drive(receivers: ReceiverProcess[], deliveries: { body: string; headers: Record<string, string> }[]): Promise<number> {
  let next = 0;
  let sent = 0;
  const lane = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      for (;;) {
        const response = await fetch(receivers[sent++ % receivers.length]!.url, { method: 'POST', ...delivery });
        await response.arrayBuffer();
        if (response.status === 200) break;
        if (response.status !== 503) throw new Error(`receiver answered ${response.status}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return performance.now() - started;
}

async function measure(name: string, store: ReceiverWorkerConfig['store'], events: number, dir: string): Promise<Result> {
  const effects = join(dir, `${name}.log`);
  writeFileSync(effects, '');
  const worker = [process.execPath, new URL('./webhook-worker.ts', import.meta.url).pathname];
  const config: ReceiverWorkerConfig = { store, signatureKey: KEY, effects, toleranceSeconds: 3600 };
  const receivers = await Promise.all(Array.from({ length: PROCESSES }, () => startReceiverProcess(worker, config)));
  try {
    const deliveries = [];
    for (let i = 0; i < events; i++) {
      const body = JSON.stringify({
        subscription_id: 'whsub_b',
        event: { id: `ev_${name}_${i}`, object_type: 'lead', object_id: `lead_${i}`, action: 'created' },
      });
      const signed = { body, headers: await signCloseWebhook(body, KEY) };
      deliveries.push(signed, signed);
    }
    deliveries.sort((a, b) => a.body.localeCompare(b.body)); // each copy right after the other: duplicates race
    const ms = await drive(receivers, deliveries);
    const ran = readFileSync(effects, 'utf8').split('\n').filter(Boolean).length;
    return {
      target: `webhook receiver, ${name} store, ${PROCESSES} processes: deliveries/s (half duplicates)`,
      measured: `${Math.round((deliveries.length * 1000) / ms)}/s; onEvent ran ${ran} times for ${events} events`,
      limit: 'onEvent exactly once per event',
      ok: ran === events,
    };
  } finally {
    await Promise.all(receivers.map((r) => r.stop()));
  }
}

/** The receiver benchmark's rows (Redis's only when redis-server is installed). */
export async function receiver(smoke: boolean): Promise<Result[]> {
  const events = smoke ? 100 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-bench-receiver-'));
  const results: Result[] = [];
  try {
    results.push(await measure('SQLite', { sqlite: join(dir, 'dedupe.sqlite') }, events, dir));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const stopRedis = await startRedisServer(port);
    if (stopRedis) {
      try {
        results.push(await measure('Redis', { redis: `redis://127.0.0.1:${port}`, keyPrefix: 'bench' }, events, dir));
      } finally {
        stopRedis();
      }
    } else console.warn('bench/receiver: redis-server is not installed; the Redis row is left out');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
