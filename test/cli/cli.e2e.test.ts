import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
let dir: string;
let sequenceId: string;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-cli-'));
  const seq = server.whippy.fake.addSequence('Bulk', ['One', 'Two']);
  sequenceId = String(seq.id);
  server.whippy.fake.seedRuns(sequenceId, 1_200);
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
  vi.stubEnv('CLARION_API_KEY', 'test_clarion_token');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});
beforeEach(() => {
  server.whippy.fake.resetFaults();
  server.close.fake.resetFaults();
});

async function run(...argv: string[]) {
  const errors: string[] = [];
  const controller = new AbortController();
  const code = await main(argv, { stderr: (line) => errors.push(line), signal: controller.signal });
  return { code, errors };
}

describe('sequence-apis command', () => {
  it('pulls every Whippy run of a sequence to CSV with one command, sending the filters', async () => {
    const out = join(dir, 'runs.csv');
    const { code, errors } = await run(
      'whippy',
      'runs',
      'list',
      '--sequence',
      sequenceId,
      '--status',
      'active',
      '--after',
      '2026-01-01',
      '--format',
      'csv',
      '--out',
      out,
      '--page-size',
      '500',
      '--concurrency',
      '2',
      '--base-url',
      server.whippy.baseUrl,
    );
    expect({ code, errors }).toEqual({ code: EXIT.ok, errors: [expect.stringMatching(/^sequence-apis: 1200\/1200 items, 3 pages in /)] });
    const rows = parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true });
    expect(rows).toHaveLength(1_200);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'status', 'contact.phone', 'contact.name', 'step_contacts']));
    expect(JSON.parse(rows[0]!.step_contacts!)).toHaveLength(1);
    expect(server.whippy.fake.requests[0]?.query).toMatchObject({ status: 'active', after: '2026-01-01T00:00:00.000Z', limit: '500' });
  });

  it('writes ndjson by default and a JSON array with --format json', async () => {
    const ndjson = join(dir, 'seqs.ndjson');
    const json = join(dir, 'seqs.json');
    expect((await run('close', 'sequences', 'list', '--out', ndjson, '--base-url', server.close.baseUrl)).code).toBe(EXIT.ok);
    expect((await run('close', 'sequences', 'list', '--format', 'json', '--out', json, '--base-url', server.close.baseUrl)).code).toBe(
      EXIT.ok,
    );
    const lines = readFileSync(ndjson, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect((JSON.parse(readFileSync(json, 'utf8')) as { id: string }[]).map((s) => s.id)).toEqual(lines.map((s) => s.id));
  });

  it('stops after --limit items', async () => {
    const out = join(dir, 'limited.ndjson');
    await run(
      'whippy',
      'runs',
      'list',
      '--sequence',
      sequenceId,
      '--limit',
      '120',
      '--page-size',
      '50',
      '--out',
      out,
      '--base-url',
      server.whippy.baseUrl,
    );
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(120);
  });

  it('fetches one object with get (and its alias retrieve)', async () => {
    const id = [...server.close.fake.sequences.keys()][0]!;
    const out = join(dir, 'one.json');
    expect(
      (await run('close', 'sequences', 'retrieve', id, '--format', 'json', '--out', out, '--base-url', server.close.baseUrl)).code,
    ).toBe(EXIT.ok);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { id: string }[])[0]!.id).toBe(id);
  });

  it.each([
    ['a missing required option', ['whippy', 'runs', 'list'], EXIT.usage],
    ['an unknown command', ['whippy', 'flows', 'list'], EXIT.usage],
    ['a bad --format', ['close', 'sequences', 'list', '--format', 'xml'], EXIT.usage],
    ['a page size above the vendor maximum', ['whippy', 'contact-sequences', 'list', '--contact', 'c', '--page-size', '501'], EXIT.usage],
    ['a malformed date filter', ['whippy', 'runs', 'list', '--sequence', 's', '--after', 'yesterday'], EXIT.usage],
  ])('exits 2 on %s, sending nothing', async (_, argv, code) => {
    const result = await run(...argv, '--base-url', server.whippy.baseUrl);
    expect(result.code).toBe(code);
    expect(server.whippy.fake.requestCount + server.close.fake.requestCount).toBe(0);
  });

  it('exits 3 on a refused credential, 4 on an unknown id', async () => {
    vi.stubEnv('WHIPPY_API_KEY', 'wrong');
    expect((await run('whippy', 'sequences', 'list', '--base-url', server.whippy.baseUrl)).code).toBe(EXIT.auth);
    vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
    const missing = await run('whippy', 'sequences', 'get', '00000000-0000-4000-8000-000000000000', '--base-url', server.whippy.baseUrl);
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.errors.join('\n')).toMatch(/404/);
    // Exit 7 (nothing answers) is pinned in usage-errors.test.ts, with the host in the message.
  });

  it('on interrupt stops cleanly, exits 130 and leaves a complete file of what was pulled', async () => {
    const fake = server.whippy.fake;
    const original = fake.handle.bind(fake);
    for (const format of ['json', 'ndjson', 'csv'] as const) {
      const out = join(dir, `interrupted.${format}`);
      const controller = new AbortController();
      const errors: string[] = [];
      // Ctrl-C while the fourth page is on its way: three pages (30 items) are in the file.
      let seen = 0;
      fake.handle = (request) => {
        if (++seen === 4) controller.abort();
        return original(request);
      };
      const code = await main(
        [
          'whippy',
          'runs',
          'list',
          '--sequence',
          sequenceId,
          '--page-size',
          '10',
          '--format',
          format,
          '--out',
          out,
          '--base-url',
          server.whippy.baseUrl,
        ],
        {
          stderr: (line) => errors.push(line),
          signal: controller.signal,
        },
      );
      expect(code).toBe(EXIT.interrupted);
      const text = readFileSync(out, 'utf8');
      const count =
        format === 'json'
          ? (JSON.parse(text) as unknown[]).length
          : format === 'csv'
            ? parse<unknown>(text, { columns: true }).length
            : text
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l)).length;
      expect(count).toBe(30);
      expect(errors.join('\n')).toContain(`${count} item(s) written`);
    }
    fake.handle = original;
  });
});
