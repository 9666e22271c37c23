import { describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient } from '../../src/close/index.js';
import { integerPath, path } from '../../src/core/path.js';
import { Paginated } from '../../src/core/pagination.js';
import { InvalidRequestError } from '../../src/index.js';

const close = new CloseClient({ apiKey: 'k', logLevel: 'off', fetch: () => Promise.reject(new Error('nothing may be sent')) });
const clarion = new ClarionClient({ apiKey: 't', logLevel: 'off', fetch: () => Promise.reject(new Error('nothing may be sent')) });
const failure = (pending: PromiseLike<unknown>) =>
  Promise.resolve(pending).then(
    () => undefined,
    (e: unknown) => e as InvalidRequestError,
  );

describe('input errors say what is wrong, once', () => {
  it('names the field once: "Invalid id: must be …", never "id: id: …"', async () => {
    const error = await failure(close.sequences.retrieve(''));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error?.message).toBe('Invalid id: must be a non-empty string id');
    expect(error?.field).toBe('id');
  });

  it('still names each field of a body check', async () => {
    const error = await failure(close.sequences.create({ name: 'x' } as never));
    expect(error?.message).toMatch(/^Invalid sequences\.create body: timezone: /);
  });

  it('toArray({ limit: -1 }) says the limit must be a whole number of 0 or more, and what it got', async () => {
    const list = new Paginated<number>({ startOffset: 0, pageSize: 1, fetch: () => Promise.reject(new Error('not fetched')) });
    const error = await failure(list.toArray({ limit: -1 }));
    expect(error?.message).toBe('Invalid toArray options: limit: must be a whole number of items, 0 or more (got -1)');
    expect((await failure(list.toArray({ limit: 1.5 })))?.message).toContain('(got 1.5)');
    expect((await failure(list.toArray({} as never)))?.message).toContain('limit: is required');
  });

  it('a Clarion id of "abc" is reported as "abc", not as its type', async () => {
    const error = await failure(clarion.sequences.retrieve('abc' as never));
    expect(error?.message).toBe('Invalid id: must be a non-negative integer id, got "abc"');
    expect((await failure(clarion.sequences.retrieve(Number.NaN)))?.message).toContain('got NaN');
    expect((await failure(clarion.sequences.retrieve(-1)))?.message).toContain('got -1');
  });
});

describe('path: a tagged template that checks and encodes each id', () => {
  it('encodes an id and leaves the literal parts as written', () => {
    expect(path`sequence/${{ id: 'seq_1' }}/`()).toBe('sequence/seq_1/');
    expect(path`a/${{ first: 'x:y' }}/b/${{ second: 'z' }}`()).toBe('a/x%3Ay/b/z');
    expect(integerPath`sequences/${{ id: '42' }}/stop`()).toBe('sequences/42/stop');
  });

  it.each(['../x', 'a/b', '?q', '#f', '..', 'a b', 'x\r\ny', 'é'])('an id of %j cannot change the route', (id) => {
    expect(() => path`sequence/${{ id }}/`()).toThrow(InvalidRequestError);
  });

  it('refuses an empty or non-string id, naming the argument', () => {
    for (const sequenceId of ['', undefined, null, {}, -1]) {
      let caught: unknown;
      try {
        path`sequences/${{ sequenceId }}`();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidRequestError);
      expect((caught as InvalidRequestError).field).toBe('sequenceId');
    }
  });

  it('checks when the call is made, so a resource method rejects instead of throwing', async () => {
    const pending = close.sequences.delete('../sequence');
    expect(pending).toHaveProperty('then');
    expect(await failure(pending)).toBeInstanceOf(InvalidRequestError);
  });
});
