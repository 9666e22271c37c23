import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { sync, SyncBusyError } from '../../src/sync/index.js';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { startCli } from '../helpers/cli-child.js';
import { holdRequests, onRequest, useTempDir } from '../helpers/fake-hooks.js';
import { SINKS, type SinkUnderTest } from '../helpers/sync-sinks.js';

const temp = useTempDir('sequence-apis-sync-resume-');

describe.each(SINKS)('Close sync into $name, interrupted', (factory) => {
  let fake: CloseFake;
  let server: FakeServer;
  let close: CloseClient;
  const now = () => new Date('2026-11-01T12:00:00Z');

  beforeEach(async () => {
    fake = new CloseFake({ clock: now });
    for (const id of fake.sequences.keys()) fake.seedSubscriptions(id, 250); // 3 pages of 100 each
    server = await startFakeServer({ close: fake });
    close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
  });
  afterEach(() => server.stop());

  const expected = () => new Map([...fake.subscriptions.values()].map((s) => [String(s.id), s]));
  const full = async (streams?: string[]) => {
    const sink = factory.make(temp.path);
    const before = fake.requestCount;
    await sync({ client: close, db: sink.db, now, streams });
    return { sink, requests: fake.requestCount - before };
  };

  it('stopped at random points, each resumed run continues from the last committed page: the tables equal an uninterrupted run’s, and only the page in flight is asked again', async () => {
    // The snapshot is what commits page by page (an incremental run commits once: see close.ts).
    const streams = ['subscriptions'];
    const whole = await full(streams);
    const sink: SinkUnderTest = factory.make(temp.path);
    const before = fake.requestCount;
    let stops = 0;
    let seed = 12345;
    for (;;) {
      seed = (seed * 48_271) % 2_147_483_647;
      const controller = new AbortController();
      // From the second request on: a stop at every run's first request would never let a page commit.
      onRequest(fake, 2 + (seed % 2), () => controller.abort());
      const outcome = await sync({ client: close, db: sink.db, now, streams, signal: controller.signal }).then(
        () => 'done',
        (error: unknown) => error,
      );
      if (outcome === 'done') break;
      expect(outcome).toMatchObject({ name: 'AbortError' });
      stops++;
    }
    expect(stops).toBeGreaterThanOrEqual(3);
    expect(await sink.rows('close_subscriptions')).toEqual(await whole.sink.rows('close_subscriptions'));
    expect(await sink.rows('close_subscriptions')).toEqual(expected());
    expect(fake.requestCount - before).toBe(whole.requests + stops);
  });

  it('killed with SIGKILL mid-snapshot (a real child process), the next run continues: no row lost or doubled, no committed page asked again', async () => {
    const whole = await full();
    const sink = factory.make(temp.path);
    // A sink that a child process cannot reach by a --db string has nothing to test here.
    if (typeof sink.db !== 'string') return;
    const args = ['sync', 'close', '--db', sink.db, '--base-url', server.close.baseUrl, '--quiet'];
    const env = { CLOSE_API_KEY: 'test_close_key' };
    const before = fake.requestCount;
    const killed = await startCli(args, env);
    onRequest(fake, 6, () => killed.process.kill('SIGKILL'));
    expect(await killed.exited).toMatchObject({ signal: 'SIGKILL', stderr: '' });
    const second = await startCli(args, env);
    const result = await second.exited;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'close sequences: incremental, 0 inserted, 0 updated, 0 deleted, 3 requests, complete\n' +
        `close subscriptions: snapshot, ${fake.subscriptions.size - 254} inserted, 0 updated, 0 deleted, 6 requests, complete\n`,
    );
    // The killed run's sixth request never got its answer: it is the one page asked twice. The
    // sequences, complete before the kill, cost their 3 incremental requests on the second run.
    expect(fake.requestCount - before).toBe(whole.requests + 1 + 3);
    expect(await sink.rows('close_subscriptions')).toEqual(expected());
  });

  it('a second sync of the same vendor into the same database refuses in one line naming the running one; another vendor’s sync runs alongside', async () => {
    const sink = factory.make(temp.path);
    const held = holdRequests(fake);
    const first = sync({ client: close, db: sink.db, now });
    await held.arrived;
    const error = await sync({ client: close, db: sink.db, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncBusyError);
    expect((error as Error).message).toMatch(
      new RegExp(`^another sync of close into .* is running \\(pid ${process.pid} on .*, since .*\\): wait for it to finish$`),
    );
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    const alongside = await sync({ client: whippy, db: sink.db });
    expect(Object.values(alongside.streams).every((s) => s.complete)).toBe(true);
    held.release();
    expect((await first).streams.subscriptions).toMatchObject({ complete: true, inserted: fake.subscriptions.size });
    // Once the first is done, the lock is free again.
    await expect(sync({ client: close, db: sink.db, now })).resolves.toMatchObject({ vendor: 'close' });
  });

  it('a sync in another process holds the lock: the second refuses naming its pid, and runs once it is gone', async () => {
    const sink = factory.make(temp.path);
    if (typeof sink.db !== 'string') return;
    const held = holdRequests(fake);
    const child = await startCli(['sync', 'close', '--db', sink.db, '--base-url', server.close.baseUrl, '--quiet'], {
      CLOSE_API_KEY: 'test_close_key',
    });
    const early = child.exited.then((e) => Promise.reject(new Error(`the child exited first: ${e.stderr}`)));
    await Promise.race([held.arrived, early]);
    await expect(sync({ client: close, db: sink.db, now })).rejects.toThrow(`is running (pid ${child.process.pid} on `);
    held.release();
    expect(await child.exited).toMatchObject({ code: 0 });
    await expect(sync({ client: close, db: sink.db, now })).resolves.toMatchObject({ vendor: 'close' });
  });
});
