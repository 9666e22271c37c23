import type { Writable } from 'node:stream';
import type { Logger } from '../core/logger.js';
import type { CsvFormulas } from '../pull/csv.js';
import type { PullPosition, PullSource } from '../pull/position.js';
import { pullInto } from '../pull/resumable.js';
import type { PullState } from '../pull/walk.js';
import { makeClient, type CommandSpec } from './commands.js';
import { EXIT } from './exit-codes.js';
import { describeFailure } from './messages.js';
import { checkWritable, openSink, type Format } from './output.js';
import { Progress } from './progress.js';
import { openRedis } from './redis.js';

/** The options every command takes. */
export interface RunOptions {
  format: Format;
  out?: string;
  limit?: number;
  concurrency?: number;
  baseUrl?: string;
  quiet?: boolean;
  /** Continue the unfinished pull saved in `out`. */
  resume?: boolean;
  /** CSV: neutralise formula cells (default) or keep them. */
  csvFormulas?: CsvFormulas;
  /** A Redis URL: pace through a budget shared with every other pull on the same key. */
  redis?: string;
}

/** Where a run writes its diagnostics, and what stops it (Ctrl-C in the real command). */
export interface RunContext {
  stderr: (line: string) => void;
  signal: AbortSignal;
  /** Where items go without `--out` (default process.stdout). */
  stdout?: Writable;
}

/** A usage error found before any request. */
class UsageError extends Error {}

/** The filter fields that make a list start at `at` (a resumed pull). */
function positionFilters(spec: CommandSpec, at: PullPosition | undefined): Record<string, unknown> {
  if (!at || !spec.resume) return {};
  if ('offset' in at && 'offset' in spec.resume) return { [spec.resume.offset]: at.offset };
  if ('cursor' in at && 'cursor' in spec.resume && at.cursor !== null) return { [spec.resume.cursor]: at.cursor };
  return {};
}

/** A `get` result as a one-page list, so every command goes through the same sink. */
function onePage(result: PromiseLike<unknown>): PullSource<unknown> {
  return {
    async *pages() {
      yield { data: [await result], hasNextPage: () => false };
    },
  };
}

/** The table a resource's items go to: `whippy_runs`, `close_bulk_subscriptions`. */
export function tableOf(spec: CommandSpec): string {
  return `${spec.vendor}_${spec.resource.replaceAll('-', '_')}`;
}

/** Names the pull in its saved state: the command, its arguments and filters (not paging or output). */
function pullKey(spec: CommandSpec, args: string[], filters: Record<string, unknown>): string {
  const { _limit: _, limit: __, ...scope } = filters;
  return JSON.stringify([spec.vendor, spec.resource, spec.verb, args, scope]);
}

function checkTarget(options: RunOptions): void {
  if (options.format === 'sqlite' && !options.out) throw new UsageError('--format sqlite needs --out <file.db> (see --help)');
  if (options.resume && !options.out) throw new UsageError('--resume needs --out <file>: it continues the pull saved there (see --help)');
  if (options.out) checkWritable(options.out);
}

/** One command's run: what it pulls, and where. */
interface Job {
  spec: CommandSpec;
  args: string[];
  filters: Record<string, unknown>;
  options: RunOptions;
  logger: Logger;
  progress: Progress;
  signal: AbortSignal;
  stdout: Writable;
  sink?: ReturnType<typeof openSink>;
  /** Lets go of the `--redis` connection. */
  closeRedis?: () => void;
}

/** Builds the client, the sink and the (resumable) list, and walks it. */
async function pull(job: Job): Promise<PullState> {
  const { spec, args, filters, options, progress } = job;
  checkTarget(options);
  const redis = options.redis === undefined ? undefined : await openRedis(options.redis);
  job.closeRedis = redis?.close;
  const client = makeClient(spec.vendor, {
    ...(redis ? { rateLimitStore: redis.store } : {}),
    logger: job.logger,
    logLevel: 'warn',
    onRetry: (event) => {
      if (event.status === 429) progress.waited();
    },
    onPacing: (event) => {
      if (event.waitMs >= 1_000) progress.pacing(event.waitMs, event.reason);
    },
    validation: 'lenient',
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const listOptions = { signal: job.signal, ...(options.concurrency ? { concurrency: options.concurrency } : {}) };
  const key = pullKey(spec, args, filters);
  const csvFormulas = options.csvFormulas ?? 'escape';
  job.sink = openSink(options.format, { out: options.out, stdout: job.stdout, table: tableOf(spec), key, csvFormulas });
  const list = (at: PullPosition | undefined): PullSource<unknown> => {
    const result = spec.run(client as never, args, { ...filters, ...positionFilters(spec, at) }, listOptions);
    return 'pages' in result && typeof result.pages === 'function' ? result : onePage(result);
  };
  return pullInto(list, job.sink, {
    // A list that cannot start at a saved position (a single page, a retrieve) pulls afresh.
    resume: options.resume === true && spec.resume !== undefined,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    onStart: (from) => from && progress.resumeFrom(from),
    onPage: (state) => progress.update(state),
  });
}

/** Says what failed, in one line; returns the exit code. */
function reportFailure(error: unknown, job: Job, context: RunContext): number {
  if (error instanceof UsageError) {
    context.stderr(`sequence-apis: ${error.message}`);
    return EXIT.usage;
  }
  const failure = describeFailure(error, job.spec, job.options.out);
  context.stderr(`sequence-apis: ${failure.line}`);
  return failure.code;
}

/** The closing lines: columns the CSV left out, then the interruption note or the summary. */
function reportEnd(code: number, final: PullState | undefined, job: Job, context: RunContext): void {
  const dropped = job.sink?.droppedColumns?.() ?? [];
  if (dropped.length > 0) context.stderr(`sequence-apis: columns seen after the CSV header and left out: ${dropped.join(', ')}`);
  if (code === EXIT.interrupted) {
    const again = job.options.out && job.spec.resume ? '; run it again with --resume to continue' : '';
    context.stderr(`sequence-apis: interrupted; ${job.progress.items} item(s) written, the output is complete up to there${again}`);
  } else if (final && !job.options.quiet) context.stderr(`sequence-apis: ${job.progress.summary()}`);
}

/** Runs one command; resolves with the exit code. Output is written page by page. */
export async function runCommand(
  spec: CommandSpec,
  args: string[],
  filters: Record<string, unknown>,
  options: RunOptions,
  context: RunContext,
): Promise<number> {
  const progress = new Progress(!options.quiet && process.stderr.isTTY === true);
  // Warnings go to stderr; the progress line counts rate-limit waits through the client's onRetry hook.
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message) => context.stderr(message),
    error: (message) => context.stderr(message),
  };
  const stdout = context.stdout ?? process.stdout;
  // A reader that went away (`| head -1`) ends the pull quietly: its EPIPE is not a failure.
  const closedPipe = new AbortController();
  const onPipeError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closedPipe.abort();
  };
  if (!options.out) stdout.on('error', onPipeError);
  const signal = AbortSignal.any([context.signal, closedPipe.signal]);
  const job: Job = { spec, args, filters, options, logger, progress, signal, stdout };
  let code: number = EXIT.ok;
  let final: PullState | undefined;
  try {
    final = await pull(job);
  } catch (error) {
    code = closedPipe.signal.aborted ? EXIT.ok : context.signal.aborted ? EXIT.interrupted : reportFailure(error, job, context);
  } finally {
    stdout.off('error', onPipeError);
    job.closeRedis?.();
    progress.stop();
  }
  reportEnd(code, final, job, context);
  return code;
}
