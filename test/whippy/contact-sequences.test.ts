import { describe, expect, it } from 'vitest';
import type { InvalidRequestError } from '../../src/index.js';
import { contactSequencesFilter } from '../../src/whippy/index.js';
import { useWhippyFake } from '../helpers/whippy.js';

const whippy = useWhippyFake();

function contactId(name: string): string {
  return String([...whippy.fake.contacts.values()].find((c) => c.name === name)!.id);
}

describe('whippy.contacts.sequences', () => {
  it('POSTs the filters and paging in the JSON body', async () => {
    const id = contactId('Giovanni Torp');
    const seq = String(whippy.welcome().id);
    await whippy
      .client()
      .contacts.sequences.list(id, contactSequencesFilter().sequence(seq).contactStatus('active').sequenceStatus('active').limit(500));
    expect(whippy.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: `/contacts/${id}/sequences`,
      query: {},
      body: { sequence_id: seq, contact_status: 'active', sequence_status: 'active', offset: 0, limit: 500 },
    });
  });

  it("gives each sequence with the contact's last, current and next step", async () => {
    const entries = await whippy.client().contacts.sequences.list(contactId('Maya Okafor')).toArray({ limit: 10 });
    expect(entries).toEqual([
      {
        sequence: { id: whippy.welcome().id, title: 'Welcome series', status: 'active' },
        contact_status: 'active',
        last_step: null,
        current_step: { id: expect.any(String), title: 'Welcome' },
        next_step: { id: expect.any(String), title: 'Check-in' },
      },
    ]);
  });

  it('refuses a limit above 500, the documented maximum, before sending', async () => {
    const error = (await whippy
      .client()
      .contacts.sequences.list(contactId('Maya Okafor'), { limit: 501 })
      .then(null, (e: unknown) => e)) as InvalidRequestError;
    expect(error.field).toBe('limit');
    expect(error.message).toMatch(/at most 500/);
    expect(whippy.fake.requestCount).toBe(0);
  });
});
