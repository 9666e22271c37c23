import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { sync } from '../../src/sync/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { useTempDir } from '../helpers/fake-hooks.js';
import { SINKS, type SinkUnderTest } from '../helpers/sync-sinks.js';

const DAY = 86_400_000;
const temp = useTempDir('sequence-apis-sync-wc-');

describe.each(SINKS)('Whippy and Clarion syncs into $name', (factory) => {
  let server: FakeServer;
  let sink: SinkUnderTest;
  let time: number;
  const now = () => new Date(time);
  beforeEach(async () => {
    server = await startFakeServer();
    sink = factory.make(temp.path);
    time = Date.parse('2026-01-03T00:00:00Z');
  });
  afterEach(() => server.stop());

  const byId = (records: Iterable<Record<string, unknown>>) => new Map([...records].map((r) => [String(r.id), r]));

  it('Whippy: a snapshot of sequences, runs and sequence contacts, then runs by start time with a look-back, sequences and contacts whole', async () => {
    const fake = server.whippy.fake;
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    const sequenceId = [...fake.sequences.keys()][0]!;
    fake.seedRuns(sequenceId, 120, Date.parse('2026-01-01T00:00:00Z'));
    const first = await sync({ client: whippy, db: sink.db, now });
    expect(Object.fromEntries(Object.entries(first.streams).map(([s, r]) => [s, r.mode]))).toEqual({
      sequences: 'snapshot',
      runs: 'snapshot',
      sequence_contacts: 'snapshot',
    });
    expect(await sink.rows('whippy_runs')).toEqual(byId(fake.runs.values()));
    expect(await sink.rows('whippy_sequence_contacts')).toEqual(byId(fake.stepContacts.values()));

    // A run started inside the look-back (7 days before the watermark) changes; new runs start.
    time += DAY;
    const runs = [...fake.runs.values()];
    const recent = runs.find((r) => Date.parse(String(r.created_at)) >= time - 8 * DAY)!;
    recent.status = 'finished';
    fake.seedRuns(sequenceId, 3, time - DAY / 2);
    fake.sequences.delete([...fake.sequences.keys()][1]!);
    const before = fake.requestCount;
    const second = await sync({ client: whippy, db: sink.db, now });
    expect(second.streams.runs).toMatchObject({ mode: 'incremental', inserted: 3, deleted: 0, complete: true });
    expect(second.streams.sequences).toMatchObject({ mode: 'snapshot', deleted: 1 });
    const asked = fake.requests.slice(-(fake.requestCount - before)).filter((r) => r.path.endsWith('/sequence_runs'));
    expect(new Set(asked.map((r) => r.query.after))).toEqual(new Set([new Date(time - DAY - 5 * 60_000 - 7 * DAY).toISOString()]));
    expect((await sink.rows('whippy_runs')).get(String(recent.id))).toMatchObject({ status: 'finished' });
    expect(await sink.rows('whippy_sequences')).toEqual(byId(fake.sequences.values()));
  });

  it('Clarion: the whole list each run, upserted; a sequence gone at Clarion is deleted from the table', async () => {
    const fake = server.clarion.fake;
    const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' });
    const first = await sync({ client: clarion, db: sink.db });
    expect(first.streams.sequences).toMatchObject({ mode: 'snapshot', inserted: fake.sequences.size, requests: 1, complete: true });
    const gone = [...fake.sequences.keys()][0]!;
    fake.sequences.delete(gone);
    const second = await sync({ client: clarion, db: sink.db });
    expect(second.streams.sequences).toEqual({
      mode: 'snapshot',
      inserted: 0,
      updated: fake.sequences.size,
      deleted: 1,
      requests: 1,
      complete: true,
    });
    expect(await sink.rows('clarion_sequences')).toEqual(byId(fake.sequences.values()));
  });
});
