import { Paginated } from '../core/pagination.js';
import type { Logger } from '../core/logger.js';
import { makeClient, type CommandSpec } from './commands.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { createItemWriter, type Format } from './output.js';
import { Progress } from './progress.js';

/** The options every command takes. */
export interface RunOptions {
  format: Format;
  out?: string;
  limit?: number;
  concurrency?: number;
  baseUrl?: string;
  quiet?: boolean;
}

/** Where a run writes its diagnostics, and what stops it (Ctrl-C in the real command). */
export interface RunContext {
  stderr: (line: string) => void;
  signal: AbortSignal;
}

/** Runs one command; resolves with the exit code. Output is written item by item. */
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
  const writer = createItemWriter(options.format, options.out);
  let code: number = EXIT.ok;
  try {
    const client = makeClient(spec.vendor, {
      logger,
      logLevel: 'info',
      validation: 'lenient',
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    });
    const result = spec.run(client as never, args, filters, {
      signal: context.signal,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    if (result instanceof Paginated) {
      walk: for await (const page of result.pages()) {
        progress.page();
        for (const item of page.data) {
          if (options.limit !== undefined && progress.items >= options.limit) break walk;
          await writer.write(item);
          progress.item();
        }
        if (options.limit !== undefined && progress.items >= options.limit) break;
      }
    } else {
      await writer.write(await result);
      progress.item();
    }
  } catch (error) {
    if (context.signal.aborted) {
      code = EXIT.interrupted;
    } else {
      code = exitCodeFor(error);
      context.stderr(`sequence-apis: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    await writer.close();
    progress.stop();
  }
  const dropped = writer.droppedColumns();
  if (dropped.length > 0) context.stderr(`sequence-apis: columns seen after the CSV header and left out: ${dropped.join(', ')}`);
  if (code === EXIT.interrupted)
    context.stderr(`sequence-apis: interrupted; ${progress.items} item(s) written, the output is complete up to there`);
  return code;
}
