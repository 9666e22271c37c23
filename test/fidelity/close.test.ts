import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CLOSE_BASE_URL } from '../../src/close/index.js';
import { ResponseValidationError } from '../../src/index.js';
import { useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

const rejection = (promise: PromiseLike<unknown>) => Promise.resolve(promise).then(null, (e: unknown) => e);

// Issue 11 items 5 and 6: refuse nothing the docs allow; require every field they document.
describe('close follows its docs', () => {
  it('sends a Close weekday outside 1-7 as given: the numbering is unconfirmed (close.md §2.3 [U])', async () => {
    const ranges = [0, 7, 8].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    await close.client().sequences.create({ name: 'Weekend', timezone: 'UTC', steps: [{ step_type: 'call' }], schedule: { ranges } });
    expect(close.fake.requests[0]?.body).toMatchObject({ schedule: { ranges } });
  });
  it("a Close bulk action missing one of the spec's 24 required fields fails under 'strict'", async () => {
    const id = (await close.client().bulkSubscriptions.create({ action_type: 'pause' })).id;
    delete close.fake.bulkActions.get(id)!.send_done_email;
    expect(await rejection(close.client({ validation: 'strict' }).bulkSubscriptions.retrieve(id))).toBeInstanceOf(ResponseValidationError);
    // lenient still hands the data over
    expect(await close.client({ validation: 'lenient' }).bulkSubscriptions.retrieve(id)).toMatchObject({ id });
  });
  it("a Close list without has_more fails under 'strict' (the spec requires it)", async () => {
    close.server.use(http.get(`${CLOSE_BASE_URL}/sequence/`, () => HttpResponse.json({ data: [] })));
    expect(await rejection(close.client({ validation: 'strict' }).sequences.list())).toBeInstanceOf(ResponseValidationError);
  });
});
