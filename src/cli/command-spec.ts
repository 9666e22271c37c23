import { ClarionClient } from '../clarion/index.js';
import { CloseClient } from '../close/index.js';
import { InvalidRequestError } from '../core/errors.js';
import { encodeId } from '../core/path.js';
import type { ClientOptions, ListOptions } from '../core/options.js';
import type { Paginated } from '../core/pagination.js';
import { WhippyClient } from '../whippy/index.js';

/** How an option's text becomes a filter value. */
type Parse = 'text' | 'int' | 'bool' | 'list';

/** One `--flag <value>` of a command and the filter field it fills. */
export interface OptionSpec {
  flags: string;
  description: string;
  field: string;
  parse?: Parse;
  required?: boolean;
  /** The largest whole number an `int` option takes (its help says so). */
  max?: number;
}

/** A `sequence-apis <vendor> <resource> <verb>` command. */
export interface CommandSpec {
  vendor: 'close' | 'whippy' | 'clarion';
  resource: string;
  verb: 'list' | 'get';
  description: string;
  /** Positional arguments, e.g. `<id>`. */
  args: string[];
  options: OptionSpec[];
  /** How a list resumes: the filter field its offset (or cursor) goes to. Absent: it starts again. */
  resume?: { offset: string } | { cursor: string };
  /** A list (walked page by page) or one object. */
  run(client: never, args: string[], filters: Record<string, unknown>, options: ListOptions): Paginated<unknown> | PromiseLike<unknown>;
}

/** The credentials each vendor reads from the environment. */
export const ENV_HINT = { close: 'CLOSE_API_KEY (or CLOSE_ACCESS_TOKEN)', whippy: 'WHIPPY_API_KEY', clarion: 'CLARION_API_KEY' };

/** What each resource is, for `--help` (a resource without an entry shows its vendor and name). */
export const RESOURCE_DESCRIPTIONS: Record<string, string> = {
  'close/sequences': 'automated multi-step outreach (emails, calls) and its steps',
  'close/subscriptions': 'contacts enrolled in a sequence, and their progress',
  'close/bulk-subscriptions': 'enrol, pause or resume many contacts in one action',
  'close/events': 'what changed in the organization, and who or what changed it',
  'whippy/sequences': 'automated series of texts and emails',
  'whippy/runs': "contacts' passes through a sequence",
  'whippy/sequence-contacts': "the contacts in a sequence's steps",
  'whippy/contact-sequences': 'the sequences a contact is in',
  'clarion/sequences': 'patient outreach sequences (sequence-manager)',
  'clarion/definitions': 'the reusable steps a sequence runs',
};

/** Builds the vendor's client from the environment and the shared options. */
export function makeClient(vendor: CommandSpec['vendor'], options: ClientOptions): CloseClient | WhippyClient | ClarionClient {
  if (vendor === 'close') {
    const accessToken = process.env.CLOSE_ACCESS_TOKEN;
    return new CloseClient(accessToken && !process.env.CLOSE_API_KEY ? { ...options, accessToken } : options);
  }
  return vendor === 'whippy' ? new WhippyClient(options) : new ClarionClient(options);
}

/** A positional id that must be a whole number (Clarion's ids). */
export function intArg(value: string | undefined, name: string): number {
  const number = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new InvalidRequestError('arguments', [
      { path: `<${name}>`, message: `must be a whole number, got ${JSON.stringify(value ?? '')}` },
    ]);
  }
  return number;
}

/**
 * A positional argument commander has already required (`<id>`): the check only says so to the
 * type checker, and names the argument should a command ever be declared without it.
 */
export function textArg(value: string | undefined, name: string): string {
  if (value === undefined) throw new InvalidRequestError('arguments', [{ path: `<${name}>`, message: 'is required' }]);
  return idOf(value, `<${name}>`);
}

/** An id given as `--flag <id>` (or a positional `<id>`), checked here so its error names the flag, not the SDK's parameter. */
export function idOf(value: unknown, flag: string): string {
  encodeId(value, flag);
  return value as string;
}
