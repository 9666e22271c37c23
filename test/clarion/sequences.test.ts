import { describe, expect, it } from 'vitest';
import { BadRequestError, InvalidRequestError, NotFoundError } from '../../src/index.js';
import { useClarionFake } from '../helpers/clarion.js';

const clarion = useClarionFake();

describe('clarion.sequences', () => {
  it('lists sequences from the {success, data} envelope as a single page', async () => {
    const page = await clarion.client().sequences.list();
    expect(page.data.map((s) => s.status)).toEqual(['in-progress', 'queued', 'paused', 'completed', 'failed', 'cancelled']);
    expect(page.hasNextPage()).toBe(false);
    const all = await clarion.client().sequences.list().toArray({ limit: 100 });
    expect(all).toHaveLength(6);
    expect(clarion.fake.requests.map((r) => r.path)).toEqual(['/sequence-manager/sequences', '/sequence-manager/sequences']);
  });

  it('retrieves a bare sequence object by integer id', async () => {
    const id = clarion.sequenceIn('paused');
    const seq = await clarion.client().sequences.retrieve(id);
    expect(seq).toMatchObject({ id, status: 'paused', type: 'appointment_reminder' });
    expect(seq.steps?.map((s) => s.type)).toEqual(['voice', 'sms']);
  });

  it('creates and updates a sequence, unwrapping {success, data}', async () => {
    const client = clarion.client();
    const created = await client.sequences.create({
      name: 'Reminder',
      description: 'Day before',
      steps: [{ order: 1, type: 'voice', config: {} }],
    });
    expect(created.status).toBe('queued');
    expect(clarion.fake.requests[0]).toMatchObject({
      method: 'POST',
      body: { name: 'Reminder', steps: [{ order: 1, type: 'voice', config: {} }] },
    });
    const updated = await client.sequences.update(created.id, { description: 'Two days before' });
    expect(updated.id).toBe(created.id);
    expect(clarion.fake.requests[1]).toMatchObject({
      method: 'PUT',
      path: `/sequence-manager/sequences/${created.id}`,
      body: { description: 'Two days before' },
    });
  });

  it.each(['in-progress', 'queued', 'paused'])('stops a %s sequence; it becomes cancelled', async (status) => {
    const id = clarion.sequenceIn(status);
    expect(await clarion.client().sequences.stop(id)).toEqual({ success: true });
    expect(clarion.fake.sequences.get(id)?.status).toBe('cancelled');
  });

  it('gives a clear error when stopping a completed sequence', async () => {
    const error = (await clarion
      .client()
      .sequences.stop(clarion.sequenceIn('completed'))
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toMatch(
      /400 Bad Request on POST \/v1\/sequence-manager\/sequences\/\d+\/stop: Sequence cannot be stopped \(only sequences that are in-progress, queued, paused can be stopped\)/,
    );
    expect(error.body).toEqual({ error: 'Sequence cannot be stopped' });
  });

  it('answers an unknown sequence with NotFoundError', async () => {
    await expect(clarion.client().sequences.stop(999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(clarion.client().sequences.retrieve(999_999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([['12abc'], [-1], [1.5], ['../1'], ['']])('refuses the id %j before sending', async (id) => {
    await expect(clarion.client().sequences.retrieve(id as number)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(clarion.fake.requestCount).toBe(0);
  });

  it('sends the token as Bearer', async () => {
    await clarion.client().sequences.retrieve(clarion.sequenceIn('queued'));
    expect(clarion.fake.requests[0]?.headers.authorization).toBe('Bearer test_clarion_token');
  });
});
