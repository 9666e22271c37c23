import { describe, expect, it } from 'vitest';
import { BatchError, InternalServerError, InvalidRequestError } from '../../src/index.js';
import { sequenceContactsFilter } from '../../src/whippy/index.js';
import { useWhippyFake } from '../helpers/whippy.js';

const whippy = useWhippyFake();

const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ phone: `+1555${String(from + i).padStart(7, '0')}` }));

describe('whippy.sequences.contacts', () => {
  it('sends every list filter as the exact query, step_ids comma-separated', async () => {
    const seq = whippy.welcome();
    const [a, b] = (seq.steps as { id: string }[]).map((s) => s.id);
    await whippy
      .client()
      .sequences.contacts.list(
        String(seq.id),
        sequenceContactsFilter().status('active').steps(a!, b!).responded().unsubscribed(false).clickedLink().limit(25),
      );
    expect(whippy.fake.requests[0]?.query).toEqual({
      status: 'active',
      step_ids: `${a},${b}`,
      responded: 'true',
      unsubscribed: 'false',
      clicked_link: 'true',
      offset: '0',
      limit: '25',
    });
  });

  it('returns the step contacts the filters select', async () => {
    const id = String(whippy.welcome().id);
    const client = whippy.client();
    const responded = await client.sequences.contacts.list(id, { responded: true }).toArray({ limit: 10 });
    expect(responded.map((c) => c.contact?.name)).toEqual(['Giovanni Torp', 'Ravi Menon']);
    const finished = await client.sequences.contacts.list(id, { status: 'finished' }).toArray({ limit: 10 });
    expect(finished.map((c) => c.contact?.name)).toEqual(['Tom Becker']);
  });

  it('enrols contacts (202) and they then appear in runs and in the contact list', async () => {
    const id = String(whippy.welcome().id);
    const client = whippy.client();
    const result = await client.sequences.contacts.add(id, { to: [{ phone: '+1 555 010 2000', name: 'Ada' }], from: '+15550100000' });
    expect(result).toEqual({
      contacts: 1,
      calls: [{ index: 0, start: 0, count: 1, status: 202, body: { data: { message: 'Contacts are being added to the sequence' } } }],
    });
    expect(whippy.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: `/sequences/${id}/contacts`,
      body: { to: [{ phone: '+15550102000', name: 'Ada' }], from: '+15550100000' },
    });
    const runs = await client.sequences.runs.list(id, { phone: '+15550102000' }).toArray({ limit: 5 });
    expect(runs.map((r) => r.status)).toEqual(['active']);
    const contacts = await client.sequences.contacts.list(id, { status: 'active' }).toArray({ limit: 50 });
    expect(contacts.map((c) => c.contact?.phone)).toContain('+15550102000');
  });

  it('splits 9,000 contacts into calls of 4,000, 4,000 and 1,000 and reports each', async () => {
    const result = await whippy.client().sequences.contacts.add(String(whippy.welcome().id), { to: phones(9_000) });
    expect(result.calls.map(({ start, count, status }) => ({ start, count, status }))).toEqual([
      { start: 0, count: 4_000, status: 202 },
      { start: 4_000, count: 4_000, status: 202 },
      { start: 8_000, count: 1_000, status: 202 },
    ]);
    expect(whippy.fake.writes.map((w) => w.contacts)).toEqual([4_000, 4_000, 1_000]);
  });

  it('never resends an enrol after a 503', async () => {
    whippy.fake.fail({ status: 503, method: 'POST', path: '/contacts', times: 3 });
    await expect(whippy.client().sequences.contacts.add(String(whippy.welcome().id), { to: phones(1) })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(whippy.fake.requestCount).toBe(1);
    expect(whippy.fake.writes).toHaveLength(0);
  });

  it('says which calls went through when a later call fails', async () => {
    let calls = 0;
    const original = whippy.fake.handle.bind(whippy.fake);
    whippy.fake.handle = async (request: Request) =>
      ++calls === 2 ? Response.json({ errors: [{ description: 'boom' }], status: 503 }, { status: 503 }) : original(request);
    const error = (await whippy
      .client()
      .sequences.contacts.add(String(whippy.welcome().id), { to: phones(9_000) })
      .catch((e: unknown) => e)) as BatchError;
    expect(error).toBeInstanceOf(BatchError);
    expect(error.completed.map(({ start, count }) => ({ start, count }))).toEqual([{ start: 0, count: 4_000 }]);
    expect(error.failedAt).toBe(4_000);
    expect(error.message).toMatch(/4000 item\(s\) in 1 earlier call\(s\) were already accepted \(items 0-3999\)/);
    expect(error.cause).toBeInstanceOf(InternalServerError);
    expect(calls).toBe(2);
  });

  it('retries an enrol refused with 429 after the X-RateLimit-Remaining-Interval-Milliseconds wait', async () => {
    whippy.fake.fail({ status: 429, method: 'POST', headers: { 'x-ratelimit-remaining-interval-milliseconds': '250' } });
    const waits: number[] = [];
    const client = whippy.client({ onRetry: (e) => waits.push(e.waitMs) });
    const result = await client.sequences.contacts.add(String(whippy.welcome().id), { to: phones(2) });
    expect(waits).toEqual([250]);
    expect(result.calls[0]?.status).toBe(202);
    expect(whippy.fake.writes).toHaveLength(1);
  });

  it('removes contacts with DELETE and a contacts body; their runs finish', async () => {
    const id = String(whippy.welcome().id);
    const client = whippy.client();
    const result = await client.sequences.contacts.remove(id, { contacts: [{ phone: '+1 415 555 0101' }] });
    expect(result.calls[0]?.status).toBe(202);
    expect(whippy.fake.requests[0]).toMatchObject({
      method: 'DELETE',
      path: `/sequences/${id}/contacts`,
      body: { contacts: [{ phone: '+14155550101' }] },
    });
    const runs = await client.sequences.runs.list(id, { phone: '+14155550101' }).toArray({ limit: 5 });
    expect(runs.map((r) => r.status)).toEqual(['finished']);
  });

  it.each([
    ['an empty contact list', { to: [] }, 'to', /at least one contact/],
    ['a contact without phone', { to: [{ name: 'x' }] }, 'to[0].phone', /required/],
    ['a malformed phone', { to: [{ phone: 'abc' }] }, 'to[0].phone', /phone number/],
    ['an oversized list', { to: phones(100_001) }, 'to', /at most 100000/],
    ['a malformed schedule_at', { to: phones(1), schedule_at: 'tomorrow' }, 'schedule_at', /ISO 8601/],
  ])('refuses %s before sending', async (_, body, field, message) => {
    const error = (await whippy
      .client()
      .sequences.contacts.add(String(whippy.welcome().id), body as never)
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(whippy.fake.requestCount).toBe(0);
  });

  it('refuses an empty removal list before sending', async () => {
    await expect(whippy.client().sequences.contacts.remove(String(whippy.welcome().id), { contacts: [] })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    expect(whippy.fake.requestCount).toBe(0);
  });
});
