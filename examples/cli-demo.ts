// The `sequence-apis` command end to end against the local fakes: pull every Whippy run of a
// sequence to CSV with one command, interrupt a slow pull and check the file is complete, then
// interrupt a pull into SQLite and resume it with --resume: no page is asked for twice.
// Run with `npm run demo` (it builds first); uses the built dist/cli.js like an installed package.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startFakeServer } from 'sequence-apis/testing';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-demo-'));
const env = { ...process.env, WHIPPY_API_KEY: 'test_whippy_key', CLOSE_API_KEY: 'test_close_key', CLARION_API_KEY: 'test_clarion_token' };

function run(args: string[], interruptAfterMs?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (interruptAfterMs) setTimeout(() => child.kill('SIGINT'), interruptAfterMs);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

const server = await startFakeServer();
try {
  const sequence = server.whippy.fake.addSequence('Spring campaign', ['Hello', 'Reminder', 'Last call']);
  server.whippy.fake.seedRuns(String(sequence.id), 5_000);

  const csv = join(dir, 'runs.csv');
  const pull = [
    'whippy',
    'runs',
    'list',
    '--sequence',
    String(sequence.id),
    '--status',
    'active',
    '--after',
    '2026-01-01',
    '--format',
    'csv',
    '--out',
    csv,
    '--base-url',
    server.whippy.baseUrl,
  ];
  console.log(`$ sequence-apis ${pull.join(' ').replace(server.whippy.baseUrl, '<fake>')}`);
  const full = await run([...pull, '--page-size', '500', '--concurrency', '4']);
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  console.log(
    `exit ${full.code}: ${lines.length - 1} runs written to runs.csv; columns: ${lines[0]!.split(',').slice(0, 7).join(', ')}, …`,
  );

  // Whippy's 25 requests a second, with small pages: slow enough to interrupt half way.
  const partial = join(dir, 'partial.json');
  const slow = [
    'whippy',
    'runs',
    'list',
    '--sequence',
    String(sequence.id),
    '--page-size',
    '10',
    '--format',
    'json',
    '--out',
    partial,
    '--base-url',
    server.whippy.baseUrl,
  ];
  console.log(`$ sequence-apis ${slow.join(' ').replace(server.whippy.baseUrl, '<fake>')}   (Ctrl-C after 1.5 s)`);
  const interrupted = await run(slow, 1_500);
  const items = JSON.parse(readFileSync(partial, 'utf8')) as unknown[];
  console.log(
    `exit ${interrupted.code}: partial.json is a complete JSON array of ${items.length} runs; ${interrupted.stderr.trim().split('\n').at(-1)}`,
  );

  // Into SQLite, interrupted after 1.5 s, then resumed: the table ends with every run exactly once.
  const db = join(dir, 'pull.db');
  const toDb = [
    'whippy',
    'runs',
    'list',
    '--sequence',
    String(sequence.id),
    '--format',
    'sqlite',
    '--out',
    db,
    '--base-url',
    server.whippy.baseUrl,
  ];
  console.log(`$ sequence-apis ${toDb.join(' ').replace(server.whippy.baseUrl, '<fake>')} --page-size 10   (Ctrl-C after 1.5 s)`);
  const cut = await run([...toDb, '--page-size', '10'], 1_500);
  console.log(`exit ${cut.code}: ${cut.stderr.trim().split('\n').at(-1)}`);
  const before = server.whippy.fake.requestCount;
  console.log(`$ sequence-apis ${toDb.join(' ').replace(server.whippy.baseUrl, '<fake>')} --page-size 500 --resume`);
  const resumed = await run([...toDb, '--page-size', '500', '--resume']);
  const offsets = server.whippy.fake.requests.slice(-(server.whippy.fake.requestCount - before)).map((r) => Number(r.query.offset));
  console.log(`exit ${resumed.code}: ${resumed.stderr.trim()}; first offset asked: ${Math.min(...offsets)}`);
  const sqlite = new DatabaseSync(db);
  const counts = sqlite.prepare('select status, count(*) as n from whippy_runs group by 1').all();
  const total = (sqlite.prepare('select count(*) as n, count(distinct id) as ids from whippy_runs').get() ?? {}) as {
    n: number;
    ids: number;
  };
  sqlite.close();
  console.log(
    `$ sqlite3 pull.db "select status, count(*) from whippy_runs group by 1"\n${counts.map((c) => `${String(c.status)}|${String(c.n)}`).join('\n')}`,
  );
  if (cut.code !== 130 || resumed.code !== 0 || total.n !== 5_000 || total.ids !== 5_000) process.exitCode = 1;

  const failed = await run(['close', 'sequences', 'get', 'seq_does_not_exist', '--base-url', server.close.baseUrl]);
  console.log(`$ sequence-apis close sequences get seq_does_not_exist\nexit ${failed.code}: ${failed.stderr.trim()}`);
  if (full.code !== 0 || interrupted.code !== 130 || failed.code !== 4) process.exitCode = 1;
} finally {
  await server.stop();
}
