import { ClarionClient } from '../clarion/index.js';
import { CloseClient } from '../close/index.js';
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
  /** A list (walked page by page) or one object. */
  run(client: never, args: string[], filters: Record<string, unknown>, options: ListOptions): Paginated<unknown> | PromiseLike<unknown>;
}

/** The credentials each vendor reads from the environment. */
export const ENV_HINT = { close: 'CLOSE_API_KEY (or CLOSE_ACCESS_TOKEN)', whippy: 'WHIPPY_API_KEY', clarion: 'CLARION_API_KEY' };

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

// Every list and retrieve the clients have. Filter fields keep the vendors' names.
export const COMMANDS: CommandSpec[] = [
  {
    vendor: 'close',
    resource: 'sequences',
    verb: 'list',
    description: 'list sequences',
    args: [],
    options: [pageSize('_limit')],
    run: (c: CloseClient, _a, f, o) => c.sequences.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'sequences',
    verb: 'get',
    description: 'fetch one sequence',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.sequences.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'subscriptions',
    verb: 'list',
    description: 'list sequence subscriptions (needs --sequence, --contact or --lead)',
    args: [],
    options: [
      { flags: '--sequence <id>', description: 'subscriptions to this sequence', field: 'sequence_id' },
      { flags: '--contact <id>', description: 'subscriptions of this contact', field: 'contact_id' },
      { flags: '--lead <id>', description: "subscriptions of this lead's contacts", field: 'lead_id' },
      pageSize('_limit'),
    ],
    run: (c: CloseClient, _a, f, o) => c.subscriptions.list(f as never, o),
  },
  {
    vendor: 'close',
    resource: 'subscriptions',
    verb: 'get',
    description: 'fetch one subscription',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.subscriptions.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'bulk-subscriptions',
    verb: 'list',
    description: 'list bulk subscription actions',
    args: [],
    options: [pageSize('_limit')],
    run: (c: CloseClient, _a, f, o) => c.bulkSubscriptions.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'bulk-subscriptions',
    verb: 'get',
    description: 'fetch one bulk subscription action',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.bulkSubscriptions.retrieve(i!),
  },
  {
    vendor: 'close',
    resource: 'events',
    verb: 'list',
    description: 'list event-log entries, latest first (--object-type needs --action, --object-id, --lead or --user)',
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
    run: (c: CloseClient, _a, f, o) => c.events.list(f, o),
  },
  {
    vendor: 'close',
    resource: 'events',
    verb: 'get',
    description: 'fetch one event',
    args: id('id'),
    options: [],
    run: (c: CloseClient, [i]) => c.events.retrieve(i!),
  },
  {
    vendor: 'whippy',
    resource: 'sequences',
    verb: 'list',
    description: 'list sequences',
    args: [],
    options: [{ flags: '--title <text>', description: 'sequences whose title matches', field: 'title' }, pageSize('limit', 500)],
    run: (c: WhippyClient, _a, f, o) => c.sequences.list(f, o),
  },
  {
    vendor: 'whippy',
    resource: 'sequences',
    verb: 'get',
    description: 'fetch one sequence',
    args: id('id'),
    options: [],
    run: (c: WhippyClient, [i]) => c.sequences.retrieve(i!),
  },
  {
    vendor: 'whippy',
    resource: 'runs',
    verb: 'list',
    description: "list a sequence's runs",
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
    run: (c: WhippyClient, _a, { sequence, ...f }, o) => c.sequences.runs.list(String(sequence), f, o),
  },
  {
    vendor: 'whippy',
    resource: 'runs',
    verb: 'get',
    description: 'fetch one run',
    args: ['<sequence-id>', '<run-id>'],
    options: [],
    run: (c: WhippyClient, [s, r]) => c.sequences.runs.retrieve(s!, r!),
  },
  {
    vendor: 'whippy',
    resource: 'sequence-contacts',
    verb: 'list',
    description: "list the contacts in a sequence's steps",
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
    run: (c: WhippyClient, _a, { sequence, ...f }, o) => c.sequences.contacts.list(String(sequence), f, o),
  },
  {
    vendor: 'whippy',
    resource: 'contact-sequences',
    verb: 'list',
    description: 'list the sequences a contact is in',
    args: [],
    options: [
      { flags: '--contact <id>', description: 'the contact (required)', field: 'contact', required: true },
      { flags: '--sequence <id>', description: 'only this sequence', field: 'sequence_id' },
      { flags: '--contact-status <status>', description: "the contact's status in its latest step", field: 'contact_status' },
      { flags: '--sequence-status <status>', description: 'draft, active or archived', field: 'sequence_status' },
      pageSize('limit', 500),
    ],
    run: (c: WhippyClient, _a, { contact, ...f }, o) => c.contacts.sequences.list(String(contact), f, o),
  },
  {
    vendor: 'clarion',
    resource: 'sequences',
    verb: 'list',
    description: 'list sequences',
    args: [],
    options: [],
    run: (c: ClarionClient, _a, _f, o) => c.sequences.list(o),
  },
  {
    vendor: 'clarion',
    resource: 'sequences',
    verb: 'get',
    description: 'fetch one sequence',
    args: id('id'),
    options: [],
    run: (c: ClarionClient, [i]) => c.sequences.retrieve(Number(i)),
  },
  {
    vendor: 'clarion',
    resource: 'definitions',
    verb: 'get',
    description: 'fetch one sequence definition',
    args: id('id'),
    options: [],
    run: (c: ClarionClient, [i]) => c.definitions.retrieve(Number(i)),
  },
];
