import { SyncDatabaseError } from './errors.js';
import type { PgClientLike } from './postgres-types.js';
import { redactUrl } from './target.js';

/** A `postgres://` URL read for the sink: what `pg` connects with, the schema, and a label without the password. */
export interface PostgresUrl {
  /** The URL without `schema` (pg would pass an unknown parameter on to the server). */
  connectionString: string;
  schema: string;
  user: string | undefined;
  label: string;
}

/** Reads `postgres://user:pass@host:5432/db?schema=s` (or `postgresql://`); `schema` defaults to `public`. */
export function parsePostgresUrl(text: string): PostgresUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncDatabaseError(`--db ${redactUrl(text)} is not a valid postgres:// URL`);
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (schema === '') throw new SyncDatabaseError(`--db ${redactUrl(text)}: ?schema= is empty`);
  url.searchParams.delete('schema');
  return {
    connectionString: url.toString(),
    schema,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    label: redactUrl(text),
  };
}

/** `url` with `?schema=` set (what `--schema` does); a text that is no URL is left for the sink to refuse. */
export function withSchema(text: string, schema: string): string {
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Whether the schema exists (checked before creating it: CREATE SCHEMA needs a right the sync may lack). */
export async function schemaExists(client: PgClientLike, schema: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  return rows.length > 0;
}
