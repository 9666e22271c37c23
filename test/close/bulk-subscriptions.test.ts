import { describe, expect, it } from 'vitest';
import type { BulkSubscriptionCreateParams } from '../../src/close/index.js';
import type { InvalidRequestError } from '../../src/index.js';
import { useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

const subscribeAction: BulkSubscriptionCreateParams = {
  action_type: 'subscribe',
  sequence_id: 'seq_1',
  sender_account_id: 'emailacct_1',
  sender_name: 'Jo',
  sender_email: 'jo@example.org',
  contact_preference: 'lead',
  s_query: { type: 'and', queries: [{ type: 'object_type', object_type: 'lead' }] },
  sort: [],
};

describe('close.bulkSubscriptions', () => {
  it('creates a bulk subscribe action and fetches it back', async () => {
    const client = close.client();
    const action = await client.bulkSubscriptions.create(subscribeAction);
    expect(action).toMatchObject({ action_type: 'subscribe', status: 'created', contact_preference: 'lead' });
    expect(close.fake.requests[0]).toMatchObject({ method: 'POST', path: '/bulk_action/sequence_subscription/', body: subscribeAction });
    expect((await client.bulkSubscriptions.retrieve(action.id)).id).toBe(action.id);
  });

  it('lists bulk actions', async () => {
    const client = close.client();
    await client.bulkSubscriptions.create({ action_type: 'pause', sequence_id: 'seq_1' });
    await client.bulkSubscriptions.create({ action_type: 'resume' });
    const actions = await client.bulkSubscriptions.list().toArray({ limit: 10 });
    expect(actions.map((a) => a.action_type)).toEqual(['pause', 'resume']);
  });

  it('refuses a subscribe action without sender and contact_preference, naming each field', async () => {
    const error = (await close
      .client()
      .bulkSubscriptions.create({ action_type: 'subscribe', sequence_id: 'seq_1' })
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.issues.map((i) => i.path)).toEqual(['sender_account_id', 'sender_name', 'sender_email', 'contact_preference']);
    expect(close.fake.requestCount).toBe(0);
  });
});
