import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { SyncDatabaseError } from './errors.js';
import type { SyncSink } from './sink.js';
import { PostgresSyncSink } from './postgres-sink.js';
import type { PgPoolLike } from './postgres-types.js';
import { SqliteSyncSink } from './sqlite-sink.js';

/** `db: { pool }`: a `pg` Pool of yours (the sync checks out one connection and gives it back), and the schema (default `public`). */
export interface PostgresPoolTarget {
  pool: PgPoolLike;
  schema?: string | undefined;
}

/** Where `--db` / `db` points: a SQLite file, or a PostgreSQL URL. */
export type DbTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** A URL's scheme, when the text is one (`postgres:`); a Windows drive (`C:\`) is a path. */
function schemeOf(text: string): string | undefined {
  return /^([a-z][a-z0-9+.-]+):/i.exec(text)?.[1]?.toLowerCase();
}

/** Reads `--db`: a path, or a `postgres://` / `postgresql://` URL; anything else is refused in one line. */
export function parseDbTarget(db: string): DbTarget {
  const text = db.trim();
  if (text === '') throw new SyncDatabaseError('--db is empty: give a SQLite file path or a postgres:// URL');
  const scheme = schemeOf(text);
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: text };
  if (scheme !== undefined && scheme !== 'file') {
    throw new SyncDatabaseError(`--db ${JSON.stringify(redactUrl(text))} is neither a file path nor a postgres:// URL`);
  }
  const path = scheme === 'file' ? decodeURIComponent(new URL(text).pathname) : text;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw new SyncDatabaseError(`--db ${path} is a directory, not a database file`);
  return { kind: 'sqlite', path };
}

/** A URL with its password replaced, for messages. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return text.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** The sink for `db`: a SQLite file or open database, a PostgreSQL URL or `{ pool }`, or a sink given as is. */
export function sinkFor(db: string | DatabaseSync | SyncSink | PostgresPoolTarget): SyncSink {
  if (typeof db !== 'string') {
    if ('pool' in db) return new PostgresSyncSink(db);
    return 'begin' in db && 'lock' in db ? db : new SqliteSyncSink(db);
  }
  const target = parseDbTarget(db);
  if (target.kind === 'postgres') return new PostgresSyncSink({ url: target.url });
  return new SqliteSyncSink(target.path);
}
