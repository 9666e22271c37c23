import { describe, expect, it } from 'vitest';
import { subscriptionsFilter } from '../../src/close/index.js';
import { BadRequestError, InvalidRequestError, raw } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

const subscriber = {
  contact_id: 'cont_abc',
  contact_email: 'new@example.org',
  sender_account_id: 'emailacct_1',
  sender_name: 'Jo Sales',
  sender_email: 'jo@example.org',
};

describe('close.subscriptions', () => {
  it('lists the subscriptions of a sequence, sending sequence_id as a query parameter', async () => {
    const sequenceId = firstSequenceId(close.fake);
    const subs = await close.client().subscriptions.list({ sequence_id: sequenceId }).toArray({ limit: 100 });
    expect(subs).toHaveLength(4);
    expect(subs.every((s) => s.sequence_id === sequenceId)).toBe(true);
    expect(close.fake.requests[0]?.query).toEqual({ sequence_id: sequenceId, _skip: '0', _limit: '100' });
  });

  it('sends exactly the same query for a builder and for the plain object', async () => {
    const sequenceId = firstSequenceId(close.fake);
    await close.client().subscriptions.list({ sequence_id: sequenceId, lead_id: 'lead_1', _limit: 5 });
    await close.client().subscriptions.list(subscriptionsFilter().sequence(sequenceId).lead('lead_1').limit(5));
    expect(close.fake.requests[1]?.query).toEqual(close.fake.requests[0]?.query);
  });

  it('keeps a builder immutable: each setter returns a new builder', () => {
    const base = subscriptionsFilter().limit(10);
    const scoped = base.contact('cont_1');
    expect(base.build()).toEqual({ _limit: 10 });
    expect(scoped.build()).toEqual({ _limit: 10, contact_id: 'cont_1' });
  });

  it('refuses a list with no sequence, contact or lead before sending', async () => {
    // @ts-expect-error the type demands a scope
    const list = close.client().subscriptions.list({ _limit: 10 });
    await expect(list).rejects.toThrow(/sequence_id, contact_id or lead_id/);
    // @ts-expect-error an unscoped builder is refused by the type as well
    await expect(close.client().subscriptions.list(subscriptionsFilter().limit(3)).toArray({ limit: 1 })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    expect(close.fake.requestCount).toBe(0);
  });

  it('refuses unknown filter keys', async () => {
    const error = await close
      .client()
      // @ts-expect-error unknown key
      .subscriptions.list({ sequence_id: 'seq_1', status: 'active' })
      .then(null, (e: unknown) => e);
    expect((error as InvalidRequestError).field).toBe('status');
  });

  it('subscribes a contact (Close answers 201) and returns the subscription', async () => {
    const sequenceId = firstSequenceId(close.fake);
    const sub = await close.client().subscriptions.create({ sequence_id: sequenceId, ...subscriber });
    expect(sub).toMatchObject({ sequence_id: sequenceId, contact_id: 'cont_abc', status: 'active', status_reason: null });
    expect(close.fake.subscriptions.has(sub.id)).toBe(true);
  });

  it('refuses a subscribe body with a malformed sender email', async () => {
    const error = await close
      .client()
      .subscriptions.create({ sequence_id: 'seq_1', ...subscriber, sender_email: 'not-an-email' })
      .catch((e: unknown) => e);
    expect((error as InvalidRequestError).field).toBe('sender_email');
    expect(close.fake.requestCount).toBe(0);
  });

  it('retrieves, pauses and resumes a subscription', async () => {
    const [id] = [...close.fake.subscriptions.keys()];
    const client = close.client();
    expect((await client.subscriptions.retrieve(id!)).id).toBe(id);
    const paused = await client.subscriptions.pause(id!);
    expect(paused).toMatchObject({ status: 'paused', status_reason: 'manual' });
    expect(close.fake.requests.at(-1)).toMatchObject({ method: 'PUT', body: { status: 'paused' } });
    const resumed = await client.subscriptions.resume(id!);
    expect(resumed.status).toBe('active');
  });

  it('updates the sender of a subscription', async () => {
    const [id] = [...close.fake.subscriptions.keys()];
    const updated = await close.client().subscriptions.update(id!, { sender_name: 'New Sender' });
    expect(updated.sender_name).toBe('New Sender');
  });

  it('returns an unknown status from the server as it is, without throwing', async () => {
    const [id] = [...close.fake.subscriptions.keys()];
    Object.assign(close.fake.subscriptions.get(id!)!, { status: 'snoozed', status_reason: 'brand-new-reason', brand_new_field: { x: 1 } });
    const sub = await close.client({ validation: 'strict' }).subscriptions.retrieve(id!);
    expect(sub.status).toBe('snoozed');
    expect(sub.status_reason).toBe('brand-new-reason');
    expect(raw(sub).brand_new_field).toEqual({ x: 1 });
  });

  it("surfaces Close's field-errors as a readable message and a structured field", async () => {
    close.fake.fail({
      status: 400,
      body: {
        errors: ['Template "tmpl_X" cannot be used in Workflows because it is not shared.'],
        'field-errors': { sender_email: 'Invalid sender.' },
      },
    });
    const error = (await close
      .client()
      .subscriptions.create({ sequence_id: 'seq_1', ...subscriber })
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.fieldErrors).toEqual({ sender_email: 'Invalid sender.' });
    expect(error.errors).toEqual(['Template "tmpl_X" cannot be used in Workflows because it is not shared.']);
    expect(error.message).toBe(
      'close API 400 Bad Request on POST /api/v1/sequence_subscription/: Template "tmpl_X" cannot be used in Workflows because it is not shared.; sender_email: Invalid sender.',
    );
  });
});
