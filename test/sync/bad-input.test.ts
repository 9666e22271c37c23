import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { parseDbTarget, sync, SyncDatabaseError } from '../../src/sync/index.js';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { SINKS } from '../helpers/sync-sinks.js';

let dir: string;
let server: FakeServer;
let fake: CloseFake;
let close: CloseClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-sync-bad-'));
  fake = new CloseFake({ maxSkip: 100 });
  server = await startFakeServer({ close: fake });
  close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the --db target', () => {
  it.each([
    ['pulls.sqlite', { kind: 'sqlite', path: 'pulls.sqlite' }],
    ['./data/pulls.db', { kind: 'sqlite', path: './data/pulls.db' }],
    ['postgres://user@host/db', { kind: 'postgres', url: 'postgres://user@host/db' }],
    ['postgresql://user:secret@host:5432/db', { kind: 'postgres', url: 'postgresql://user:secret@host:5432/db' }],
  ])('%s is read as %o', (db, target) => expect(parseDbTarget(db)).toEqual(target));

  it.each([
    ['mysql://user@host/db', '--db "mysql://user@host/db" is neither a file path nor a postgres:// URL'],
    ['', '--db is empty: give a SQLite file path or a postgres:// URL'],
  ])('%j is refused in one line', (db, message) => expect(() => parseDbTarget(db)).toThrow(message));

  it('a postgres:// URL to a server that is not there is refused in one line, its password hidden', async () => {
    await expect(sync({ client: close, db: 'postgres://me:secret@127.0.0.1:1/pulls' })).rejects.toThrow(
      /^postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/pulls: cannot reach the PostgreSQL server \(connect ECONNREFUSED 127\.0\.0\.1:1\)$/,
    );
  });
});

describe.each(SINKS)('bad input into $name: one line naming what and where, nothing lost', (factory) => {
  it('an unknown stream names the vendor’s streams, before any request', async () => {
    const before = fake.requestCount;
    await expect(sync({ client: close, db: factory.make(dir).db, streams: ['leads'] })).rejects.toThrow(
      'close has no stream "leads": its streams are sequences, subscriptions, events',
    );
    expect(fake.requestCount).toBe(before);
  });

  it('a table of another layout is refused and left as it was', async () => {
    const sink = factory.make(dir);
    await sink.exec("CREATE TABLE close_sequences (name TEXT); INSERT INTO close_sequences VALUES ('mine')");
    await expect(sync({ client: close, db: sink.db })).rejects.toThrow(
      /table close_sequences has another layout \(no "id" or "json" column\)/,
    );
    await expect(sink.rows('close_subscriptions')).resolves.toEqual(new Map());
  });

  it('a corrupted _sync_state row is refused naming the row and the database; the tables keep their rows', async () => {
    const sink = factory.make(dir);
    await sync({ client: close, db: sink.db, streams: ['sequences'] });
    const rows = await sink.rows('close_sequences');
    await sink.exec('UPDATE _sync_state SET state = \'{"version":1,"watermark":"yesterday"}\' WHERE stream = \'sequences\'');
    const error = await sync({ client: close, db: sink.db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncDatabaseError);
    expect((error as Error).message).toMatch(
      /: _sync_state row close\/sequences is corrupted \(watermark: must be an ISO 8601 date\): delete that row/,
    );
    expect(await sink.rows('close_sequences')).toEqual(rows);
  });
});

describe('a SQLite file', () => {
  it('that is not SQLite is refused in one line naming it, and left byte for byte as it was', async () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    await expect(sync({ client: close, db: path })).rejects.toThrow(
      `${path} is not a SQLite database sequence-apis can open (file is not a database)`,
    );
    expect(readFileSync(path, 'utf8')).toBe('these are my notes, not a database\n'.repeat(200));
  });
});

describe.each(SINKS)('Close’s _skip maximum, into $name', (factory) => {
  it('keeps every row read, reports the stream incomplete with a warning naming stream and offset, on every later run too', async () => {
    const sequenceId = [...fake.sequences.keys()][0]!;
    fake.seedSubscriptions(sequenceId, 250); // pages at _skip 0, 100, 200: the last is refused
    const sink = factory.make(dir);
    const report = await sync({ client: close, db: sink.db });
    expect(report.streams.subscriptions).toMatchObject({ mode: 'snapshot', complete: false });
    expect(report.streams.sequences).toMatchObject({ complete: true });
    const gap = `incomplete: Close refused _skip=200 of sequence ${sequenceId} (its _skip maximum: "Input should be less than or equal to 100"); the rows read before it are kept, the rest of that list is not`;
    expect(report.warnings).toEqual([`close subscriptions: ${gap}`]);
    const rows = await sink.rows('close_subscriptions');
    const expected = [...fake.subscriptions.values()].filter((s) => s.sequence_id !== sequenceId).length + 200;
    expect(rows.size).toBe(expected);
    const again = await sync({ client: close, db: sink.db });
    expect(again.streams.subscriptions).toMatchObject({ mode: 'incremental', complete: false });
    expect(again.warnings).toEqual([`close subscriptions: still ${gap} (since its last snapshot)`]);
    expect((await sink.rows('close_subscriptions')).size).toBe(expected);
  });
});
