import { describe, expect, it } from 'vitest';
import { InvalidRequestError, NotFoundError } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

describe('close.sequences', () => {
  it('lists sequences across pages, advancing _skip by _limit until has_more is false', async () => {
    const names: string[] = [];
    for await (const sequence of close.client().sequences.list({ _limit: 2 })) names.push(sequence.name);
    expect(names).toEqual([...close.fake.sequences.values()].map((s) => s.name));
    expect(close.fake.requests.map((r) => r.query)).toEqual([
      { _skip: '0', _limit: '2' },
      { _skip: '2', _limit: '2' },
    ]);
  });

  it('gives the first page when awaited, with hasNextPage and getNextPage', async () => {
    const page = await close.client().sequences.list({ _limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.hasNextPage()).toBe(true);
    const next = await page.getNextPage();
    expect(next.data).toHaveLength(1);
    expect(next.hasNextPage()).toBe(false);
    await expect(next.getNextPage()).rejects.toThrow(/no next page/);
  });

  it('retrieves one sequence with its subscription counts', async () => {
    const id = firstSequenceId(close.fake);
    const sequence = await close.client().sequences.retrieve(id);
    expect(sequence.id).toBe(id);
    expect(sequence.subscription_counts_by_status?.active).toBe(4);
    expect(close.fake.requests[0]).toMatchObject({ method: 'GET', path: `/sequence/${id}/` });
  });

  it('creates a sequence and returns the model, not an envelope', async () => {
    const created = await close.client().sequences.create({
      name: 'Onboarding',
      timezone: 'America/New_York',
      steps: [
        { step_type: 'call', delay: 0 },
        { step_type: 'email', delay: 86400, email_template_id: 'tmpl_x', threading: 'old_thread' },
      ],
    });
    expect(created.id).toMatch(/^seq_/);
    expect(created.steps.map((s) => s.step_type)).toEqual(['call', 'email']);
    expect(close.fake.requests[0]?.body).toMatchObject({ name: 'Onboarding', timezone: 'America/New_York' });
    expect(close.fake.sequences.get(created.id)?.name).toBe('Onboarding');
  });

  it('refuses a create without timezone before sending anything', async () => {
    const error = await close
      .client()
      // @ts-expect-error timezone is required by the type too
      .sequences.create({ name: 'No timezone', steps: [{ step_type: 'call' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('timezone');
    expect(close.fake.requestCount).toBe(0);
  });

  it('refuses an email step without a template, naming the field', async () => {
    const error = await close
      .client()
      .sequences.create({ name: 'x', timezone: 'UTC', steps: [{ step_type: 'email' }] })
      .catch((e: unknown) => e);
    expect((error as InvalidRequestError).field).toBe('steps[0].email_template_id');
    expect(close.fake.requestCount).toBe(0);
  });

  it('updates a sequence, keeping the steps sent back as {id} and deleting the rest', async () => {
    const id = firstSequenceId(close.fake);
    const before = close.fake.sequences.get(id)!.steps as { id: string }[];
    const updated = await close.client().sequences.update(id, { name: 'Renamed', steps: [{ id: before[0]!.id }, { id: before[2]!.id }] });
    expect(updated.name).toBe('Renamed');
    expect(updated.steps.map((s) => s.id)).toEqual([before[0]!.id, before[2]!.id]);
    expect(close.fake.requests[0]).toMatchObject({ method: 'PUT', body: { name: 'Renamed' } });
  });

  it('deletes a sequence and resolves with nothing', async () => {
    const id = firstSequenceId(close.fake);
    await expect(close.client().sequences.delete(id)).resolves.toBeUndefined();
    expect(close.fake.sequences.has(id)).toBe(false);
    await expect(close.client().sequences.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('percent-checks ids: a path-changing id is refused before any request', async () => {
    for (const id of ['../x', 'a/b', 'a?b', 'a#b', '..', 'a\r\nb', 'séq']) {
      await expect(close.client().sequences.retrieve(id)).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(close.fake.requestCount).toBe(0);
  });
});
