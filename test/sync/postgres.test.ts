// What only the PostgreSQL sink has: typed columns, `{ pool }`, `?schema=`, the advisory lock's
// session, pages as multi-row statements, and PostgreSQL's own failures (credentials, rights, a
// backend killed mid-page). Everything a sync does on both sinks is in the tables of cases beside.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { loadPg } from '../../src/sync/postgres-load.js';
import { advisoryKeys } from '../../src/sync/postgres-lock.js';
import { PostgresSyncSink, sync, SyncBusyError, SyncDatabaseError, type PgPoolLike } from '../../src/sync/index.js';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { TEST_PASSWORD } from '../helpers/postgres.js';

const admin = inject('postgresUrl');
const urlOf = (database: string, user = 'postgres', password = TEST_PASSWORD) => {
  const url = new URL(admin);
  [url.username, url.password, url.pathname] = [user, password, `/${database}`];
  return url.toString();
};
const sql = async <T = Record<string, unknown>>(text: string, values?: unknown[], database = 'postgres'): Promise<T[]> => {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
};

/** A real pg Pool, and a view of it that records each statement its checked-out clients run. */
function recordingPool(database: string): { pool: pg.Pool; lender: PgPoolLike; statements: string[] } {
  const pool = new pg.Pool({ connectionString: urlOf(database), max: 2 });
  const statements: string[] = [];
  const lender: PgPoolLike = {
    async connect() {
      const client = await pool.connect();
      return {
        query: async (query: string | { name: string; text: string; values: unknown[] }, values?: unknown[]) => {
          statements.push(typeof query === 'string' ? query : query.text);
          return typeof query === 'string' ? await client.query(query, values) : await client.query(query);
        },
        release: (error?: Error | boolean) => client.release(error),
        on: (event: 'error', listener: (error: Error) => void) => client.on(event, listener),
        off: (event: 'error', listener: (error: Error) => void) => client.off(event, listener),
      };
    },
  };
  return { pool, lender, statements };
}

let server: FakeServer;
let fake: CloseFake;
let close: CloseClient;
let database: string;
const now = () => new Date('2026-11-01T12:00:00Z');

beforeAll(async () => {
  await sql("DO $$ BEGIN CREATE ROLE reader LOGIN PASSWORD 'reader-password'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
});
beforeEach(async () => {
  database = `sync_${randomUUID().replaceAll('-', '')}`;
  await sql(`CREATE DATABASE ${database}`);
  fake = new CloseFake({ clock: now });
  server = await startFakeServer({ close: fake });
  close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
});
afterEach(async () => {
  await server.stop();
  await sql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});
afterAll(() => sql('DROP ROLE IF EXISTS reader'));

describe('the PostgreSQL sink', () => {
  it('types the columns: id text, the record as jsonb, timestamptz where the model says a date, text for the strings', async () => {
    await sync({ client: close, db: urlOf(database), now });
    const columns = await sql<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'close_sequences'",
      [],
      database,
    );
    const types = Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]));
    const [text, when] = ['text', 'timestamp with time zone'];
    expect(types).toEqual({
      ...{ id: text, json: 'jsonb', _synced_at: when, date_created: when, date_updated: when },
      ...{ name: text, status: text, timezone: text, organization_id: text, created_by_id: text, updated_by_id: text },
    });
    const [row] = await sql<{ date_created: Date; json: { date_created: string } }>(
      'SELECT date_created, json FROM close_sequences LIMIT 1',
      [],
      database,
    );
    // Close's naive datetimes are UTC: the column holds the same instant the record says.
    expect(row!.date_created.toISOString().slice(0, 19)).toBe(row!.json.date_created.slice(0, 19));
  });

  it('gives other columns the type of their first value (bigint, widening to double for a fraction), a value that does not fit stays in json only', async () => {
    const sink = new PostgresSyncSink({ url: urlOf(database) });
    const items = [
      { id: 1, n: 1, count: 3, ratio: 0.5, done: true, label: 'a', nested: { a: 1 }, later: null },
      { id: 'two', n: 2, count: 4.5, ratio: 2, done: 'yes', label: 7, later: 'now' },
    ];
    try {
      await sink.open(['close_typed']);
      await sink.lock('close');
      const tx = await sink.begin();
      await tx.upsert('close_typed', items, now().toISOString());
      await tx.commit();
    } finally {
      await sink.close();
    }
    const columns = await sql<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'close_typed' AND column_name IN ('n', 'count', 'ratio', 'done', 'label', 'nested', 'later')",
      [],
      database,
    );
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toEqual({
      n: 'bigint',
      count: 'double precision',
      ratio: 'double precision',
      done: 'boolean',
      label: 'text',
      later: 'text',
    });
    const rows = await sql('SELECT id, n, count, ratio, done, label, later, json FROM close_typed ORDER BY id', [], database);
    expect(rows).toEqual([
      { id: '1', n: '1', count: 3, ratio: 0.5, done: true, label: 'a', later: null, json: items[0] },
      { id: 'two', n: '2', count: 4.5, ratio: 2, done: null, label: '7', later: 'now', json: items[1] },
    ]);
  });

  it('with { pool }: one connection checked out and given back, tables in the schema asked for, the lock free again after', async () => {
    const { pool, lender, statements } = recordingPool(database);
    try {
      const report = await sync({ client: close, db: { pool: lender, schema: 'crm' }, now });
      expect(report.streams.subscriptions).toMatchObject({ inserted: fake.subscriptions.size, complete: true });
      expect(pool.totalCount).toBe(1);
      expect(pool.idleCount).toBe(1);
      const [{ count }] = (await sql<{ count: string }>('SELECT count(*) FROM crm.close_subscriptions', [], database)) as [
        { count: string },
      ];
      expect(Number(count)).toBe(fake.subscriptions.size);
      // Every page is one transaction holding one multi-row INSERT, never a statement per row
      // (each sequence's subscriptions fit one page; a sequence without any has an empty page).
      const inserts = statements.filter((text) => text.startsWith('INSERT INTO "crm"."close_subscriptions"'));
      expect(inserts.length).toBe(new Set([...fake.subscriptions.values()].map((s) => s.sequence_id)).size);
      // The pooled session is given back as it was lent: no lock, no prepared statement, its own name.
      const lent = await pool.connect();
      const { rows } = await lent.query('SHOW application_name');
      const prepared = await lent.query('SELECT name FROM pg_prepared_statements');
      lent.release();
      expect(rows).toEqual([{ application_name: '' }]);
      expect(prepared.rows).toEqual([]);
      await expect(sync({ client: close, db: { pool, schema: 'crm' }, now })).resolves.toMatchObject({ vendor: 'close' });
    } finally {
      await pool.end();
    }
  });

  it('sends a page bigger than 65,535 parameters in chunks, all in its one transaction', async () => {
    const { pool, lender, statements } = recordingPool(database);
    const sink = new PostgresSyncSink({ pool: lender });
    try {
      await sink.open(['close_big']);
      await sink.lock('close');
      const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `big_${i}`, n: i, ok: i % 2 === 0, note: 'x' }));
      const tx = await sink.begin();
      await expect(tx.upsert('close_big', items, now().toISOString())).resolves.toEqual({ inserted: 20_000, updated: 0 });
      await tx.commit();
      // 6 parameters a row (id, json, _synced_at, n, ok, note): 10,833 rows a statement.
      expect(statements.filter((text) => text.startsWith('INSERT INTO')).length).toBe(2);
      const again = await sink.begin();
      await expect(again.upsert('close_big', [...items.slice(0, 2), items[0]!], now().toISOString())).resolves.toEqual({
        inserted: 0,
        updated: 3,
      });
      await again.commit();
    } finally {
      await sink.close();
      await pool.end();
    }
    expect(await sql('SELECT count(*)::int AS n FROM close_big', [], database)).toEqual([{ n: 20_000 }]);
  });

  it('a sync whose session dies leaves no lock behind: the next one takes it at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = fake.handle.bind(fake);
    let arrived!: () => void;
    const holding = new Promise<void>((resolve) => (arrived = resolve));
    fake.handle = async (request) => (arrived(), await gate, original(request));
    const first = sync({ client: close, db: urlOf(database), now }).catch((error: unknown) => error);
    await holding;
    await expect(sync({ client: close, db: urlOf(database), now })).rejects.toBeInstanceOf(SyncBusyError);
    await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'sequence-apis sync close%'");
    fake.handle = original;
    await expect(sync({ client: close, db: urlOf(database), now })).resolves.toMatchObject({ vendor: 'close' });
    release();
    expect(await first).toBeInstanceOf(SyncDatabaseError);
  });
});

describe('the advisory lock', () => {
  /** A session holding close's lock in `public`, named as a sync of this host with `pid` names itself. */
  const holder = async (pid: number) => {
    const client = new pg.Client({
      connectionString: urlOf(database),
      application_name: `sequence-apis sync close pid ${pid} on ${hostname()}`,
    });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1, $2)', advisoryKeys('public', 'close'));
    return client;
  };

  it('held by a sync of this host whose process is gone (kill -9): the next sync waits for its session to end, then runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const client = await holder(gone);
    let settled = false;
    const next = sync({ client: close, db: urlOf(database), now }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await client.end(); // PostgreSQL notices the closed socket
    await expect(next).resolves.toMatchObject({ vendor: 'close' });
  });

  it('held by a running process: refused at once, naming it', async () => {
    const client = await holder(process.pid);
    try {
      await expect(sync({ client: close, db: urlOf(database), now })).rejects.toThrow(
        new RegExp(
          `^another sync of close into postgres://postgres:\\*\\*\\*@.* is running \\(pid ${process.pid} on ${hostname()}, PostgreSQL backend \\d+ from 127\\.0\\.0\\.1, since .*\\): wait for it to finish$`,
        ),
      );
    } finally {
      await client.end();
    }
  });
});

describe('PostgreSQL failures: one line, nothing half-written, the next run continues', () => {
  it('without the pg package: one line naming it', async () => {
    await expect(loadPg(() => Promise.reject(new Error("Cannot find package 'pg'")))).rejects.toThrow(
      'syncing into PostgreSQL needs the pg package, which is not installed: run `npm install pg`',
    );
  });

  it('wrong credentials: the login refused, the password never shown', async () => {
    const error = (await sync({ client: close, db: urlOf(database, 'postgres', 'not-the-password'), now }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(SyncDatabaseError);
    expect(error.message).toMatch(
      /^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/sync_\w+: PostgreSQL refused the login of user postgres \(password authentication failed for user "postgres"\): check the user and password$/,
    );
    expect(fake.requestCount).toBe(0);
  });

  it('a user without CREATE rights: what is missing and how to grant it, before any request', async () => {
    const error = (await sync({ client: close, db: urlOf(database, 'reader', 'reader-password'), now }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(SyncDatabaseError);
    expect(error.message).toMatch(
      /^postgres:\/\/reader:\*\*\*@127\.0\.0\.1:\d+\/sync_\w+: permission denied for schema public: the user reader needs CREATE on the schema \(GRANT CREATE ON SCHEMA … TO …\), or pass \?schema= naming one it owns$/,
    );
    expect(error.message).not.toContain('\n');
    expect(fake.requestCount).toBe(0);
  });

  it('the backend killed mid-page (pg_terminate_backend inside its transaction): that page is not committed, the ones before are, the next run finishes the table', async () => {
    for (const id of fake.sequences.keys()) fake.seedSubscriptions(id, 250); // 3 pages a sequence
    const db = urlOf(database);
    const expected = new Map([...fake.subscriptions.values()].map((s) => [String(s.id), s]));
    await sync({ client: close, db, now, streams: ['sequences'] }); // creates the tables
    // A second session holds the table, so the sync's third page waits inside its transaction.
    const blocker = new pg.Client({ connectionString: db });
    await blocker.connect();
    const first = sync({
      client: close,
      db,
      now,
      streams: ['subscriptions'],
      onProgress: (_, report) => {
        if (report.inserted === 200) void blocker.query('BEGIN; LOCK TABLE close_subscriptions IN ACCESS EXCLUSIVE MODE');
      },
    }).catch((error: unknown) => error);
    for (let waiting = 0; waiting === 0;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const rows = await sql(
        "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'sequence-apis sync%' AND wait_event_type = 'Lock'",
        [],
        'postgres',
      );
      waiting = rows.length;
    }
    await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'sequence-apis sync%'");
    await blocker.query('ROLLBACK');
    await blocker.end();
    const error = (await first) as Error;
    expect(error).toBeInstanceOf(SyncDatabaseError);
    expect(error.message).toMatch(
      /^postgres:\/\/postgres:\*\*\*@.*: the connection to PostgreSQL was lost \(terminating connection due to administrator command\): the page in flight was not committed, every page before it is kept; run the sync again to continue$/,
    );
    const kept = await sql<{ n: number }>('SELECT count(*)::int AS n FROM close_subscriptions', [], database);
    expect(kept).toEqual([{ n: 200 }]);
    const again = await sync({ client: close, db, now, streams: ['subscriptions'] });
    expect(again.streams.subscriptions).toMatchObject({ mode: 'snapshot', inserted: expected.size - 200, updated: 0, complete: true });
    const rows = await sql<{ id: string; json: unknown }>('SELECT id, json FROM close_subscriptions', [], database);
    expect(new Map(rows.map((row) => [row.id, row.json]))).toEqual(expected);
  });
});
