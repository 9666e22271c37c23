import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { startFakeServer } from '../testing/server.js';
import { COMMANDS, ENV_HINT, RESOURCE_DESCRIPTIONS, type CommandSpec, type OptionSpec } from './commands.js';
import { EXIT } from './exit-codes.js';
import { FORMATS, type Format } from './output.js';
import { runCommand, type RunContext } from './run.js';
import { addSyncCommand, SYNC_EXIT } from './sync-command.js';
import { usageHint, version } from './usage.js';

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return number;
}

function parseValue(spec: OptionSpec, value: string): unknown {
  switch (spec.parse) {
    case 'int':
      return positiveInt(value);
    case 'bool':
      if (value !== 'true' && value !== 'false') throw new InvalidArgumentError('must be true or false');
      return value === 'true';
    case 'list':
      return value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    default:
      return value;
  }
}

/** Turns parsed option values into the filter object the client method takes. */
function filtersOf(spec: CommandSpec, values: Record<string, unknown>): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const option of spec.options) {
    const key = new Option(option.flags).attributeName();
    if (values[key] !== undefined) filters[option.field] = values[key];
  }
  return filters;
}

/** What each vendor's command covers, for the top-level help. */
const VENDOR_SUMMARY = {
  close: 'Close CRM: sequences, subscriptions, bulk subscription actions, the event log',
  whippy: "Whippy: sequences, runs, sequence contacts, a contact's sequences",
  clarion: 'Clarion Health: sequences and sequence definitions',
} as const;

/** Builds the `sequence-apis` program; `context` is what stops a run and where errors go. */
export function buildProgram(context: RunContext, done: (code: number) => void): Command {
  const program = new Command('sequence-apis')
    .description('Pull Close, Whippy and Clarion Health sequence data from the command line.')
    .version(version(), '-V, --version', 'print the version')
    // Usage errors become one line and a hint, written by main(); commander itself prints nothing.
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  const vendors = new Map<string, Command>();
  const resources = new Map<string, Command>();
  for (const spec of COMMANDS) {
    const vendor =
      vendors.get(spec.vendor) ??
      program.command(spec.vendor).description(`${VENDOR_SUMMARY[spec.vendor]} (credentials: ${ENV_HINT[spec.vendor]})`);
    vendors.set(spec.vendor, vendor);
    const resourceKey = `${spec.vendor}/${spec.resource}`;
    const resource =
      resources.get(resourceKey) ??
      vendor.command(spec.resource).description(RESOURCE_DESCRIPTIONS[resourceKey] ?? `${spec.vendor} ${spec.resource}`);
    resources.set(resourceKey, resource);
    const command = resource.command(spec.verb).description(spec.description);
    if (spec.verb === 'get') command.alias('retrieve');
    for (const arg of spec.args) command.argument(arg);
    for (const option of spec.options) {
      const built = new Option(option.flags, option.description).argParser((value) => parseValue(option, value));
      // Required options are checked in the action, after commander's unknown-option check, so a
      // typo (`--sequnce`) is reported as such rather than as a missing `--sequence`.
      command.addOption(built);
    }
    command
      .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('ndjson'))
      .option('--out <file>', 'write to a file instead of stdout (needed for sqlite)')
      .option('--resume', 'continue the interrupted pull saved in --out (a finished one starts again)')
      .addOption(
        new Option('--csv-formulas <mode>', "csv: 'escape' cells a spreadsheet would run as formulas, or 'keep' them")
          .choices(['escape', 'keep'])
          .default('escape'),
      )
      .option('--base-url <url>', 'API root, e.g. a fake from `sequence-apis fake-server`')
      .option('--redis <url>', 'share the rate-limit budget with other pulls on the same key, through this Redis');
    if (spec.verb === 'list') {
      command
        .option('--limit <n>', 'stop after this many items', positiveInt)
        .option('--concurrency <n>', 'pages fetched ahead', positiveInt);
    }
    command.option('--quiet', 'no progress line on stderr').action(async (...received: unknown[]) => {
      const values = received.at(-2) as Record<string, unknown>;
      const args = received.slice(0, spec.args.length).map(String);
      const missing = spec.options.find((option) => option.required && values[new Option(option.flags).attributeName()] === undefined);
      if (missing) {
        context.stderr(`sequence-apis: missing ${missing.flags}: ${missing.description}`);
        context.stderr(usageHint(program, [spec.vendor, spec.resource, spec.verb]));
        return done(EXIT.usage);
      }
      done(
        await runCommand(
          spec,
          args,
          filtersOf(spec, values),
          {
            format: values.format as Format,
            out: values.out as string | undefined,
            limit: values.limit as number | undefined,
            concurrency: values.concurrency as number | undefined,
            baseUrl: values.baseUrl as string | undefined,
            quiet: values.quiet === true,
            resume: values.resume === true,
            ...(typeof values.redis === 'string' ? { redis: values.redis } : {}),
            csvFormulas: values.csvFormulas as 'escape' | 'keep',
          },
          context,
        ),
      );
    });
  }
  addSyncCommand(program, context, done);
  program
    .command('fake-server')
    .description('start local fakes of the three APIs on 127.0.0.1 (for demos and trying the commands)')
    .option('--port <n>', 'port to listen on (default: any free port)', positiveInt)
    .action(async (values: { port?: number }) => {
      const server = await startFakeServer(values.port ? { port: values.port } : {});
      process.stdout.write(
        [
          `Fake APIs on ${server.url} (Ctrl-C to stop)`,
          `  close    --base-url ${server.close.baseUrl}    CLOSE_API_KEY=test_close_key`,
          `  whippy   --base-url ${server.whippy.baseUrl}   WHIPPY_API_KEY=test_whippy_key`,
          `  clarion  --base-url ${server.clarion.baseUrl}  CLARION_API_KEY=test_clarion_token`,
          '',
          'Or, for the clients in your own scripts (paste into a shell):',
          `  export CLOSE_BASE_URL=${server.close.baseUrl} CLOSE_API_KEY=test_close_key`,
          `  export WHIPPY_BASE_URL=${server.whippy.baseUrl} WHIPPY_API_KEY=test_whippy_key`,
          `  export CLARION_BASE_URL=${server.clarion.baseUrl} CLARION_API_KEY=test_clarion_token`,
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve(), { once: true }));
      await server.stop();
      done(EXIT.ok);
    });
  return program;
}

/** Runs the command line; resolves with the exit code. */
export async function main(argv: string[], context: RunContext): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(context, (result) => (code = result));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exits with code 0; every other commander error is a usage error.
      if (error.exitCode === 0) return EXIT.ok;
      // No command given: commander has printed the help itself, which says it all.
      if (error.code === 'commander.help') return EXIT.usage;
      context.stderr(`sequence-apis: ${error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\?\)/, ' (did you mean $1?)')}`);
      context.stderr(usageHint(program, argv));
      // sync's exit codes are 0, 1 (an error, bad input included) and 2 (a stream incomplete).
      return argv[0] === 'sync' ? SYNC_EXIT.failure : EXIT.usage;
    }
    throw error;
  }
  return code;
}
