import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { runsFilter } from '../../src/whippy/index.js';
import { useWhippyFake } from '../helpers/whippy.js';

const whippy = useWhippyFake();

const CHANNEL = '70c9cc95-e78b-4acf-9079-b0531c1eeff3';

describe('whippy.sequences.runs', () => {
  it('sends every filter as the exact query Whippy documents', async () => {
    const id = String(whippy.welcome().id);
    await whippy
      .client()
      .sequences.runs.list(
        id,
        runsFilter()
          .phone('+1 360 309 4336')
          .status('active')
          .channel(CHANNEL)
          .after(new Date('2026-01-01T00:00:00Z'))
          .before('2026-01-03T12:00:00+02:00')
          .limit(10)
          .offset(0),
      );
    expect(whippy.fake.requests[0]).toMatchObject({
      method: 'GET',
      path: `/sequences/${id}/sequence_runs`,
      query: {
        phone: '+13603094336',
        status: 'active',
        channel_id: CHANNEL,
        after: '2026-01-01T00:00:00.000Z',
        before: '2026-01-03T10:00:00.000Z',
        offset: '0',
        limit: '10',
      },
    });
  });

  it('sends the same query for the plain object as for the builder', async () => {
    const id = String(whippy.welcome().id);
    const client = whippy.client();
    await client.sequences.runs.list(id, { phone: '+1 (360) 309-4336', status: 'finished', after: '2026-01-01' });
    await client.sequences.runs.list(id, runsFilter().phone('+13603094336').status('finished').after(new Date('2026-01-01')));
    expect(whippy.fake.requests[1]?.query).toEqual(whippy.fake.requests[0]?.query);
  });

  it('returns the runs the filters select', async () => {
    const id = String(whippy.welcome().id);
    const client = whippy.client();
    const byPhone = await client.sequences.runs.list(id, { phone: '+13603094336' }).toArray({ limit: 10 });
    expect(byPhone.map((r) => r.contact?.name)).toEqual(['Giovanni Torp']);
    const finished = await client.sequences.runs.list(id, { status: 'finished' }).toArray({ limit: 10 });
    expect(finished.map((r) => r.contact?.name)).toEqual(['Tom Becker']);
    const window = await client.sequences.runs
      .list(id, { after: '2026-01-02T00:00:00Z', before: '2026-01-03T23:59:59Z' })
      .toArray({ limit: 10 });
    expect(window.map((r) => r.contact?.name)).toEqual(['Maya Okafor', 'Lena Fischer']);
  });

  it.each([
    [{ after: '2026-02-01', before: '2026-01-01' }, 'after', /not be later than before/],
    [{ phone: '555-CALL-NOW' }, 'phone', /phone number/],
    [{ before: '01/02/2026' }, 'before', /ISO 8601/],
    [{ before: '2026-02-30T00:00:00Z' }, 'before', /real date/],
    [{ limit: 0 }, 'limit', /at least 1/],
    [{ offset: -1 }, 'offset', /0 or more/],
    [{ status: 'active; drop' }, 'status', /status word/],
    [{ sort: 'asc' }, 'sort', /not a known field/],
  ])('refuses %j before sending, naming %s', async (filter, field, message) => {
    const error = (await whippy
      .client()
      .sequences.runs.list(String(whippy.welcome().id), filter as never)
      .then(null, (e: unknown) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(whippy.fake.requestCount).toBe(0);
  });

  it('retrieves one run, unwrapping {data}', async () => {
    const [run] = [...whippy.fake.runs.values()];
    const fetched = await whippy.client().sequences.runs.retrieve(String(run!.sequence_id), String(run!.id));
    expect(fetched).toEqual(run);
  });

  it('passes an unknown run status through untouched', async () => {
    const [run] = [...whippy.fake.runs.values()];
    run!.status = 'paused_by_carrier';
    const fetched = await whippy.client().sequences.runs.retrieve(String(run!.sequence_id), String(run!.id));
    expect(fetched.status).toBe('paused_by_carrier');
  });
});
