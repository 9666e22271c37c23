// `npm run bench`: every performance target of the SDK, measured side by side with its floor.
// `--smoke` runs each benchmark briefly to prove it still works (CI); it never fails on a target.
import { cpus, totalmem } from 'node:os';
import { bulk } from './bulk.ts';
import { coldStart } from './cold-start.ts';
import { memory } from './memory.ts';
import { overhead } from './overhead.ts';
import { pull } from './pull.ts';
import { rateLimit } from './rate-limit.ts';
import { sharedBudget } from './shared.ts';
import { writeLimit } from './write-limit.ts';
import { size } from './size.ts';
import { syncBench } from './sync.ts';
import { syncPostgresBench } from './sync-postgres.ts';
import { startBenchServer, type Result } from './support.ts';
import { webhooks } from './webhooks.ts';
import { receiver } from './receiver.ts';

const smoke = process.argv.includes('--smoke');
const server = await startBenchServer();
const results: Result[] = [];
try {
  results.push(...(await overhead(server.url, smoke)));
  results.push(...(await bulk(server.url, smoke)));
  results.push(...(await rateLimit(smoke)));
  results.push(...(await sharedBudget(smoke)));
  results.push(...(await writeLimit(smoke)));
  results.push(...(await memory(server.url, smoke)));
  results.push(...(await pull(server.url, smoke)));
  results.push(...(await syncBench(smoke)));
  results.push(...(await syncPostgresBench(smoke)));
  results.push(...(await size()));
  results.push(...coldStart(smoke));
  results.push(...(await webhooks(smoke)));
  results.push(...(await receiver(smoke)));
} finally {
  server.stop();
}

const machine = `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const rows = [['', 'target', 'measured', 'limit'], ...results.map((r) => [r.ok ? 'ok' : 'MISS', r.target, r.measured, r.limit])];
console.log(`\n${smoke ? 'Smoke run (short; targets not enforced)' : 'Benchmarks'} on ${machine}\n`);
console.log(`| ${rows[0]!.join(' | ')} |\n|---|---|---|---|`);
for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
const missed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - missed} met, ${missed} missed`);
if (missed > 0 && !smoke) process.exitCode = 1;
