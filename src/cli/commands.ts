import { ClarionClient } from '../clarion/index.js';
import { CloseClient } from '../close/index.js';
import { InvalidRequestError } from '../core/errors.js';
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

const pageSize = (field: string, max?: number): OptionSpec => ({
  flags: '--page-size <n>',
  description: `items per request${max ? ` (at most ${max})` : ''}`,
  field,
  parse: 'int',
});
const id = (name: string) => [`<${name}>`];
const closeOffsets = { offset: '_skip' };
const whippyOffsets = { offset: 'offset' };

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

// Every list and retrieve the clients have. Filter fields keep the vendors' names.
export const COMMANDS: CommandSpec[] = [
  {
    vendor: 'close',
    resource: 'sequences',
    verb: 'list',
    description: 'every sequence of the organization, page by page',
    args: [],
    options: [pageSize('_limit')],
    resume: closeOffsets,
    run: (c: CloseClient, _a, f, o) => c.sequences.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'sequences',
    verb: 'get',
    description: 'one sequence with its steps, by id (seq_…)',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.sequences.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'subscriptions',
    verb: 'list',
    description: 'the contacts enrolled, scoped by --sequence, --contact or --lead (one is needed)',
    args: [],
    options: [
      { flags: '--sequence <id>', description: 'subscriptions to this sequence', field: 'sequence_id' },
      { flags: '--contact <id>', description: 'subscriptions of this contact', field: 'contact_id' },
      { flags: '--lead <id>', description: "subscriptions of this lead's contacts", field: 'lead_id' },
      pageSize('_limit'),
    ],
    resume: closeOffsets,
    run: (c: CloseClient, _a, f, o) => c.subscriptions.list(f as never, o),
  },
  {
    vendor: 'close',
    resource: 'subscriptions',
    verb: 'get',
    description: 'one enrolment and its status, by id (sub_…)',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.subscriptions.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'bulk-subscriptions',
    verb: 'list',
    description: 'every bulk enrol, pause or resume action and its progress',
    args: [],
    options: [pageSize('_limit')],
    resume: closeOffsets,
    run: (c: CloseClient, _a, f, o) => c.bulkSubscriptions.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'bulk-subscriptions',
    verb: 'get',
    description: 'one bulk action and its progress, by id',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.bulkSubscriptions.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'events',
    verb: 'list',
    description: 'the event log, latest first (--object-type needs --action, --object-id, --lead or --user)',
    args: [],
    options: [
      { flags: '--object-type <type>', description: 'e.g. sequence_subscription', field: 'object_type' },
      { flags: '--object-id <id>', description: 'events of this object', field: 'object_id' },
      { flags: '--action <action>', description: 'e.g. created, updated, deleted', field: 'action' },
      { flags: '--lead <id>', description: 'events of this lead and its objects', field: 'lead_id' },
      { flags: '--user <id>', description: 'events of this user', field: 'user_id' },
      { flags: '--request <id>', description: 'events of one API request', field: 'request_id' },
      { flags: '--since <date>', description: 'updated at or after (ISO 8601)', field: 'date_updated__gte' },
      { flags: '--until <date>', description: 'updated at or before (ISO 8601)', field: 'date_updated__lte' },
      pageSize('_limit', 50),
    ],
    resume: { cursor: '_cursor' },
    run: (c: CloseClient, _a, f, o) => c.events.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'events',
    verb: 'get',
    description: 'one event-log entry, by id (ev_…)',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.events.retrieve(i!),
  },
  {
    vendor: 'whippy',
    resource: 'sequences',
    verb: 'list',
    description: 'every sequence with its steps, optionally by title',
    args: [],
    options: [{ flags: '--title <text>', description: 'sequences whose title matches', field: 'title' }, pageSize('limit', 500)],
    resume: whippyOffsets,
    run: (c: WhippyClient, _a, f, o) => c.sequences.list(f, o),
  },
  {
    vendor: 'whippy',
    resource: 'sequences',
    verb: 'get',
    description: 'one sequence with its steps, by id',
    args: id('id'),
    options: [],
    run: (c: WhippyClient, [i]) => c.sequences.retrieve(i!),
  },
  {
    vendor: 'whippy',
    resource: 'runs',
    verb: 'list',
    description: "each contact's pass through one sequence, filterable by status, phone, channel and start time",
    args: [],
    options: [
      { flags: '--sequence <id>', description: 'the sequence (required)', field: 'sequence', required: true },
      { flags: '--phone <phone>', description: 'runs of the contact with this phone', field: 'phone' },
      { flags: '--status <status>', description: 'runs with this status (e.g. active, finished)', field: 'status' },
      { flags: '--channel <id>', description: 'runs on this channel', field: 'channel_id' },
      { flags: '--before <date>', description: 'runs started at or before (ISO 8601)', field: 'before' },
      { flags: '--after <date>', description: 'runs started at or after (ISO 8601)', field: 'after' },
      pageSize('limit', 500),
    ],
    resume: whippyOffsets,
    run: (c: WhippyClient, _a, { sequence, ...f }, o) => c.sequences.runs.list(String(sequence), f, o),
  },
  {
    vendor: 'whippy',
    resource: 'runs',
    verb: 'get',
    description: 'one run with its step contacts',
    args: ['<sequence-id>', '<run-id>'],
    options: [],
    run: (c: WhippyClient, [s, r]) => c.sequences.runs.retrieve(s!, r!),
  },
  {
    vendor: 'whippy',
    resource: 'sequence-contacts',
    verb: 'list',
    description: 'the contacts in each step of a sequence, with their status',
    args: [],
    options: [
      { flags: '--sequence <id>', description: 'the sequence (required)', field: 'sequence', required: true },
      { flags: '--status <status>', description: 'contacts with this status in their step', field: 'status' },
      { flags: '--steps <ids>', description: 'contacts in these steps (comma-separated)', field: 'step_ids', parse: 'list' },
      { flags: '--responded <true|false>', description: 'contacts that responded (or not)', field: 'responded', parse: 'bool' },
      { flags: '--unsubscribed <true|false>', description: 'contacts that unsubscribed (or not)', field: 'unsubscribed', parse: 'bool' },
      { flags: '--clicked-link <true|false>', description: 'contacts that clicked a link (or not)', field: 'clicked_link', parse: 'bool' },
      pageSize('limit', 500),
    ],
    resume: whippyOffsets,
    run: (c: WhippyClient, _a, { sequence, ...f }, o) => c.sequences.contacts.list(String(sequence), f, o),
  },
  {
    vendor: 'whippy',
    resource: 'contact-sequences',
    verb: 'list',
    description: 'the sequences one contact is enrolled in',
    args: [],
    options: [
      { flags: '--contact <id>', description: 'the contact (required)', field: 'contact', required: true },
      { flags: '--sequence <id>', description: 'only this sequence', field: 'sequence_id' },
      { flags: '--contact-status <status>', description: "the contact's status in its latest step", field: 'contact_status' },
      { flags: '--sequence-status <status>', description: 'draft, active or archived', field: 'sequence_status' },
      pageSize('limit', 500),
    ],
    resume: whippyOffsets,
    run: (c: WhippyClient, _a, { contact, ...f }, o) => c.contacts.sequences.list(String(contact), f, o),
  },
  {
    vendor: 'clarion',
    resource: 'sequences',
    verb: 'list',
    description: 'every sequence (one page: Clarion does not page)',
    args: [],
    options: [],
    run: (c: ClarionClient, _a, _f, o) => c.sequences.list(o),
  },
  {
    vendor: 'clarion',
    resource: 'sequences',
    verb: 'get',
    description: 'one sequence, by numeric id',
    args: id('id'),
    options: [],
    run: (c: ClarionClient, [i]) => c.sequences.retrieve(intArg(i, 'id')),
  },
  {
    vendor: 'clarion',
    resource: 'definitions',
    verb: 'get',
    description: 'one sequence definition and its steps, by numeric id',
    args: id('id'),
    options: [],
    run: (c: ClarionClient, [i]) => c.definitions.retrieve(intArg(i, 'id')),
  },
];
