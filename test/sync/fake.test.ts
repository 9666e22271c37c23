import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseFake, startFakeServer, type FakeServer } from '../../src/testing/index.js';

const DAY = 86_400_000;

describe('the Close fake, as a sync sees it', () => {
  let time: number;
  let fake: CloseFake;
  let server: FakeServer;
  beforeEach(async () => {
    time = Date.parse('2026-11-01T00:00:00Z');
    fake = new CloseFake({ clock: () => new Date(time), maxSkip: 200 });
    server = await startFakeServer({ close: fake });
  });
  afterEach(() => server.stop());

  const get = async (path: string) => {
    const response = await fetch(`${server.close.baseUrl}/${path}`, { headers: { authorization: `Basic ${btoa('test_close_key:')}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('logs creates, updates and deletes of subscriptions, newest first, dated by its clock', async () => {
    const [id] = [...fake.subscriptions.keys()];
    fake.removeSubscription(id!);
    time += 1000;
    const { body } = await get('event/?object_type=sequence_subscription&action=deleted');
    expect(body.data).toEqual([expect.objectContaining({ object_id: id, action: 'deleted', date_updated: '2026-11-01T00:00:00.000Z' })]);
    expect(fake.subscriptions.has(id!)).toBe(false);
  });

  it('forgets events older than 30 days on its clock', async () => {
    fake.removeSubscription([...fake.subscriptions.keys()][0]!);
    time += 30 * DAY - 1;
    expect((await get('event/?object_type=sequence_subscription&action=deleted')).body.data).toHaveLength(1);
    time += 2;
    expect((await get('event/?object_type=sequence_subscription&action=deleted')).body.data).toEqual([]);
    expect(fake.eventLog.events).toEqual([]);
  });

  it('answers a _skip past maxSkip with a 400 and Close’s field-errors body', async () => {
    const sequenceId = [...fake.sequences.keys()][0]!;
    expect((await get(`sequence_subscription/?sequence_id=${sequenceId}&_skip=200`)).status).toBe(200);
    expect(await get(`sequence_subscription/?sequence_id=${sequenceId}&_skip=201`)).toEqual({
      status: 400,
      body: { errors: [], 'field-errors': { _skip: 'Input should be less than or equal to 200' } },
    });
  });
});
