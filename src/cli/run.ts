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

/** Runs one command; resolves with the exit code. Output is written page by page. */
export async function runCommand(
  spec: CommandSpec,
  args: string[],
  filters: Record<string, unknown>,
  options: RunOptions,
  context: RunContext,
): Promise<number> {
  const progress = new Progress(!options.quiet && process.stderr.isTTY === true);
  // The client reports retries at info level: count the 429 waits for the progress line, pass warnings on.
  const logger: Logger = {
    debug: () => {},
    info: (message) => {
      if (/after 429\b/.test(message)) progress.waited();
    },
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
  let code: number = EXIT.ok;
  let final: PullState | undefined;
  let sink: ReturnType<typeof openSink> | undefined;
  try {
    checkTarget(options);
    const client = makeClient(spec.vendor, {
      logger,
      logLevel: 'info',
      validation: 'lenient',
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    const listOptions = { signal, ...(options.concurrency ? { concurrency: options.concurrency } : {}) };
    const key = pullKey(spec, args, filters);
    sink = openSink(options.format, { out: options.out, stdout, table: tableOf(spec), key, csvFormulas: options.csvFormulas ?? 'escape' });
    final = await pullInto(
      (at) => {
        const result = spec.run(client as never, args, { ...filters, ...positionFilters(spec, at) }, listOptions);
        return 'pages' in result && typeof result.pages === 'function' ? result : onePage(result);
      },
      sink,
      {
        resume: options.resume === true,
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        onStart: (from) => from && progress.resumeFrom(from),
        onPage: (state) => progress.update(state),
      },
    );
  } catch (error) {
    if (closedPipe.signal.aborted) code = EXIT.ok;
    else if (context.signal.aborted) code = EXIT.interrupted;
    else if (error instanceof UsageError) {
      code = EXIT.usage;
      context.stderr(`sequence-apis: ${error.message}`);
    } else {
      const failure = describeFailure(error, spec, options.out);
      code = failure.code;
      context.stderr(`sequence-apis: ${failure.line}`);
    }
  } finally {
    stdout.off('error', onPipeError);
    progress.stop();
  }
  const dropped = sink?.droppedColumns?.() ?? [];
  if (dropped.length > 0) context.stderr(`sequence-apis: columns seen after the CSV header and left out: ${dropped.join(', ')}`);
  if (code === EXIT.interrupted) {
    const again = options.out && spec.resume ? '; run it again with --resume to continue' : '';
    context.stderr(`sequence-apis: interrupted; ${progress.items} item(s) written, the output is complete up to there${again}`);
  } else if (final && !options.quiet) context.stderr(`sequence-apis: ${progress.summary()}`);
  return code;
}
