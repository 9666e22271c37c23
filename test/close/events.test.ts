import { describe, expect, it } from 'vitest';
import { eventsFilter, isCloseEvent } from '../../src/close/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

async function pauseSeededSubscriptions(count: number): Promise<string[]> {
  const client = close.client();
  const ids = [...close.fake.subscriptions.keys()].slice(0, count);
  for (const id of ids) await client.subscriptions.pause(id);
  return ids;
}

describe('close.events', () => {
  it('walks the event log across pages by following cursor_next, latest first', async () => {
    const paused = await pauseSeededSubscriptions(7);
    const client = close.client();
    const events = await client.events.list({ object_type: 'sequence_subscription', action: 'updated', _limit: 3 }).toArray({ limit: 100 });
    expect(events.map((e) => e.object_id)).toEqual([...paused].reverse());
    const cursors = close.fake.requests.filter((r) => r.path === '/event/').map((r) => r.query._cursor);
    expect(cursors).toHaveLength(3);
    expect(cursors[0]).toBeUndefined();
    expect(cursors[1]).toMatch(/^n_ev/);
    expect(close.fake.requests.at(-1)?.query).toMatchObject({ object_type: 'sequence_subscription', action: 'updated', _limit: '3' });
  });

  it('moves page by page with getNextPage, and refuses to branch from a page already left behind', async () => {
    await pauseSeededSubscriptions(5);
    const first = await close.client().events.list({ object_type: 'sequence_subscription', action: 'updated', _limit: 2 });
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect([first, second, third].map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(third.hasNextPage()).toBe(false);
    await expect(first.getNextPage()).rejects.toThrow(/moves forward only/);
  });

  it('exposes the cursor of the next page on each page (null on the last), and list({ _cursor }) continues there', async () => {
    await pauseSeededSubscriptions(5);
    const filter = { object_type: 'sequence_subscription', action: 'updated', _limit: 2 };
    const first = await close.client().events.list(filter);
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect(first.nextCursor).toBe(close.fake.requests.at(-2)?.query._cursor);
    expect(first.nextCursor).toMatch(/^n_ev/);
    expect(third.nextCursor).toBeNull();
    close.fake.requests.length = 0;
    const resumed = await close
      .client()
      .events.list({ ...filter, _cursor: first.nextCursor! })
      .toArray({ limit: 10 });
    expect(resumed.map((e) => e.id)).toEqual([...second.data, ...third.data].map((e) => e.id));
    expect(close.fake.requests.map((r) => r.query._cursor)).toEqual([first.nextCursor, second.nextCursor]);
    expect(close.fake.requests[0]?.query).toMatchObject({ object_type: 'sequence_subscription', action: 'updated', _limit: '2' });
    expect((await close.client().subscriptions.list({ sequence_id: firstSequenceId(close.fake) })).nextCursor).toBeUndefined();
  });

  it('takes the starting cursor from eventsFilter().cursor() too, and refuses an empty one before sending', async () => {
    await pauseSeededSubscriptions(3);
    const first = await close.client().events.list({ object_type: 'sequence_subscription', action: 'updated', _limit: 1 });
    close.fake.requests.length = 0;
    await close.client().events.list(eventsFilter().objectType('sequence_subscription').action('updated').cursor(first.nextCursor!));
    expect(close.fake.requests[0]?.query._cursor).toBe(first.nextCursor);
    close.fake.requests.length = 0;
    await expect(close.client().events.list({ lead_id: 'lead_1', _cursor: '' })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(close.fake.requests).toHaveLength(0);
  });

  it('sends the same query for an eventsFilter() builder as for the plain object', async () => {
    const since = '2026-01-01T00:00:00Z';
    await close.client().events.list({ object_type: 'sequence', action: 'updated', date_updated__gte: since, _limit: 10 });
    await close.client().events.list(eventsFilter().objectType('sequence').action('updated').since(since).limit(10));
    expect(close.fake.requests[1]?.query).toEqual(close.fake.requests[0]?.query);
    await expect(close.client().events.list(eventsFilter().objectType('sequence'))).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('types subscription events: data, previous_data and changed_fields', async () => {
    const [id] = await pauseSeededSubscriptions(1);
    const page = await close.client().events.list({ object_id: id!, action: 'updated' });
    const event = page.data[0]!;
    expect(isCloseEvent(event, 'sequence_subscription')).toBe(true);
    if (!isCloseEvent(event, 'sequence_subscription')) return;
    expect(event.data?.status).toBe('paused');
    expect(event.previous_data?.status).toBe('active');
    expect(event.changed_fields).toContain('status');
  });

  it('sends date_updated bounds as ISO 8601 and retrieves one event by id', async () => {
    await pauseSeededSubscriptions(1);
    const since = new Date(Date.now() - 60_000);
    const [first] = await close
      .client()
      .events.list({ object_type: 'sequence_subscription', action: 'updated', date_updated__gte: since })
      .toArray({ limit: 1 });
    expect(close.fake.requests.at(-1)?.query.date_updated__gte).toBe(since.toISOString());
    expect((await close.client().events.retrieve(first!.id)).id).toBe(first!.id);
  });

  it.each([
    [{ object_type: 'sequence_subscription' }, /object_type; supported/],
    [{ action: 'updated' }, /filtering by action;/],
    [{ object_id: 'sub_1' }, /filtering by object_id;/],
    [{ request_id: 'req_1', lead_id: 'lead_1' }, /lead_id \+ request_id|filtering by lead_id \+ request_id/],
  ])('refuses the unsupported combination %o before sending', async (filter, message) => {
    const error = await close
      .client()
      .events.list(filter)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(close.fake.requests).toHaveLength(0);
  });

  it('refuses a page size above Close cap of 50, unknown filters and reversed dates', async () => {
    for (const filter of [
      { lead_id: 'lead_1', _limit: 51 },
      { lead_id: 'lead_1', object: 'x' },
      { lead_id: 'lead_1', date_updated__gte: '2026-02-01', date_updated__lte: '2026-01-01' },
    ]) {
      await expect(close.client().events.list(filter as never)).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(close.fake.requests).toHaveLength(0);
  });

  it('accepts every combination the spec lists, and the fake agrees', async () => {
    const sequenceId = firstSequenceId(close.fake);
    await close.client().sequences.update(sequenceId, { name: 'Renamed' });
    const events = await close.client().events.list({ object_type: 'sequence', object_id: sequenceId }).toArray({ limit: 10 });
    expect(events[0]).toMatchObject({
      object_type: 'sequence',
      action: 'updated',
      changed_fields: expect.arrayContaining(['name']) as unknown,
    });
    await close.client().events.list({ user_id: 'user_1', object_type: 'lead', action: 'created' });
    await close.client().events.list({ request_id: 'req_1' });
    await close.client().events.list();
  });
});

describe('a cursor list whose server repeats its cursor', () => {
  it('stops with an error instead of asking for the same page forever', async () => {
    const { CloseClient } = await import('../../src/close/index.js');
    let requests = 0;
    const close = new CloseClient({
      apiKey: 'test_close_key',
      baseUrl: 'http://127.0.0.1:9/api/v1',
      validation: 'off',
      pacing: false,
      fetch: () => {
        requests++;
        const body = JSON.stringify({ data: [{ id: `ev_${requests}` }], cursor_next: 'SAME', cursor_previous: null });
        return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      },
    });
    const seen: unknown[] = [];
    const walk = (async () => {
      for await (const event of close.events.list({ object_type: 'sequence', action: 'updated' })) {
        seen.push(event);
        if (seen.length > 50) break;
      }
    })();
    await expect(walk).rejects.toThrow(/cursor it was asked for/);
    expect(requests).toBe(2);
  });
});
