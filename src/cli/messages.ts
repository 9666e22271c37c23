import { ConnectionError, InvalidRequestError, TimeoutError } from '../core/errors.js';
import { ENV_HINT, type CommandSpec } from './commands.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { describeFileError, OutputError } from './output.js';

const VENDOR_NAMES = { close: 'Close', whippy: 'Whippy', clarion: 'Clarion Health' } as const;

/** The API root of a failed request's URL, e.g. `https://api.whippy.co`. */
function hostOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The system error code (`ECONNREFUSED`) somewhere in a cause chain. */
function causeCode(cause: unknown): string | undefined {
  for (let at = cause, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    const code = (at as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Replaces the API's field names (`sequence_id`) in a message by the command's flags (`--sequence`). */
export function withFlags(spec: CommandSpec, text: string): string {
  // A range's two fields (`date_updated__gte`, `__lte`) are also named together by their base (`date_updated`).
  const names = new Map<string, string[]>([['baseUrl', ['--base-url']]]);
  for (const option of spec.options) {
    const flag = option.flags.split(/[ ,]/)[0] ?? option.flags;
    names.set(option.field, [flag]);
    const base = /^(.+)__(?:gte|lte)$/.exec(option.field)?.[1];
    if (base !== undefined) names.set(base, [...(names.get(base) ?? []), flag]);
  }
  let out = text;
  for (const [field, flags] of names) {
    out = out.replace(new RegExp(`(?<![\\w-])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), flags.join('/'));
  }
  return out;
}

/** What the command says about the error it ended with (one line), and its exit code. */
export function describeFailure(error: unknown, spec: CommandSpec, out?: string): { code: number; line: string } {
  if (error instanceof OutputError) return { code: EXIT.output, line: error.message };
  // A system error (it names a syscall) while writing the output: no space, no permission.
  if (out && typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string') {
    return { code: EXIT.output, line: describeFileError(error, out).message };
  }
  if (error instanceof InvalidRequestError && error.field === 'apiKey') {
    return { code: EXIT.usage, line: `no credential: set ${ENV_HINT[spec.vendor]}` };
  }
  if (error instanceof InvalidRequestError) {
    const issues = error.issues.map((issue) => withFlags(spec, issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    return { code: EXIT.usage, line: `${issues.join('; ')} (see --help)` };
  }
  const vendor = VENDOR_NAMES[spec.vendor];
  if (error instanceof TimeoutError)
    return { code: EXIT.network, line: `The ${vendor} API at ${hostOf(error.url)} did not answer in time` };
  if (error instanceof ConnectionError) {
    const code = causeCode(error.cause);
    const cause = code ? ` (${code})` : '';
    return { code: EXIT.network, line: `Could not reach the ${vendor} API at ${hostOf(error.url)}${cause}` };
  }
  return { code: exitCodeFor(error), line: error instanceof Error ? error.message : String(error) };
}
