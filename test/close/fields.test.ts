import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BulkSequenceSubscriptionAction } from '../../src/close/index.js';
import { InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

async function seededAction(): Promise<string> {
  return (await close.client().bulkSubscriptions.create({ action_type: 'pause', sequence_id: 'seq_1' })).id;
}

describe('close.bulkSubscriptions with _fields (declared on the bulk-action GETs in the spec)', () => {
  it('retrieve sends _fields comma-separated and returns only those fields, typed as a Pick', async () => {
    const id = await seededAction();
    const action = await close.client({ validation: 'strict' }).bulkSubscriptions.retrieve(id, { _fields: ['id', 'status'] });
    expect(close.fake.requests.at(-1)?.query).toMatchObject({ _fields: 'id,status' });
    expect(action).toEqual({ id, status: 'created' });
    expectTypeOf(action).toEqualTypeOf<Pick<BulkSequenceSubscriptionAction, 'id' | 'status'>>();
    // @ts-expect-error -- a field not asked for is not on the type
    void action.sequence_id;
  });

  it('list sends _fields with the paging and types each item as a Pick', async () => {
    await seededAction();
    const page = await close.client({ validation: 'strict' }).bulkSubscriptions.list({ _fields: ['n_leads_processed'], _limit: 10 });
    expect(close.fake.requests.at(-1)?.query).toMatchObject({ _fields: 'n_leads_processed', _limit: '10' });
    expect(page.data).toEqual([{ n_leads_processed: 0 }]);
    expectTypeOf(page.data).toEqualTypeOf<Pick<BulkSequenceSubscriptionAction, 'n_leads_processed'>[]>();
  });

  it('still checks the fields asked for under strict', async () => {
    const id = await seededAction();
    close.fake.bulkActions.get(id)!.status = 42;
    const error = await close
      .client({ validation: 'strict' })
      .bulkSubscriptions.retrieve(id, { _fields: ['status'] })
      .then(null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });

  it('without _fields, every field comes back and the full model is the type', async () => {
    const id = await seededAction();
    const action = await close.client().bulkSubscriptions.retrieve(id);
    expect(close.fake.requests.at(-1)?.query).not.toHaveProperty('_fields');
    expectTypeOf(action).toEqualTypeOf<BulkSequenceSubscriptionAction>();
    expect(Object.keys(action)).toHaveLength(24);
  });

  it('still takes request options as the second argument', async () => {
    const id = await seededAction();
    const action = await close.client().bulkSubscriptions.retrieve(id, { timeout: 5_000, headers: { 'x-trace': '1' } });
    expect(action.id).toBe(id);
    expect(close.fake.requests.at(-1)?.query).toEqual({});
  });

  it('refuses a malformed field name before sending', async () => {
    const before = close.fake.requestCount;
    const error = await close
      .client()
      .bulkSubscriptions.retrieve('bulkseqsub_1', { _fields: ['id,status' as 'id'] })
      .then(null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(close.fake.requestCount).toBe(before);
  });
});
