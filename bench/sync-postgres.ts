// Target (issue 22): a 1,000,000-row snapshot into PostgreSQL beside the same into SQLite and into
// NDJSON, and an incremental run of 100 changes into each database.
// The snapshot goes through the sinks as `sync` drives them (`SyncSink`: one transaction per page
// of 100 Close subscriptions, the rows and the stream's state together), so the HTTP side, equal for
// all, is left out; NDJSON is the floor (the page's lines appended, one write a page). The
// incremental run is `sync()` itself against the Close fake. PostgreSQL is a local server started
// here (fsync off, as the SQLite sink runs with synchronous = OFF). Smoke: 20,000 rows.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseClient } from 'sequence-apis/close';
import { PostgresSyncSink, SqliteSyncSink, sync, type SyncSink } from 'sequence-apis/sync';
import { CloseFake, startFakeServer } from 'sequence-apis/testing';
import { startPostgres, type TestPostgres } from '../test/helpers/postgres.ts';
import type { Result } from './support.ts';

const PAGE = 100;
const CHANGES = 100;
const TABLE = 'close_subscriptions';

const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/close.json', import.meta.url), 'utf8'));
const subscription = fixture['GET /sequence_subscription/'].response_200.data[0] as Record<string, unknown>;
const page = (start: number) =>
  Array.from({ length: PAGE }, (_, i) => ({ ...subscription, id: `sub_${String(start + i).padStart(8, '0')}` }));

/** Writes `rows` rows, a page a transaction, as `sync` does; resolves with the seconds it took. */
async function snapshotInto(sink: SyncSink, rows: number): Promise<number> {
  const started = performance.now();
  await sink.open([TABLE]);
  await sink.lock('close');
  const startedAt = new Date().toISOString();
  for (let offset = 0; offset < rows; offset += PAGE) {
    const tx = await sink.begin();
    await tx.upsert(TABLE, page(offset), new Date().toISOString());
    await tx.writeState('close', 'subscriptions', {
      version: 1,
      pass: { mode: 'snapshot', startedAt, index: 0, offset: offset + PAGE, gaps: [] },
    });
    await tx.commit();
  }
  await sink.close();
  return (performance.now() - started) / 1000;
}

function snapshotNdjson(path: string, rows: number): number {
  const started = performance.now();
  const fd = openSync(path, 'w');
  for (let offset = 0; offset < rows; offset += PAGE)
    writeSync(
      fd,
      page(offset)
        .map((item) => `${JSON.stringify(item)}\n`)
        .join(''),
    );
  closeSync(fd);
  return (performance.now() - started) / 1000;
}

/** `sync()` into `db`: a snapshot of the Close fake (untimed), 100 changed subscriptions, then the timed incremental run. */
async function incremental(db: string): Promise<{ seconds: number; requests: number; updated: number }> {
  let time = Date.parse('2026-11-01T00:00:00Z');
  const now = () => new Date(time);
  const fake = new CloseFake({ clock: now });
  for (const id of fake.sequences.keys()) fake.seedSubscriptions(id, 200);
  const server = await startFakeServer({ close: fake });
  try {
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off', validation: 'off' });
    time += 3_600_000;
    await sync({ client: close, db, now });
    time += 3_600_000;
    for (const id of [...fake.subscriptions.keys()].slice(0, CHANGES)) await close.subscriptions.update(id, { status: 'paused' });
    time += 60_000;
    const before = fake.requestCount;
    const started = performance.now();
    const report = await sync({ client: close, db, now });
    return {
      seconds: (performance.now() - started) / 1000,
      requests: fake.requestCount - before,
      updated: report.streams.subscriptions!.updated,
    };
  } finally {
    await server.stop();
  }
}

async function rowCount(postgres: TestPostgres, schema: string): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."${TABLE}"`);
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}

export async function syncPostgresBench(smoke: boolean): Promise<Result[]> {
  const rows = smoke ? 20_000 : Number(process.env.BENCH_SYNC_ROWS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-bench-pg-'));
  const postgres = await startPostgres();
  try {
    const ndjson = snapshotNdjson(join(dir, 'rows.ndjson'), rows);
    rmSync(join(dir, 'rows.ndjson'));
    const sqlite = await snapshotInto(new SqliteSyncSink(join(dir, 'snapshot.sqlite')), rows);
    rmSync(join(dir, 'snapshot.sqlite'), { force: true });
    const pg = await snapshotInto(new PostgresSyncSink({ url: postgres.url, schema: 'snapshot' }), rows);
    const written = await rowCount(postgres, 'snapshot');
    const incSqlite = await incremental(join(dir, 'incremental.sqlite'));
    const incPg = await incremental(`${postgres.url}?schema=incremental`);
    const line = (r: { seconds: number; requests: number; updated: number }) =>
      `${r.seconds.toFixed(2)} s, ${r.requests} requests, ${r.updated} rows updated`;
    return [
      {
        target: `sync snapshot of ${rows.toLocaleString('en')} rows, a page of ${PAGE} a transaction: PostgreSQL vs SQLite vs NDJSON`,
        measured: `PostgreSQL ${pg.toFixed(1)} s (${(pg / ndjson).toFixed(1)}x NDJSON, ${(pg / sqlite).toFixed(2)}x SQLite), SQLite ${sqlite.toFixed(1)} s, NDJSON ${ndjson.toFixed(1)} s`,
        limit: `all ${rows.toLocaleString('en')} rows in PostgreSQL`,
        ok: written === rows,
      },
      {
        target: `sync incremental after ${CHANGES} changed subscriptions: PostgreSQL vs SQLite`,
        measured: `PostgreSQL ${line(incPg)}; SQLite ${line(incSqlite)}`,
        limit: `${CHANGES} rows updated, same requests`,
        ok: incPg.updated === CHANGES && incSqlite.updated === CHANGES && incPg.requests === incSqlite.requests,
      },
    ];
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
