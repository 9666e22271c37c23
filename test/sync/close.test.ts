import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { sync } from '../../src/sync/index.js';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { useTempDir } from '../helpers/fake-hooks.js';
import { SINKS, type SinkUnderTest } from '../helpers/sync-sinks.js';

const DAY = 86_400_000;
const temp = useTempDir('sequence-apis-sync-close-');

describe.each(SINKS)('Close sync into $name', (factory) => {
  let time: number;
  let fake: CloseFake;
  let server: FakeServer;
  let sink: SinkUnderTest;
  let close: CloseClient;
  const now = () => new Date(time);

  beforeEach(async () => {
    time = Date.parse('2026-11-01T12:00:00Z');
    fake = new CloseFake({ clock: now });
    server = await startFakeServer({ close: fake });
    sink = factory.make(temp.path);
    close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
  });
  afterEach(() => server.stop());

  const run = async (streams?: string[]) => {
    const before = fake.requestCount;
    const report = await sync({ client: close, db: sink.db, now, ...(streams ? { streams } : {}) });
    return { report, requests: fake.requestCount - before };
  };
  /** What the fake holds, as the tables should: sequences as listed (no counts), subscriptions as stored. */
  const expected = () => ({
    sequences: new Map([...fake.sequences.values()].map(({ subscription_counts_by_status: _, ...s }) => [String(s.id), s])),
    subscriptions: new Map([...fake.subscriptions.values()].map((s) => [String(s.id), s])),
  });
  const tables = async () => ({ sequences: await sink.rows('close_sequences'), subscriptions: await sink.rows('close_subscriptions') });

  it('takes a snapshot on the first run: every sequence, then every sequence’s subscriptions', async () => {
    const { report, requests } = await run();
    expect(await tables()).toEqual(expected());
    expect(report).toEqual({
      vendor: 'close',
      streams: {
        sequences: { mode: 'snapshot', inserted: 3, updated: 0, deleted: 0, requests: 1, complete: true },
        subscriptions: { mode: 'snapshot', inserted: 12, updated: 0, deleted: 0, requests: 4, complete: true },
      },
      warnings: [],
    });
    expect(requests).toBe(5);
  });

  it('applies creates, updates and deletes from the event log, the latest change winning, in at most 3 requests per stream plus one per changed object', async () => {
    await run();
    time += DAY;
    const [seqA, seqB] = [...fake.sequences.keys()];
    const [sub1, sub2] = [...fake.subscriptions.keys()];
    await close.sequences.update(seqA!, { name: 'Renamed once' });
    time += 1000;
    await close.sequences.update(seqA!, { name: 'Renamed twice' }); // the later change wins
    await close.sequences.delete(seqB!);
    await close.sequences.create({ name: 'New', timezone: 'UTC', steps: [{ step_type: 'call', delay: 0 }] });
    await close.subscriptions.update(sub1!, { status: 'paused' });
    time += 1000;
    await close.subscriptions.update(sub1!, { status: 'active' });
    fake.removeSubscription(sub2!);
    await close.subscriptions.create({
      sequence_id: seqA!,
      contact_id: 'cont_new',
      contact_email: 'new@example.com',
      sender_account_id: 'emailacct_x',
      sender_name: 'Sales',
      sender_email: 'sales@example.com',
    });
    time += DAY;
    const { report, requests } = await run();
    expect(await tables()).toEqual(expected());
    expect(report.streams).toEqual({
      sequences: { mode: 'incremental', inserted: 1, updated: 1, deleted: 1, requests: 3, complete: true },
      subscriptions: { mode: 'incremental', inserted: 1, updated: 1, deleted: 1, requests: 3, complete: true },
    });
    expect(requests).toBe(6);
    expect(fake.requests.slice(-6).map((r) => [r.path, r.query.object_type, r.query.action])).toEqual([
      ['/event/', 'sequence', 'created'],
      ['/event/', 'sequence', 'updated'],
      ['/event/', 'sequence', 'deleted'],
      ['/event/', 'sequence_subscription', 'created'],
      ['/event/', 'sequence_subscription', 'updated'],
      ['/event/', 'sequence_subscription', 'deleted'],
    ]);
  });

  it('asks 3 requests per stream when nothing changed, and writes nothing', async () => {
    await run();
    time += DAY;
    const { report, requests } = await run();
    expect(requests).toBe(6);
    for (const stream of Object.values(report.streams))
      expect(stream).toMatchObject({ mode: 'incremental', inserted: 0, updated: 0, deleted: 0, requests: 3 });
    expect(await tables()).toEqual(expected());
  });

  it('k changed objects cost at most k more requests (200 updated subscriptions: 4 more pages of 50 events)', async () => {
    fake.seedSubscriptions([...fake.sequences.keys()][0]!, 200);
    await run(['subscriptions']);
    time += DAY;
    const ids = [...fake.subscriptions.keys()].slice(0, 200);
    for (const id of ids) await close.subscriptions.update(id, { status: 'paused' });
    time += 1000;
    const { report } = await run(['subscriptions']);
    expect(report.streams.subscriptions).toMatchObject({ mode: 'incremental', updated: 200, requests: 3 + 3 });
    expect(report.streams.subscriptions!.requests).toBeLessThanOrEqual(3 + 200);
    expect((await tables()).subscriptions).toEqual(expected().subscriptions);
  });

  it('a watermark older than the event log’s 30 days takes a new snapshot, in one warning, and deletes what went meanwhile', async () => {
    await run();
    fake.removeSubscription([...fake.subscriptions.keys()][0]!);
    time += 31 * DAY; // the delete event is forgotten by the log
    const { report } = await run();
    expect(report.warnings).toEqual([
      expect.stringMatching(/^close sequences: last synced .*, longer ago than the event log's 30 days: taking a new snapshot$/),
      expect.stringMatching(/^close subscriptions: last synced .*, longer ago than the event log's 30 days: taking a new snapshot$/),
    ]);
    expect(report.streams.subscriptions).toMatchObject({ mode: 'snapshot', inserted: 0, updated: 11, deleted: 1, complete: true });
    expect(await tables()).toEqual(expected());
  });

  it('the events stream, asked for by name, keeps the log’s entries about sequences and subscriptions: 30 days at first, then from the watermark', async () => {
    await close.sequences.update([...fake.sequences.keys()][0]!, { name: 'Renamed' });
    const first = await run(['events']);
    expect(first.report.streams).toEqual({
      events: { mode: 'snapshot', inserted: 1, updated: 0, deleted: 0, requests: 6, complete: true },
    });
    time += DAY;
    fake.removeSubscription([...fake.subscriptions.keys()][0]!);
    time += 1000;
    const second = await run(['events']);
    expect(second.report.streams.events).toMatchObject({ mode: 'incremental', inserted: 1, requests: 6 });
    expect(await sink.rows('close_events')).toEqual(new Map(fake.eventLog.events.map((e) => [String(e.id), e])));
    // Not a default stream: a plain sync leaves it alone.
    expect(Object.keys((await run()).report.streams)).toEqual(['sequences', 'subscriptions']);
  });
});
