import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite, pullToSqlite, PULLS_TABLE, type PullPosition } from '../../src/pull/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

let server: FakeServer;
let dir: string;
let sequenceId: string;
let whippy: WhippyClient;
const RUNS = 230;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-sqlite-'));
  sequenceId = String(server.whippy.fake.addSequence('Pull', ['One', 'Two']).id);
  server.whippy.fake.seedRuns(sequenceId, RUNS);
  whippy = new WhippyClient({ apiKey: 'test_whippy_key', baseUrl: server.whippy.baseUrl, pacing: false, logLevel: 'off' });
});
afterAll(() => server.stop());

const runsFrom = (signal?: AbortSignal) => (at: PullPosition | undefined) =>
  whippy.sequences.runs.list(sequenceId, { limit: 20, offset: at && 'offset' in at ? at.offset : 0 }, signal ? { signal } : {});

function rows(path: string): Record<string, unknown>[] {
  const db = new DatabaseSync(path);
  try {
    return db.prepare('SELECT * FROM whippy_runs ORDER BY id').all();
  } finally {
    db.close();
  }
}

let n = 0;
const dbPath = () => join(dir, `pull-${n++}.db`);

describe('pullToSqlite', () => {
  it('writes one row per item: id primary key, the item as received in json, a column per top-level scalar', async () => {
    const path = dbPath();
    const state = await pullToSqlite(runsFrom(), { db: path, table: 'whippy_runs' });
    expect(state).toMatchObject({ items: RUNS, total: RUNS, complete: true });
    const all = rows(path);
    expect(all).toHaveLength(RUNS);
    const received = await whippy.sequences.runs.retrieve(sequenceId, String(all[0]!.id));
    expect(JSON.parse(String(all[0]!.json))).toEqual(received);
    expect(all[0]).toMatchObject({ id: received.id, status: received.status, sequence_id: sequenceId });
    expect(Object.keys(all[0]!)).not.toContain('contact'); // an object: in json only
    const db = new DatabaseSync(path);
    const pk = db.prepare("SELECT name FROM pragma_table_info('whippy_runs') WHERE pk = 1").all();
    db.close();
    expect(pk).toEqual([{ name: 'id' }]);
  });

  it('upserts on a re-run: the count stays, a changed item changes its row, nothing is duplicated', async () => {
    const path = dbPath();
    await pullToSqlite(runsFrom(), { db: path, table: 'whippy_runs' });
    const changed = [...server.whippy.fake.runs.values()].find((run) => run.sequence_id === sequenceId)!;
    const before = changed.status;
    changed.status = 'finished';
    try {
      await pullToSqlite(runsFrom(), { db: path, table: 'whippy_runs' });
    } finally {
      changed.status = before;
    }
    const all = rows(path);
    expect(all).toHaveLength(RUNS);
    const row = all.find((r) => r.id === changed.id)!;
    expect(row.status).toBe('finished');
    expect((JSON.parse(String(row.json)) as { status: string }).status).toBe('finished');
  });

  it('interrupted at random pages and resumed equals an uninterrupted pull row for row, never asking again for a page it has', async () => {
    const reference = dbPath();
    await pullToSqlite(runsFrom(), { db: reference, table: 'whippy_runs' });
    const expected = rows(reference);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 3 }), async (stops) => {
        const path = dbPath();
        for (const stopAfterPages of stops) {
          const controller = new AbortController();
          let pages = 0;
          await pullToSqlite(runsFrom(controller.signal), {
            db: path,
            table: 'whippy_runs',
            resume: true,
            batchSize: 30, // commits every other page: an interruption also drops uncommitted pages
            onPage: () => ++pages >= stopAfterPages && controller.abort(),
          }).catch((error: unknown) => expect(controller.signal.aborted, String(error)).toBe(true));
        }
        const db = new DatabaseSync(path);
        const saved = db.prepare(`SELECT state FROM ${PULLS_TABLE}`).get() as { state: string } | undefined;
        db.close();
        const at = saved ? (JSON.parse(saved.state) as { position?: { offset: number } }).position?.offset : undefined;
        server.whippy.fake.resetFaults();
        await pullToSqlite(runsFrom(), { db: path, table: 'whippy_runs', resume: true });
        const offsets = server.whippy.fake.requests.map((r) => Number(r.query.offset));
        if (at !== undefined) expect(Math.min(...offsets)).toBe(at);
        expect(rows(path)).toEqual(expected);
      }),
      { numRuns: 6 },
    );
  });

  it('creates no database when the pull fails before its first item', async () => {
    const path = dbPath();
    const refused = new WhippyClient({ apiKey: 'wrong', baseUrl: server.whippy.baseUrl, pacing: false, logLevel: 'off' });
    await expect(pullToSqlite(refused.sequences.runs.list(sequenceId), { db: path, table: 'whippy_runs' })).rejects.toThrow(
      /401|uthenticat/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('writes into an open DatabaseSync the caller owns, and leaves it open', async () => {
    const db = new DatabaseSync(':memory:');
    await pullToSqlite(whippy.sequences.list(), { db, table: 'whippy_sequences' });
    expect(db.prepare('SELECT count(*) AS n FROM whippy_sequences').get()).toEqual({ n: server.whippy.fake.sequences.size });
    db.close();
  });

  it('says clearly what is missing on a runtime without node:sqlite', async () => {
    await expect(loadSqlite(() => Promise.reject(new Error('No such built-in module: node:sqlite')))).rejects.toThrow(
      /SQLite output needs Node's built-in node:sqlite .*use NDJSON or CSV instead/,
    );
  });
});
