import { describe, expect, it } from 'vitest';
import { CLARION_BASE_URL, ClarionClient } from '../../src/clarion/index.js';
import { CLOSE_BASE_URL, CloseClient } from '../../src/close/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { ClarionFake, CloseFake, WhippyFake } from '../../src/testing/index.js';
import { fakeHandlers } from '../../src/testing/msw.js';
import { WHIPPY_BASE_URL, WhippyClient } from '../../src/whippy/index.js';
import { expectNoCanary } from '../helpers/canary.js';
import { useMswServer } from '../helpers/msw.js';

const server = useMswServer();
const close = new CloseClient({ apiKey: 'test_close_key', logLevel: 'off' });
const whippy = new WhippyClient({ apiKey: 'test_whippy_key', logLevel: 'off' });
const clarion = new ClarionClient({ apiKey: 'test_clarion_token', logLevel: 'off' });

const sender = { sender_account_id: 'emailacct_1', sender_name: 'Jo', sender_email: 'jo@example.org' };
const subscribe = { sequence_id: 'seq_1', contact_id: 'cont_1', contact_email: 'a@example.org', ...sender };
const row = { phoneNumber: '+15551234567', firstName: 'A', lastName: 'B' };
const SEQ = '5137e2c4-fe04-4c55-8810-943b33fd0f72';

// [what, the call, the field the error must name]
type Case = [string, () => PromiseLike<unknown>, string];
const bad = <T>(value: unknown) => value as T;

const CASES: Case[] = [
  // Close
  ['close: create without name', () => close.sequences.create(bad({ timezone: 'UTC', steps: [{}] })), 'name'],
  ['close: create without timezone', () => close.sequences.create(bad({ name: 'x', steps: [{}] })), 'timezone'],
  ['close: create with no steps', () => close.sequences.create({ name: 'x', timezone: 'UTC', steps: [] }), 'steps'],
  [
    'close: create with a negative delay',
    () => close.sequences.create({ name: 'x', timezone: 'UTC', steps: [{ delay: -1 }] }),
    'steps[0].delay',
  ],
  [
    'close: create with a fractional delay',
    () => close.sequences.create({ name: 'x', timezone: 'UTC', steps: [{ delay: 1.5 }] }),
    'steps[0].delay',
  ],
  ['close: create with name as a number', () => close.sequences.create(bad({ name: 42, timezone: 'UTC', steps: [{}] })), 'name'],
  [
    'close: schedule weekday 1.5',
    () =>
      close.sequences.create({
        name: 'x',
        timezone: 'UTC',
        steps: [{}],
        schedule: { ranges: [{ weekday: 1.5, start: '09:00', end: '17:00' }] },
      }),
    'schedule.ranges[0].weekday',
  ],
  [
    'close: schedule time 25:00',
    () =>
      close.sequences.create({
        name: 'x',
        timezone: 'UTC',
        steps: [{}],
        schedule: { ranges: [{ weekday: 1, start: '25:00', end: '17:00' }] },
      }),
    'schedule.ranges[0].start',
  ],
  ['close: update with steps not a list', () => close.sequences.update('seq_1', bad({ steps: 'all' })), 'steps'],
  ['close: subscription list with no filter', () => close.subscriptions.list(bad({})), ''],
  [
    'close: subscription list with an unknown key',
    () => close.subscriptions.list(bad({ sequence_id: 'seq_1', status: 'active' })),
    'status',
  ],
  ['close: subscription list with _limit 0', () => close.subscriptions.list({ sequence_id: 'seq_1', _limit: 0 }), '_limit'],
  ['close: subscription list with a negative _skip', () => close.subscriptions.list({ sequence_id: 'seq_1', _skip: -5 }), '_skip'],
  ['close: subscribe without contact_id', () => close.subscriptions.create(bad({ ...subscribe, contact_id: undefined })), 'contact_id'],
  [
    'close: subscribe with a malformed contact_email',
    () => close.subscriptions.create({ ...subscribe, contact_email: 'nobody' }),
    'contact_email',
  ],
  [
    'close: bulk subscribe without contact_preference',
    () => close.bulkSubscriptions.create({ action_type: 'subscribe', sequence_id: 'seq_1', ...sender }),
    'contact_preference',
  ],
  ['close: bulk action without action_type', () => close.bulkSubscriptions.create(bad({ sequence_id: 'seq_1' })), 'action_type'],
  ['close: id with /', () => close.sequences.retrieve('seq_1/../../lead'), 'id'],
  ['close: id ..', () => close.subscriptions.retrieve('..'), 'id'],
  ['close: id with ?', () => close.sequences.delete('seq_1?_fields=id'), 'id'],
  ['close: id with #', () => close.bulkSubscriptions.retrieve('bulk#1'), 'id'],
  ['close: id with CRLF', () => close.sequences.retrieve('seq_1\r\nX-Evil: 1'), 'id'],
  ['close: id with non-ASCII', () => close.sequences.retrieve('séquence'), 'id'],
  ['close: empty id', () => close.subscriptions.pause(''), 'id'],
  ['close: header value with CRLF', () => close.sequences.retrieve('seq_1', { headers: { 'x-trace': 'a\r\nb' } }), 'headers.x-trace'],
  // Whippy
  ['whippy: a date-time without a zone', () => whippy.sequences.runs.list(SEQ, { after: '2026-01-31T10:00:00' }), 'after'],
  ['whippy: contact sequences limit above 500', () => whippy.contacts.sequences.list(SEQ, { limit: 1_000 }), 'limit'],
  ['whippy: after later than before', () => whippy.sequences.runs.list(SEQ, { after: '2026-03-01', before: '2026-02-01' }), 'after'],
  ['whippy: malformed date', () => whippy.sequences.runs.list(SEQ, { before: 'last tuesday' }), 'before'],
  ['whippy: impossible date', () => whippy.sequences.runs.list(SEQ, { after: '2026-13-01' }), 'after'],
  ['whippy: invalid Date object', () => whippy.sequences.runs.list(SEQ, { after: new Date('nope') }), 'after'],
  ['whippy: malformed phone', () => whippy.sequences.runs.list(SEQ, { phone: '+1 555 CALL' }), 'phone'],
  ['whippy: an empty phone', () => whippy.sequences.runs.list(SEQ, { phone: ' ' }), 'phone'],
  ['whippy: step_ids empty', () => whippy.sequences.contacts.list(SEQ, { step_ids: [] }), 'step_ids'],
  ['whippy: responded as a string', () => whippy.sequences.contacts.list(SEQ, bad({ responded: 'yes' })), 'responded'],
  ['whippy: enrol with an empty list', () => whippy.sequences.contacts.add(SEQ, { to: [] }), 'to'],
  [
    'whippy: enrol with an oversized list',
    () => whippy.sequences.contacts.add(SEQ, { to: Array.from({ length: 100_001 }, () => ({ phone: '+15550102000' })) }),
    'to',
  ],
  ['whippy: enrol a contact without phone', () => whippy.sequences.contacts.add(SEQ, { to: [bad({ name: 'x' })] }), 'to[0].phone'],
  [
    'whippy: enrol with a malformed email',
    () => whippy.sequences.contacts.add(SEQ, { to: [{ phone: '+15550102000', email: 'not an email' }] }),
    'to[0].email',
  ],
  ['whippy: remove with an empty list', () => whippy.sequences.contacts.remove(SEQ, { contacts: [] }), 'contacts'],
  ['whippy: sequence id with /', () => whippy.sequences.retrieve('a/b'), 'sequenceId'],
  ['whippy: run id with ..', () => whippy.sequences.runs.retrieve(SEQ, '..'), 'runId'],
  ['whippy: contact id with ?', () => whippy.contacts.sequences.list('c?x=1'), 'contactId'],
  // Clarion
  [
    'clarion: batch row without phoneNumber',
    () => clarion.sequences.batchUpload({ sequence_definition_id: 1, rows: [bad({ firstName: 'A', lastName: 'B' })] }),
    'rows[0].phoneNumber',
  ],
  [
    'clarion: batch row without lastName',
    () => clarion.sequences.batchUpload({ sequence_definition_id: 1, rows: [bad({ phoneNumber: '+15551234567', firstName: 'A' })] }),
    'rows[0].lastName',
  ],
  [
    'clarion: batch row with a snake_case key',
    () => clarion.sequences.batchUpload({ sequence_definition_id: 1, rows: [{ ...row, first_name: 'A' }] }),
    'rows[0].first_name',
  ],
  ['clarion: batch with no rows', () => clarion.sequences.batchUpload({ sequence_definition_id: 1, rows: [] }), 'rows'],
  [
    'clarion: batch with a string definition id',
    () => clarion.sequences.batchUpload(bad({ sequence_definition_id: 'one', rows: [row] })),
    'sequence_definition_id',
  ],
  [
    'clarion: batch with a malformed next_activity_date',
    () => clarion.sequences.batchUpload({ sequence_definition_id: 1, rows: [row], next_activity_date: 'soon' }),
    'next_activity_date',
  ],
  ['clarion: create without steps', () => clarion.sequences.create(bad({ name: 'x' })), 'steps'],
  ['clarion: definition step without type', () => clarion.definitions.create(bad({ name: 'x', steps: [{ order: 1 }] })), 'steps[0].type'],
  ['clarion: id not an integer', () => clarion.sequences.retrieve(bad('12abc')), 'id'],
  ['clarion: negative id', () => clarion.sequences.stop(-1), 'id'],
  ['clarion: id with /', () => clarion.definitions.retrieve(bad('1/2')), 'id'],
];

describe('bad input is refused before any request, naming the field', () => {
  const fakes = { close: new CloseFake(), whippy: new WhippyFake(), clarion: new ClarionFake() };

  it(`has at least 40 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', async (_, call, field) => {
    server.use(
      ...fakeHandlers(fakes.close, CLOSE_BASE_URL),
      ...fakeHandlers(fakes.whippy, WHIPPY_BASE_URL),
      ...fakeHandlers(fakes.clarion, CLARION_BASE_URL),
    );
    const seenBefore = fakes.close.requestCount + fakes.whippy.requestCount + fakes.clarion.requestCount;
    const pending = call();
    const error = await Promise.resolve(pending).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expectNoCanary(error);
    expect((error as InvalidRequestError).issues.map((issue) => issue.path)).toContain(field);
    if (field) expect((error as InvalidRequestError).message).toContain(field);
    expect(fakes.close.requestCount + fakes.whippy.requestCount + fakes.clarion.requestCount).toBe(seenBefore);
  });
});
