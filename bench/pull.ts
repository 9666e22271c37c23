// Target: a 1,000,000-item pull into SQLite within 1.5x the time of the same pull to NDJSON (issue 15).
// Both go through `sequence-apis/pull` (the CLI's own code): 2,000 pages of 500 Close subscriptions
// from the loopback server, concurrency 8, validation off. Smoke: the first 20,000 items.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseClient } from 'sequence-apis/close';
import { pullToFile, pullToSqlite } from 'sequence-apis/pull';
import type { Result } from './support.ts';

export async function pull(serverUrl: string, smoke: boolean): Promise<Result[]> {
  const close = new CloseClient({ baseUrl: `${serverUrl}/memory/api/v1`, apiKey: 'bench_key', logLevel: 'off', validation: 'off' });
  const list = () => close.subscriptions.list({ sequence_id: 'seq_1', _limit: 500 }, { concurrency: 8 });
  const limit = smoke ? 20_000 : Number(process.env.BENCH_PULL_ITEMS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-bench-pull-'));
  const times = { ndjson: [] as number[], sqlite: [] as number[] };
  let rows = 0;
  let size = 0;
  try {
    const toNdjson = async (round: number) => {
      const started = performance.now();
      await pullToFile(list(), { path: join(dir, `r${round}.ndjson`), format: 'ndjson', limit });
      times.ndjson.push(performance.now() - started);
      rmSync(join(dir, `r${round}.ndjson`)); // its dirty pages must not slow the next contender
    };
    const toSqlite = async (round: number) => {
      const started = performance.now();
      rows = (await pullToSqlite(list(), { db: join(dir, `r${round}.db`), table: 'close_subscriptions', limit })).items;
      times.sqlite.push(performance.now() - started);
      size = statSync(join(dir, `r${round}.db`)).size;
      rmSync(join(dir, `r${round}.db`));
    };
    // Alternating order (A B, B A) so that machine noise hits both alike.
    for (let round = 0; round < (smoke ? 1 : Number(process.env.BENCH_PULL_ROUNDS ?? 2)); round++) {
      if (round % 2 === 0) {
        await toNdjson(round);
        await toSqlite(round);
      } else {
        await toSqlite(round);
        await toNdjson(round);
      }
    }
    const ndjson = Math.min(...times.ndjson);
    const sqlite = Math.min(...times.sqlite);
    const ratio = sqlite / ndjson;
    const mb = (size / 2 ** 20).toFixed(0);
    return [
      {
        target: `pull ${limit.toLocaleString('en')} items to SQLite vs NDJSON (upserts, 5,000 a transaction)`,
        measured: `${ratio.toFixed(2)}x (SQLite ${(sqlite / 1000).toFixed(1)} s, ${rows} rows, ${mb} MB; NDJSON ${(ndjson / 1000).toFixed(1)} s)`,
        limit: '<= 1.5x',
        ok: ratio <= 1.5 && rows === limit,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
