import { http, HttpResponse } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CONTACT_SEQUENCE_STATUSES, SEQUENCE_CONTACT_FILTER_STATUSES, WHIPPY_BASE_URL } from '../../src/whippy/index.js';
import { InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { useWhippyFake } from '../helpers/whippy.js';

const whippy = useWhippyFake();

const rejection = (promise: PromiseLike<unknown>) => Promise.resolve(promise).then(null, (e: unknown) => e);

// Issue 11 items 5 and 6: refuse nothing the docs allow; require every field they document.
describe('whippy follows its docs', () => {
  it('sends a Whippy phone of any length: the docs only say "no spaces" (whippy.md §2 E7)', async () => {
    const id = String(whippy.welcome().id);
    await whippy.client().sequences.runs.list(id, { phone: '+1 23 45' });
    expect(whippy.fake.requests[0]?.query).toMatchObject({ phone: '+12345' });
  });
  it("caps Whippy's limit at 500 only on a contact's sequences, where it is documented", async () => {
    const id = String(whippy.welcome().id);
    await whippy.client().sequences.runs.list(id, { limit: 1000 });
    await whippy.client().sequences.contacts.list(id, { limit: 1000 });
    expect(whippy.fake.requests.map((r) => r.query.limit)).toEqual(['1000', '1000']);
    const error = await rejection(whippy.client().contacts.sequences.list('cont_1', { limit: 501 }));
    expect(error).toBeInstanceOf(InvalidRequestError);
  });
  it("offers Whippy's contact_status values as seed 003 lists them, and E3's own list for step contacts", () => {
    expectTypeOf<(typeof CONTACT_SEQUENCE_STATUSES)[number]>().toEqualTypeOf<'pending' | 'active' | 'inactive' | 'moved' | 'finished'>();
    expect(CONTACT_SEQUENCE_STATUSES).not.toContain('complete');
    expect(CONTACT_SEQUENCE_STATUSES).not.toContain('removed');
    expect(SEQUENCE_CONTACT_FILTER_STATUSES).toEqual(['pending', 'active', 'inactive', 'moved', 'complete', 'removed']);
  });
  it('keeps open enums open: an unknown contact_status is still sent', async () => {
    await whippy.client().contacts.sequences.list([...whippy.fake.contacts.keys()][0]!, { contact_status: 'snoozed' });
    expect(whippy.fake.requests.at(-1)?.body).toMatchObject({ contact_status: 'snoozed' });
  });

  it("a list without its documented total fails under 'strict' (docs/pagination, whippy.md §4)", async () => {
    whippy.server.use(http.get(`${WHIPPY_BASE_URL}/sequences`, () => HttpResponse.json({ data: [] })));
    expect(await rejection(whippy.client({ validation: 'strict' }).sequences.list())).toBeInstanceOf(ResponseValidationError);
  });
});
