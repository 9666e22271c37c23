import { describe, expect, it } from 'vitest';
import { MAX_STEP_DELAY_SECONDS } from '../../src/close/inputs.js';
import { InvalidRequestError, PermissionDeniedError } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();
const base = { name: 'Nurture', timezone: 'UTC' };
const rejection = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('Close sequences: schedule_id is gone (changelog 2023-08-29)', () => {
  it('refuses a create or an update that passes schedule_id, naming it, before sending', async () => {
    const client = close.client();
    const id = firstSequenceId(close.fake);
    for (const call of [
      () => client.sequences.create({ ...base, steps: [{ step_type: 'call' }], schedule_id: 'sched_1' }),
      () => client.sequences.update(id, { schedule_id: 'sched_1' }),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe('schedule_id');
      expect((error as InvalidRequestError).message).toContain('schedule');
    }
    expect(close.fake.requests).toHaveLength(0);
  });

  it('decodes an answer that still carries schedule_id, in lenient and strict mode', async () => {
    const id = firstSequenceId(close.fake);
    close.fake.sequences.get(id)!.schedule_id = 'sched_legacy';
    for (const validation of ['lenient', 'strict'] as const) {
      const sequence = await close.client({ validation }).sequences.retrieve(id);
      expect(sequence.id).toBe(id);
      expect((sequence as unknown as Record<string, unknown>).schedule_id).toBe('sched_legacy');
    }
  });

  it("the fake's sequences carry no schedule_id, even when a raw create sends one", async () => {
    const response = await close.fake.handle(
      new Request('https://api.close.com/api/v1/sequence/', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('test_close_key:')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...base, steps: [{ step_type: 'call' }], schedule_id: 'sched_1' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).not.toHaveProperty('schedule_id');
  });
});

describe('Close sequences: step delays (changelog 2021-01-05)', () => {
  it('refuses a step delay over 365 days before sending, on create and update', async () => {
    const client = close.client();
    const id = firstSequenceId(close.fake);
    const steps = [{ step_type: 'call' as const, delay: MAX_STEP_DELAY_SECONDS + 1 }];
    for (const call of [() => client.sequences.create({ ...base, steps }), () => client.sequences.update(id, { steps })]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe('steps[0].delay');
      expect((error as InvalidRequestError).message).toContain('365 days');
    }
    expect(close.fake.requests).toHaveLength(0);
  });

  it('sends a step delay of exactly 365 days (31,536,000 s)', async () => {
    expect(MAX_STEP_DELAY_SECONDS).toBe(31_536_000);
    const created = await close.client().sequences.create({ ...base, steps: [{ step_type: 'call', delay: 31_536_000 }] });
    expect(created.steps[0]?.delay).toBe(31_536_000);
    expect(close.fake.requests[0]?.body).toMatchObject({ steps: [{ delay: 31_536_000 }] });
  });

  it('the fake answers a longer delay as Close does: 400 with an {error} body', async () => {
    const response = await close.fake.handle(
      new Request('https://api.close.com/api/v1/sequence/', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('test_close_key:')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...base, steps: [{ step_type: 'call', delay: 31_536_001 }] }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The delay of a Sequence Step must not be larger than 365 days.' });
  });
});

describe('Close sequences: permission failures (changelog 2021-01-05)', () => {
  it("maps a 403 to PermissionDeniedError carrying Close's message", async () => {
    // Close documents the status, not the text: any `{error}` message is carried as given.
    const message = 'You do not have permission to edit this sequence.';
    close.fake.fail({ status: 403, body: { error: message }, method: 'PUT' });
    const error = await rejection(close.client().sequences.update(firstSequenceId(close.fake), { name: 'Renamed' }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).status).toBe(403);
    expect((error as PermissionDeniedError).message).toContain(message);
  });
});
