// The wrong-typed calls a new user made from plain JavaScript (issue #23), one by one: each is the
// SDK's own error, rejected (never thrown) and before sending, or accepted as the vendor takes it.
import { describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient } from '../../src/close/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { useCloseFake } from '../helpers/close.js';

const close = useCloseFake();
const wrong = <T>(value: unknown) => value as T;

/** What a call ended in, telling a synchronous throw apart from a rejection. */
async function settle(call: () => PromiseLike<unknown>): Promise<{ thrown?: unknown; rejected?: unknown }> {
  let pending: PromiseLike<unknown>;
  try {
    pending = call();
  } catch (thrown) {
    return { thrown };
  }
  try {
    await pending;
    return {};
  } catch (rejected) {
    return { rejected };
  }
}

async function expectRefused(call: () => PromiseLike<unknown>, field: string): Promise<void> {
  const { thrown, rejected } = await settle(call);
  expect(thrown).toBeUndefined();
  expect(rejected).toBeInstanceOf(InvalidRequestError);
  expect((rejected as InvalidRequestError).field).toBe(field);
}

const circular = () => {
  const value: Record<string, unknown> = { name: 'x' };
  value.self = value;
  return value;
};

describe('wrong-typed calls of the issue, one by one', () => {
  it("bulkSubscriptions.retrieve('bulk_x', null) rejects instead of throwing a TypeError", async () => {
    await expectRefused(() => close.client().bulkSubscriptions.retrieve('bulk_x', wrong(null)), 'request options');
    expect(close.fake.requests).toHaveLength(0);
  });

  it("takes _fields as the comma-separated text Close itself takes ('id,status')", async () => {
    const client = close.client();
    const created = await client.bulkSubscriptions.create({ action_type: 'pause', sequence_id: 'seq_1', s_query: {} });
    const action = await client.bulkSubscriptions.retrieve(created.id, wrong({ _fields: 'id,status' }));
    expect(close.fake.requests.at(-1)?.query).toEqual({ _fields: 'id,status' });
    expect(Object.keys(action).sort()).toEqual(['id', 'status']);
  });

  it('refuses a circular object or a BigInt in every update, as the creates do', async () => {
    const clarion = new ClarionClient({ apiKey: 'k', logLevel: 'off', pacing: false });
    const closeClient = close.client();
    for (const body of [circular(), { name: 'x', extra: 10n }]) {
      await expectRefused(() => closeClient.sequences.update('seq_1', wrong(body)), 'sequences.update body');
      await expectRefused(() => closeClient.subscriptions.update('sub_1', wrong(body)), 'subscriptions.update body');
      await expectRefused(() => clarion.sequences.update(1, wrong(body)), 'sequences.update body');
      await expectRefused(() => clarion.definitions.update(1, wrong(body)), 'definitions.update body');
    }
    expect(close.fake.requests).toHaveLength(0);
  });

  it("refuses { signal: 'x' }, an unknown call option, and update(id, new Date(0)) (which used to send {})", async () => {
    const client = close.client();
    await expectRefused(() => client.sequences.retrieve('seq_1', wrong({ signal: 'x' })), 'signal');
    await expectRefused(() => client.sequences.retrieve('seq_1', wrong({ idempotencyKey: 'k' })), 'idempotencyKey');
    await expectRefused(() => client.sequences.update('seq_1', wrong(new Date(0))), 'sequences.update body');
    expect(close.fake.requests).toHaveLength(0);
  });

  it('checks client options in the constructor, naming each', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ fetch: 'x' }, 'fetch', /must be a function/],
      [{ logger: {} }, 'logger', /debug, info, warn and error/],
      [{ validation: 'bogus' }, 'validation', /strict, lenient, off/],
      [{ logLevel: 'loud' }, 'logLevel', /debug, info, warn, error, off/],
      [{ onRetry: 'x' }, 'onRetry', /must be a function/],
      [{ apiKey: 123 }, 'apiKey', /must be a string/],
      [{ pacnig: false }, 'pacnig', /is not an option/],
    ];
    for (const [options, field, message] of cases) {
      let error: unknown;
      try {
        new CloseClient({ apiKey: 'k', ...options });
      } catch (caught) {
        error = caught;
      }
      expect(error, field).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
      expect((error as InvalidRequestError).message).toMatch(message);
    }
  });

  it('numeric ids: refused for Close and Whippy (their ids are strings), sent for Clarion (its ids are integers)', async () => {
    await expectRefused(() => close.client().sequences.retrieve(wrong(123)), 'id');
    const whippy = new WhippyClient({ apiKey: 'k', logLevel: 'off', pacing: false });
    await expectRefused(() => whippy.sequences.retrieve(wrong(123)), 'sequenceId');
    expect(close.fake.requests).toHaveLength(0);
    const urls: string[] = [];
    const fetch = (input: RequestInfo | URL) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return Promise.resolve(Response.json({ id: 123 }));
    };
    const clarion = new ClarionClient({
      apiKey: 'k',
      logLevel: 'off',
      pacing: false,
      validation: 'off',
      fetch: fetch,
    });
    await clarion.sequences.retrieve(123);
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/\/sequences\/123$/);
  });
});
