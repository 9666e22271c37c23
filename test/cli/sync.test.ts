import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { startCli } from '../helpers/cli-child.js';
import { onRequest } from '../helpers/fake-hooks.js';

let server: FakeServer;
let dir: string;
let db = 0;
const fresh = () => join(dir, `sync-${++db}.sqlite`);

beforeAll(async () => {
  server = await startFakeServer({ close: new CloseFake({ maxSkip: 100 }) });
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-sync-cli-'));
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], baseUrl = server.close.baseUrl) {
  const errors: string[] = [];
  let out = '';
  const stdout = new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString()), done()) });
  const code = await main([...argv, '--base-url', baseUrl], {
    stderr: (line) => errors.push(line),
    signal: new AbortController().signal,
    stdout,
  });
  return { code, errors, lines: out.split('\n').filter(Boolean) };
}

describe('sequence-apis sync', () => {
  it('prints one line per stream and exits 0 when every stream is complete; --streams picks streams', async () => {
    const path = fresh();
    expect(await run(['sync', 'close', '--db', path])).toEqual({
      code: 0,
      errors: [],
      lines: [
        'close sequences: snapshot, 3 inserted, 0 updated, 0 deleted, 1 request, complete',
        'close subscriptions: snapshot, 12 inserted, 0 updated, 0 deleted, 4 requests, complete',
      ],
    });
    expect((await run(['sync', 'close', '--db', path, '--streams', 'subscriptions'])).lines).toEqual([
      'close subscriptions: incremental, 0 inserted, 0 updated, 0 deleted, 3 requests, complete',
    ]);
  });

  it('exits 2 with the warning on stderr when Close refuses a page past its _skip maximum', async () => {
    server.close.fake.seedSubscriptions([...server.close.fake.sequences.keys()][0]!, 250);
    const result = await run(['sync', 'close', '--db', fresh(), '--streams', 'subscriptions']);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([expect.stringMatching(/^close subscriptions: snapshot, \d+ inserted, .* INCOMPLETE$/)]);
    expect(result.errors).toEqual([
      expect.stringMatching(/^warning: close subscriptions: incomplete: Close refused _skip=200 of sequence seq_\w+ /),
    ]);
  });

  it.each([
    [['sync', 'hubspot', '--db', 'x.sqlite'], 'sequence-apis: unknown vendor "hubspot": sync close, whippy or clarion'],
    [['sync', 'close'], 'sequence-apis: sync needs --db <file.sqlite> (or a postgres:// URL)'],
    [
      ['sync', 'close', '--db', 'x.sqlite', '--streams', 'leads'],
      'sequence-apis: streams: close has no stream "leads": its streams are sequences, subscriptions, events (see --help)',
    ],
    [['sync', 'close', '--db', 'mysql://h/db'], 'sequence-apis: --db "mysql://h/db" is neither a file path nor a postgres:// URL'],
    [
      ['sync', 'close', '--db', 'postgres://me:secret@127.0.0.1:1/db'],
      'sequence-apis: postgres://me:***@127.0.0.1:1/db: cannot reach the PostgreSQL server (connect ECONNREFUSED 127.0.0.1:1)',
    ],
    [['sync', 'close', '--db', 'x.sqlite', '--schema', 'crm'], 'sequence-apis: --schema applies to a postgres:// --db only'],
    [['sync', 'close', '--db', 'x.sqlite', '--bogus'], "sequence-apis: unknown option '--bogus'"],
  ])('%j: one line, exit 1, no request', async (argv, line) => {
    const before = server.close.fake.requestCount;
    const result = await run(argv);
    expect(result.code).toBe(1);
    expect(result.errors[0]).toBe(line);
    expect(server.close.fake.requestCount).toBe(before);
  });
});

describe('SIGTERM (a real child process)', () => {
  it('stops a JSON pull as cleanly as Ctrl-C: a closed array, the resume state at the file’s end, exit 143; --resume then finishes it', async () => {
    const whippy = server.whippy.fake;
    const sequenceId = String(whippy.addSequence('Term', ['One']).id);
    whippy.seedRuns(sequenceId, 300);
    const out = join(dir, 'runs.json');
    const args =
      `whippy runs list --sequence ${sequenceId} --page-size 100 --format json --out ${out} --base-url ${server.whippy.baseUrl}`.split(' ');
    const child = await startCli(args, { WHIPPY_API_KEY: 'test_whippy_key' });
    onRequest(whippy, 3, () => child.process.kill('SIGTERM'));
    const ended = await child.exited;
    expect(ended.code).toBe(EXIT.terminated);
    expect(ended.stderr).toMatch(
      /interrupted; 200 item\(s\) written, the output is complete up to there; run it again with --resume to continue/,
    );
    expect((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length).toBe(200);
    expect(JSON.parse(readFileSync(`${out}.resume.json`, 'utf8'))).toMatchObject({ items: 200, position: { offset: 200 } });
    const resumed = await startCli([...args, '--resume'], { WHIPPY_API_KEY: 'test_whippy_key' });
    expect(await resumed.exited).toMatchObject({ code: 0 });
    const ids = (JSON.parse(readFileSync(out, 'utf8')) as { id: string }[]).map((r) => r.id);
    expect(new Set(ids).size).toBe(300);
  });

  it('stops a sync as cleanly: exit 143, one line, and the next run continues', async () => {
    const path = fresh();
    const args = ['sync', 'close', '--db', path, '--base-url', server.close.baseUrl];
    const child = await startCli(args, { CLOSE_API_KEY: 'test_close_key' });
    onRequest(server.close.fake, 4, () => child.process.kill('SIGTERM'));
    const ended = await child.exited;
    expect(ended).toMatchObject({ code: EXIT.terminated, stdout: '' });
    expect(ended.stderr).toBe('sequence-apis: interrupted; every committed page is kept: run the sync again to continue\n');
    const again = await startCli(args, { CLOSE_API_KEY: 'test_close_key' });
    expect((await again.exited).stdout).toMatch(/close subscriptions: snapshot, .*\n$/);
  });
});
