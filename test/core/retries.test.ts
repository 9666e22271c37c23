import { describe, expect, it } from 'vitest';
import { CLOSE_BASE_URL, CloseClient } from '../../src/close/index.js';
import { InternalServerError, RateLimitError } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

const subscriber = {
  contact_id: 'cont_1',
  contact_email: 'a@example.org',
  sender_account_id: 'emailacct_1',
  sender_name: 'Jo',
  sender_email: 'jo@example.org',
};

describe('retries', () => {
  it('retries GET on 429 using the RateLimit reset, then succeeds', async () => {
    const id = firstSequenceId(close.fake);
    close.fake.fail({ status: 429, headers: { ratelimit: 'limit=10, remaining=0, reset=0.3', 'retry-after': '5' }, body: '' });
    const waits: number[] = [];
    const sequence = await close.client({ maxRetryAfter: 2_000, onRetry: (e) => waits.push(e.waitMs) }).sequences.retrieve(id);
    expect(sequence.id).toBe(id);
    expect(close.fake.requestCount).toBe(2);
    // The reset (0.3 s) wins over the rounded-up Retry-After (5 s): the wait the client chose, not a clock's reading.
    expect(waits).toEqual([300]);
  });

  it('retries GET on 503 with backoff and succeeds', async () => {
    close.fake.fail({ status: 503, times: 1 });
    const page = await close.client().sequences.list();
    expect(page.data.length).toBeGreaterThan(0);
    expect(close.fake.requestCount).toBe(2);
  });

  it('sends a POST that meets a 503 exactly once and reports the 503', async () => {
    close.fake.fail({ status: 503, method: 'POST', times: 5 });
    const error = await close
      .client()
      .subscriptions.create({ sequence_id: firstSequenceId(close.fake), ...subscriber })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(close.fake.requestCount).toBe(1);
    expect(close.fake.creates['/sequence_subscription/']).toBeUndefined();
  });

  it.each([
    ['no options', undefined],
    ['a generous maxRetries', { maxRetries: 10 }],
    ['an Idempotency-Key header of its own', { headers: { 'idempotency-key': 'k-1' }, maxRetries: 5 }],
    // The removed option, passed anyway by a caller who read an old README: it changes nothing.
    ['the removed idempotencyKey option', { idempotencyKey: 'k-1' } as never],
  ])('sends a create that meets a 503 exactly once, with %s', async (_name, options) => {
    close.fake.fail({ status: 503, method: 'POST', times: 5 });
    const error = await close
      .client()
      .subscriptions.create({ sequence_id: firstSequenceId(close.fake), ...subscriber }, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(close.fake.requestCount).toBe(1);
  });

  it('retries a POST refused with 429, since the server did not process it', async () => {
    close.fake.fail({ status: 429, method: 'POST', headers: { ratelimit: 'limit=1, remaining=0, reset=0.05' } });
    const sub = await close.client().subscriptions.create({ sequence_id: firstSequenceId(close.fake), ...subscriber });
    expect(sub.id).toMatch(/^sub_/);
    expect(close.fake.requestCount).toBe(2);
    expect(close.fake.creates['/sequence_subscription/']).toBe(1);
  });

  it('gives up after maxRetries and throws RateLimitError with the parsed rate limit', async () => {
    close.fake.fail({ status: 429, times: 10, headers: { ratelimit: 'limit=10; remaining=0; reset=0.01' } });
    const error = (await close
      .client({ maxRetries: 2 })
      .sequences.list()
      .then(null, (e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.rateLimit).toEqual({ limit: 10, remaining: 0, resetMs: 10 });
    expect(close.fake.requestCount).toBe(3);
  });

  it('does not retry at all when maxRetries is 0 for the call', async () => {
    close.fake.fail({ status: 503, times: 3 });
    await expect(close.client().sequences.list({}, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(close.fake.requestCount).toBe(1);
  });

  it('caps a long server wait at maxRetryAfter', async () => {
    close.fake.fail({ status: 429, headers: { 'retry-after': '3600' } });
    const waits: number[] = [];
    await close.client({ maxRetryAfter: 100, onRetry: (e) => waits.push(e.waitMs) }).sequences.list();
    expect(waits).toEqual([100]);
    expect(close.fake.requestCount).toBe(2);
  });

  it('does not retry a 400', async () => {
    close.fake.fail({ status: 400, times: 3 });
    await expect(close.client().sequences.list()).rejects.toThrow(/400/);
    expect(close.fake.requestCount).toBe(1);
  });

  it('uses the default Close API root', () => {
    expect(new CloseClient({ apiKey: 'k' }).baseUrl).toBe(CLOSE_BASE_URL);
  });
});
