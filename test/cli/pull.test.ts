import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { progressLine, summaryLine } from '../../src/cli/progress-line.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { OWASP_PAYLOADS, readAsSpreadsheet } from '../helpers/spreadsheet.js';

let server: FakeServer;
let dir: string;
let sequenceId: string;
const RUNS = 300;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-pull-cli-'));
  sequenceId = String(server.whippy.fake.addSequence('Pull', ['One', 'Two']).id);
  server.whippy.fake.seedRuns(sequenceId, RUNS);
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

async function run(argv: string[], signal = new AbortController().signal) {
  const errors: string[] = [];
  const code = await main([...argv, '--base-url', server.whippy.baseUrl], { stderr: (line) => errors.push(line), signal });
  return { code, errors };
}
const runs = (...extra: string[]) => ['whippy', 'runs', 'list', '--sequence', sequenceId, '--page-size', '100', ...extra];

function count(path: string, sql = 'SELECT count(*) AS n FROM whippy_runs'): unknown {
  const db = new DatabaseSync(path);
  try {
    return db.prepare(sql).get();
  } finally {
    db.close();
  }
}

/** Aborts the run once the fake has answered `requests` requests (the next page never arrives). */
function abortAfter(requests: number): AbortSignal {
  const controller = new AbortController();
  const fake = server.whippy.fake;
  const original = fake.handle.bind(fake);
  let seen = 0;
  fake.handle = async (request) => {
    if (++seen > requests) {
      controller.abort();
      fake.handle = original;
    }
    return original(request);
  };
  return controller.signal;
}

describe('sequence-apis pulls', () => {
  it('pulls into SQLite (table whippy_runs), and a re-run changes no counts; the summary line says items, pages, time, waits', async () => {
    const out = join(dir, 'pull.db');
    const first = await run(runs('--format', 'sqlite', '--out', out));
    expect(first).toEqual({
      code: EXIT.ok,
      errors: [expect.stringMatching(/^sequence-apis: 300\/300 items, 3 pages in \d+\.\d s \(\d+ items\/s\), 0 rate-limit waits$/)],
    });
    expect(count(out)).toEqual({ n: RUNS });
    expect((await run(runs('--format', 'sqlite', '--out', out, '--quiet'))).errors).toEqual([]);
    expect(count(out)).toEqual({ n: RUNS });
    expect(count(out, "SELECT count(*) AS n FROM whippy_runs WHERE status = 'active'")).toEqual({ n: expect.any(Number) });
  });

  it.each(['sqlite', 'ndjson', 'csv'])(
    '%s: an interrupted pull resumed with --resume equals an uninterrupted one, asking for no page twice',
    async (format) => {
      const whole = join(dir, `whole.${format}`);
      const resumed = join(dir, `resumed.${format}`);
      expect((await run(runs('--format', format, '--out', whole, '--quiet'))).code).toBe(EXIT.ok);
      const interrupted = await run(runs('--format', format, '--out', resumed), abortAfter(2));
      expect(interrupted.code).toBe(EXIT.interrupted);
      expect(interrupted.errors.at(-1)).toMatch(/200 item\(s\) written.*run it again with --resume to continue/);
      server.whippy.fake.resetFaults();
      const again = await run(runs('--format', format, '--out', resumed, '--resume'));
      expect(again.code).toBe(EXIT.ok);
      expect(again.errors).toEqual([expect.stringMatching(/^sequence-apis: 300\/300 items \(resumed at 200\), 3 pages/)]);
      expect(server.whippy.fake.requests.map((r) => r.query.offset)).toEqual(['200']);
      if (format === 'sqlite') {
        const sql = 'SELECT group_concat(id || json, char(10)) AS all_rows FROM (SELECT * FROM whippy_runs ORDER BY id)';
        expect(count(resumed, sql)).toEqual(count(whole, sql));
      } else {
        expect(readFileSync(resumed, 'utf8')).toBe(readFileSync(whole, 'utf8'));
        expect(existsSync(`${resumed}.resume.json`)).toBe(false);
      }
    },
  );

  it('pulls afresh with --resume where a list cannot start at a saved position (a retrieve), never appending a duplicate', async () => {
    const out = join(dir, 'one.ndjson');
    writeFileSync(out, '{"id":"old"}\n');
    const key = JSON.stringify(['whippy', 'sequences', 'get', [sequenceId], {}]);
    writeFileSync(
      `${out}.resume.json`,
      JSON.stringify({ version: 1, key, format: 'ndjson', bytes: 13, items: 1, pages: 1, complete: false }),
    );
    expect((await run(['whippy', 'sequences', 'get', sequenceId, '--out', out, '--resume', '--quiet'])).code).toBe(EXIT.ok);
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    ).toEqual([sequenceId]);
  });

  it('neutralises formula cells in CSV by default, keeps them with --csv-formulas=keep, and leaves NDJSON as received', async () => {
    const sequence = server.whippy.fake.addSequence('Payloads', ['One']);
    server.whippy.fake.seedRuns(String(sequence.id), OWASP_PAYLOADS.length);
    const mine = [...server.whippy.fake.runs.values()].filter((r) => r.sequence_id === sequence.id);
    mine.forEach((r, i) => Object.assign(r.contact as object, { name: OWASP_PAYLOADS[i], email: '+cmd|calc', phone: '+15550102000' }));
    const pull = (format: string, out: string, ...extra: string[]) =>
      run(['whippy', 'runs', 'list', '--sequence', String(sequence.id), '--format', format, '--out', out, '--quiet', ...extra]);
    const [safe, kept, ndjson] = [join(dir, 'safe.csv'), join(dir, 'kept.csv'), join(dir, 'raw.ndjson')];
    await pull('csv', safe);
    await pull('csv', kept, '--csv-formulas=keep');
    await pull('ndjson', ndjson);
    const safeRows = parse<Record<string, string>>(readFileSync(safe, 'utf8'), { columns: true });
    for (const row of safeRows) for (const cell of Object.values(row)) expect(readAsSpreadsheet(cell).kind).not.toBe('formula');
    expect(safeRows.map((row) => row['contact.phone'])).toEqual(OWASP_PAYLOADS.map(() => '+15550102000'));
    const keptRows = parse<Record<string, string>>(readFileSync(kept, 'utf8'), { columns: true });
    expect(keptRows.map((row) => row['contact.name']).sort()).toEqual([...OWASP_PAYLOADS].sort());
    const raw = readFileSync(ndjson, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { contact: { name: string } });
    expect(raw.map((r) => r.contact.name).sort()).toEqual([...OWASP_PAYLOADS].sort());
  });
});

describe('progress line', () => {
  const base = { resumedAt: 0, waits: 1, elapsedMs: 2_000 };
  it('shows done/total, a percentage and an ETA where the vendor gives a total', () => {
    expect(progressLine({ ...base, items: 600, pages: 12, total: 1_200 })).toBe(
      '600/1200 items (50.0%) | ETA 2s | 12 pages | 300/s | 1 rate-limit wait',
    );
    expect(progressLine({ ...base, items: 600, resumedAt: 300, pages: 12, total: 12_000, elapsedMs: 1_000 })).toBe(
      '600/12000 items (5.0%) | ETA 38s | 12 pages | 300/s | 1 rate-limit wait',
    );
  });
  it('shows items, pages and rate where it does not', () => {
    expect(progressLine({ ...base, items: 4_350, pages: 87, total: undefined })).toBe('4350 items | 87 pages | 2175/s | 1 rate-limit wait');
    expect(summaryLine({ ...base, items: 1, pages: 1, total: undefined })).toBe('1 item, 1 page in 2.0 s (1 items/s), 1 rate-limit wait');
  });
});
