import type * as Pg from 'pg';
import { SyncDatabaseError } from './errors.js';

/** The `pg` module, imported only when a sync writes PostgreSQL. */
export type PgModule = typeof Pg;

/**
 * Loads `pg` (an optional peer dependency) for a `postgres://` target; `importer` is for tests.
 * Missing, it is one line naming the package to install.
 */
export async function loadPg(importer: () => Promise<PgModule> = () => import('pg')): Promise<PgModule> {
  try {
    const module = await importer();
    // pg is CommonJS: depending on the loader its classes are on the namespace or on `default`.
    return (module as PgModule & { default?: PgModule }).default ?? module;
  } catch (cause) {
    throw new SyncDatabaseError('syncing into PostgreSQL needs the pg package, which is not installed: run `npm install pg`', {
      cause,
    });
  }
}
