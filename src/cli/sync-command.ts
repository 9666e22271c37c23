import type { Command } from 'commander';
import type { Logger } from '../core/logger.js';
import { withSchema } from '../sync/postgres-target.js';
import { SYNC_STREAMS, sync } from '../sync/sync.js';
import type { StreamReport, SyncReport, SyncVendor } from '../sync/types.js';
import { makeClient, type CommandSpec } from './commands.js';
import { EXIT } from './exit-codes.js';
import { describeFailure } from './messages.js';
import { Progress } from './progress.js';
import type { RunContext } from './run.js';

/** `sync`'s exit codes: every stream complete, one incomplete, or an error. */
export const SYNC_EXIT = { ok: 0, failure: 1, incomplete: 2 } as const;

interface SyncValues {
  db?: string;
  streams?: string;
  schema?: string;
  baseUrl?: string;
  quiet?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `close subscriptions: snapshot, 12 inserted, 0 updated, 0 deleted, 2 requests, complete`. */
export function streamLine(vendor: string, stream: string, r: StreamReport): string {
  const counts = `${r.inserted} inserted, ${r.updated} updated, ${r.deleted} deleted, ${plural(r.requests, 'request')}`;
  return `${vendor} ${stream}: ${r.mode}, ${counts}, ${r.complete ? 'complete' : 'INCOMPLETE'}`;
}

function isVendor(vendor: string): vendor is SyncVendor {
  return Object.hasOwn(SYNC_STREAMS, vendor);
}

/** Runs `sequence-apis sync <vendor>`; resolves with the exit code. */
export async function runSync(vendor: string, values: SyncValues, context: RunContext): Promise<number> {
  const say = (line: string) => context.stderr(`sequence-apis: ${line}`);
  if (!isVendor(vendor)) return (say(`unknown vendor ${JSON.stringify(vendor)}: sync close, whippy or clarion`), SYNC_EXIT.failure);
  if (!values.db) return (say('sync needs --db <file.sqlite> (or a postgres:// URL)'), SYNC_EXIT.failure);
  let db = values.db;
  if (values.schema !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(db)) return (say('--schema applies to a postgres:// --db only'), SYNC_EXIT.failure);
    db = withSchema(db, values.schema);
  }
  const logger: Logger = { debug: () => {}, info: () => {}, warn: (m) => context.stderr(m), error: (m) => context.stderr(m) };
  const progress = new Progress(!values.quiet && process.stderr.isTTY === true);
  let report: SyncReport | undefined;
  try {
    const client = makeClient(vendor, {
      logger,
      logLevel: 'warn',
      validation: 'lenient',
      ...(values.baseUrl ? { baseUrl: values.baseUrl } : {}),
    });
    const streams = values.streams
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    report = await sync({
      client,
      db,
      streams,
      signal: context.signal,
      onProgress: (_, r) => progress.update({ items: r.inserted + r.updated + r.deleted, pages: r.requests, complete: false }),
    });
  } catch (error) {
    progress.stop();
    if (context.signal.aborted) return (say('interrupted; every committed page is kept: run the sync again to continue'), EXIT.interrupted);
    // Only the vendor and option names of a command are read: the sync has no flags that stand for API fields.
    return (say(describeFailure(error, { vendor, options: [] } as unknown as CommandSpec).line), SYNC_EXIT.failure);
  }
  progress.stop();
  const out = context.stdout ?? process.stdout;
  for (const [stream, r] of Object.entries(report.streams)) out.write(`${streamLine(vendor, stream, r)}\n`);
  for (const warning of report.warnings) context.stderr(`warning: ${warning}`);
  return Object.values(report.streams).every((r) => r.complete) ? SYNC_EXIT.ok : SYNC_EXIT.incomplete;
}

/** Adds `sync <vendor>` to the program. */
export function addSyncCommand(program: Command, context: RunContext, done: (code: number) => void): void {
  program
    .command('sync')
    .description('keep tables <vendor>_<stream> in SQLite or PostgreSQL current: a snapshot first, then only the changes')
    .argument('<vendor>', 'close, whippy or clarion')
    .option('--db <target>', 'the database: a SQLite file path (created if missing), or postgres://user:pass@host:5432/db')
    .option('--schema <name>', "PostgreSQL only: the schema of the tables (default public, or the URL's ?schema=)")
    .option(
      '--streams <list>',
      `streams to sync (comma-separated; default all): ${Object.entries(SYNC_STREAMS)
        .map(([v, s]) => `${v}: ${s.join(', ')}`)
        .join('; ')}`,
    )
    .option('--base-url <url>', 'API root, e.g. a fake from `sequence-apis fake-server`')
    .option('--quiet', 'no progress line on stderr')
    .action(async (vendor: string, values: SyncValues) => done(await runSync(vendor, values, context)));
}
