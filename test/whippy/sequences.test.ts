import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { WHIPPY_BASE_URL } from '../../src/whippy/index.js';
import { useWhippyFake } from '../helpers/whippy.js';

const whippy = useWhippyFake();

describe('whippy.sequences', () => {
  it('lists sequences by offset and limit until the total is reached', async () => {
    const titles: (string | null | undefined)[] = [];
    for await (const seq of whippy.client().sequences.list({ limit: 1 })) titles.push(seq.title);
    expect(titles).toEqual(['Welcome series', 'Appointment reminders']);
    expect(whippy.fake.requests.map((r) => r.query)).toEqual([
      { offset: '0', limit: '1' },
      { offset: '1', limit: '1' },
    ]);
  });

  it('sends the title filter', async () => {
    const page = await whippy.client().sequences.list({ title: 'Welcome' });
    expect(page.data.map((s) => s.title)).toEqual(['Welcome series']);
    expect(page.total).toBe(1);
    expect(whippy.fake.requests[0]?.query).toEqual({ title: 'Welcome', offset: '0', limit: '50' });
  });

  it('retrieves a sequence with settings and steps, unwrapping {data}', async () => {
    const id = String(whippy.welcome().id);
    const seq = await whippy.client().sequences.retrieve(id);
    expect(seq.id).toBe(id);
    expect(seq.settings?.on_re_add).toBe('exclude');
    expect(seq.steps?.map((s) => s.title)).toEqual(['Welcome', 'Check-in', 'Feedback']);
  });

  it('accepts a single object sent without the {data} wrapper too', async () => {
    whippy.server.use(
      http.get(`${WHIPPY_BASE_URL}/sequences/abc`, () => HttpResponse.json({ id: 'abc', title: 'Bare', status: 'brand_new_status' })),
    );
    const seq = await whippy.client().sequences.retrieve('abc');
    expect(seq).toEqual({ id: 'abc', title: 'Bare', status: 'brand_new_status' });
  });

  it("sends a limit above 500 as asked: the 500 maximum is documented only on a contact's sequences", async () => {
    const page = await whippy.client().sequences.list({ limit: 501 });
    expect(whippy.fake.requests[0]?.query).toMatchObject({ limit: '501' });
    expect(page.data.length).toBeGreaterThan(0);
  });

  it("surfaces Whippy's errors[].description as the message", async () => {
    const error = await whippy
      .client({ apiKey: 'wrong' })
      .sequences.list()
      .then(null, (e: unknown) => e);
    expect((error as Error).message).toBe('whippy API 401 Unauthorized on GET /v1/sequences: Unauthorized');
    expect((error as { errors: string[] }).errors).toEqual(['Unauthorized']);
  });

  it('sends the key as X-WHIPPY-KEY', async () => {
    await whippy.client().sequences.list();
    expect(whippy.fake.requests[0]?.headers['x-whippy-key']).toBe('test_whippy_key');
  });
});
