// Target (issue 20): keeping a Close organisation of 20 sequences x 5,000 subscriptions in SQLite.
// The snapshot's time and requests (one list per sequence, 100 a page: Close's default, its maximum
// unpublished), then an incremental run after 100 changed subscriptions: at most 3 + 100 requests
// per stream (one event-log list per action, plus what the changes add). Smoke: 20 x 250.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseClient } from 'sequence-apis/close';
import { sync } from 'sequence-apis/sync';
import { CloseFake, startFakeServer } from 'sequence-apis/testing';
import type { Result } from './support.ts';

const SEQUENCES = 20;
const CHANGES = 100;

export async function syncBench(smoke: boolean): Promise<Result[]> {
  const perSequence = smoke ? 250 : 5_000;
  let time = Date.parse('2026-11-01T00:00:00Z');
  const now = () => new Date(time);
  const fake = new CloseFake({ clock: now });
  const server = await startFakeServer({ close: fake });
  const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-bench-sync-'));
  const db = join(dir, 'pulls.sqlite');
  try {
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off', validation: 'off' });
    for (let i = fake.sequences.size; i < SEQUENCES; i++) {
      await close.sequences.create({ name: `Bench ${i}`, timezone: 'UTC', steps: [{ step_type: 'call', delay: 0 }] });
    }
    for (const [id, seq] of fake.sequences) {
      const has = [...fake.subscriptions.values()].filter((s) => s.sequence_id === seq.id).length;
      fake.seedSubscriptions(id, perSequence - has);
    }
    time += 3_600_000; // the set-up's events lie before the snapshot's watermark
    const started = performance.now();
    const snapshot = await sync({ client: close, db, now });
    const snapshotMs = performance.now() - started;
    const subs = snapshot.streams.subscriptions!;
    // The floor: the same pages walked without writing anything (the fake's own cost included).
    const floorStarted = performance.now();
    for (const id of fake.sequences.keys()) for await (const page of close.subscriptions.list({ sequence_id: id }).pages()) void page;
    const floorMs = performance.now() - floorStarted;

    time += 3_600_000;
    for (const id of [...fake.subscriptions.keys()].slice(0, CHANGES)) await close.subscriptions.update(id, { status: 'paused' });
    time += 60_000;
    const before = fake.requestCount;
    const incStarted = performance.now();
    const incremental = await sync({ client: close, db, now });
    const incMs = performance.now() - incStarted;
    const asked = fake.requestCount - before;
    const perStream = Object.entries(incremental.streams).map(([name, r]) => `${name} ${r.requests}`);
    const worst = Math.max(...Object.values(incremental.streams).map((r) => r.requests));
    const total = SEQUENCES * perSequence;
    return [
      {
        target: `sync snapshot of Close ${SEQUENCES} sequences x ${perSequence.toLocaleString('en')} subscriptions into SQLite`,
        measured: `${(snapshotMs / 1000).toFixed(1)} s (the same pages read without writing: ${(floorMs / 1000).toFixed(1)} s), ${subs.requests + snapshot.streams.sequences!.requests} requests, ${subs.inserted.toLocaleString('en')} rows`,
        limit: `all ${total.toLocaleString('en')} rows`,
        ok: subs.inserted === total && subs.complete,
      },
      {
        target: `sync incremental after ${CHANGES} changed subscriptions (requests per stream)`,
        measured: `${perStream.join(', ')} (${asked} in all, ${(incMs / 1000).toFixed(2)} s); ${incremental.streams.subscriptions!.updated} rows updated`,
        limit: `<= 3 + ${CHANGES} per stream`,
        ok: worst <= 3 + CHANGES && incremental.streams.subscriptions!.updated === CHANGES,
      },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
