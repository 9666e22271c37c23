import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { CloseClient } from '../../src/close/index.js';
import { PULLS_TABLE, pullToFile, pullToSqlite, stateFileOf, type PullPosition } from '../../src/pull/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

// Close's event log is cursor-paged: these pin that a pull of it resumes from the saved cursor.
let server: FakeServer;
let dir: string;
let close: CloseClient;
const EVENTS = 95;
const PAGE = 10;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-events-'));
  const log = server.close.fake.eventLog;
  for (let i = 0; i < EVENTS; i++) log.record('sequence', 'updated', { id: `seq_${i}`, name: `Sequence ${i}`, status: 'active' });
  close = new CloseClient({ apiKey: 'test_close_key', baseUrl: server.close.baseUrl, pacing: false, logLevel: 'off' });
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

const cursorOf = (at: PullPosition | undefined) => (at && 'cursor' in at ? (at.cursor ?? undefined) : undefined);
const events = (signal?: AbortSignal) => (at: PullPosition | undefined) => {
  const start = cursorOf(at);
  return close.events.list({ _limit: PAGE, ...(start ? { _cursor: start } : {}) }, signal ? { signal } : {});
};

/** The `_cursor` of every `/event/` request the fake saw since it was last cleared (undefined: the first page). */
function requestedCursors(): (string | undefined)[] {
  return server.close.fake.requests.filter((r) => r.path === '/event/').map((r) => r.query._cursor);
}

/** The reference walk: every page's cursor in order, and the requests it took. */
async function referenceCursors(): Promise<(string | undefined)[]> {
  server.close.fake.requests.length = 0;
  await events()(undefined).toArray({ limit: EVENTS + 1 });
  return requestedCursors();
}

/** After a resume from `at`, the run asked exactly for the pages from `at` on: none it already had. */
function expectAskedFrom(at: PullPosition | undefined, all: (string | undefined)[]): void {
  const start = cursorOf(at);
  expect(requestedCursors()).toEqual(all.slice(start === undefined ? 0 : all.indexOf(start)));
}

function rows(path: string): Record<string, unknown>[] {
  const db = new DatabaseSync(path);
  try {
    return db.prepare('SELECT * FROM close_events ORDER BY id').all();
  } finally {
    db.close();
  }
}

function savedPosition(path: string): PullPosition | undefined {
  const db = new DatabaseSync(path);
  try {
    const saved = db.prepare(`SELECT state FROM ${PULLS_TABLE}`).get() as { state: string } | undefined;
    return saved ? (JSON.parse(saved.state) as { position?: PullPosition }).position : undefined;
  } finally {
    db.close();
  }
}

let n = 0;
const fileFor = (ext: string) => join(dir, `events-${n++}.${ext}`);
const stops = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 });

describe('resuming a pull of a cursor list (Close events)', () => {
  it('SQLite: interrupted at random pages and resumed equals an uninterrupted pull row for row, asking only for the pages it lacks', async () => {
    const all = await referenceCursors();
    expect(all).toHaveLength(Math.ceil(EVENTS / PAGE));
    const reference = fileFor('db');
    await pullToSqlite(events(), { db: reference, table: 'close_events' });
    const expected = rows(reference);
    expect(expected).toHaveLength(EVENTS);
    await fc.assert(
      fc.asyncProperty(stops, async (stopAfter) => {
        const path = fileFor('db');
        for (const stopAfterPages of stopAfter) {
          const controller = new AbortController();
          let pages = 0;
          await pullToSqlite(events(controller.signal), {
            db: path,
            table: 'close_events',
            resume: true,
            batchSize: 2 * PAGE, // commits every other page: an interruption also drops uncommitted pages
            onPage: () => ++pages >= stopAfterPages && controller.abort(),
          }).catch((error: unknown) => expect(controller.signal.aborted, String(error)).toBe(true));
        }
        const at = existsSync(path) ? savedPosition(path) : undefined;
        if (at) expect(at).toEqual({ cursor: expect.stringMatching(/^n_ev/) });
        server.close.fake.requests.length = 0;
        await pullToSqlite(events(), { db: path, table: 'close_events', resume: true });
        expectAskedFrom(at, all);
        expect(rows(path)).toEqual(expected);
      }),
      { numRuns: 6 },
    );
  });

  it('NDJSON: interrupted at random pages and resumed gives the same bytes, asking only for the pages it lacks', async () => {
    const all = await referenceCursors();
    const reference = fileFor('ndjson');
    await pullToFile(events(), { path: reference, format: 'ndjson' });
    const expected = readFileSync(reference, 'utf8');
    expect(expected.trim().split('\n')).toHaveLength(EVENTS);
    await fc.assert(
      fc.asyncProperty(stops, async (stopAfter) => {
        const path = fileFor('ndjson');
        for (const stopAfterPages of stopAfter) {
          const controller = new AbortController();
          let pages = 0;
          await pullToFile(events(controller.signal), {
            path,
            format: 'ndjson',
            resume: true,
            onPage: () => ++pages >= stopAfterPages && controller.abort(),
          }).catch((error: unknown) => expect(controller.signal.aborted, String(error)).toBe(true));
        }
        const state = existsSync(stateFileOf(path))
          ? (JSON.parse(readFileSync(stateFileOf(path), 'utf8')) as { position?: PullPosition })
          : undefined;
        server.close.fake.requests.length = 0;
        await pullToFile(events(), { path, format: 'ndjson', resume: true });
        expectAskedFrom(state?.position, all);
        expect(readFileSync(path, 'utf8')).toBe(expected);
      }),
      { numRuns: 6 },
    );
  });

  it('CLI: `close events list --resume` continues from the saved cursor, to the same file an uninterrupted run writes', async () => {
    const all = await referenceCursors();
    const cli = (out: string, signal = new AbortController().signal) =>
      main(
        ['close', 'events', 'list', '--page-size', String(PAGE), '--out', out, '--resume', '--quiet', '--base-url', server.close.baseUrl],
        {
          stderr: () => undefined,
          signal,
        },
      );
    const reference = fileFor('ndjson');
    expect(await cli(reference)).toBe(EXIT.ok);
    const path = fileFor('ndjson');
    const controller = new AbortController();
    const fake = server.close.fake;
    const original = fake.handle.bind(fake);
    let seen = 0;
    fake.handle = (request) => {
      if (++seen > 3) controller.abort(); // three pages arrive; the fourth never does
      return original(request);
    };
    try {
      expect(await cli(path, controller.signal)).toBe(EXIT.interrupted);
    } finally {
      fake.handle = original;
    }
    const state = JSON.parse(readFileSync(stateFileOf(path), 'utf8')) as { position?: PullPosition; items: number };
    expect(state).toMatchObject({ items: 3 * PAGE, position: { cursor: all[3] } });
    fake.requests.length = 0;
    expect(await cli(path)).toBe(EXIT.ok);
    expectAskedFrom(state.position, all);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(reference, 'utf8'));
  });
});
