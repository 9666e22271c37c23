import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient, type CloseClientOptions } from '../../src/close/index.js';
import { AbortError, AuthenticationError, InvalidRequestError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

let server: FakeServer;
let other: FakeServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startFakeServer(), startFakeServer()]);
});
afterAll(() => Promise.all([server.stop(), other.stop()]));
beforeEach(() => {
  server.close.fake.resetFaults();
  other.close.fake.resetFaults();
});

/** A client whose first pacing wait aborts its calls: a call that had to wait rejects with AbortError. */
function closeWithWaits(options: CloseClientOptions = {}) {
  const controller = new AbortController();
  const waits: number[] = [];
  const client = new CloseClient({
    baseUrl: server.close.baseUrl,
    apiKey: 'test_close_key',
    logLevel: 'off',
    onPacing: (event) => {
      waits.push(event.waitMs);
      controller.abort();
    },
    ...options,
  });
  return { client, waits, signal: controller.signal };
}

describe('client.withOptions()', () => {
  it('keeps every other option and the host, and changes what it is given', async () => {
    const { client } = closeWithWaits({ headers: { 'x-team': 'growth' } });
    const derived = client.withOptions({ timeout: 5_000, headers: { 'x-team': 'ops' } });
    expect(derived).toBeInstanceOf(CloseClient);
    expect(derived.baseUrl).toBe(client.baseUrl);
    await derived.sequences.list().toArray({ limit: 1 });
    expect(server.close.fake.requests.at(-1)?.headers).toMatchObject({ 'x-team': 'ops', authorization: expect.stringMatching(/^Basic /) });
  });

  it('shares the pacer: two such clients together keep one budget', async () => {
    server.close.fake.setRateLimit({ limit: 2, windowMs: 60_000 });
    const { client, waits, signal } = closeWithWaits();
    const derived = client.withOptions({ timeout: 5_000, maxRetries: 0 });
    await client.sequences.list();
    await derived.get('sequence/');
    // The window of 2 (of the endpoint group GET sequence/) is spent by the two clients together: the next call of either waits.
    await expect(derived.sequences.list({}, { signal })).rejects.toBeInstanceOf(AbortError);
    expect(waits).toHaveLength(1);
    expect(server.close.fake.requestCount).toBe(2);
    expect(server.close.fake.rateLimitedCount).toBe(0);
  });

  it('gives a client on another host or credential its own budget', async () => {
    server.close.fake.setRateLimit({ limit: 2, windowMs: 60_000 });
    other.close.fake.setRateLimit({ limit: 2, windowMs: 60_000 });
    const { client, waits } = closeWithWaits();
    await client.sequences.list();
    await client.sequences.list();
    // Its own window on the other host: sent at once, no wait.
    await client.withOptions({ baseUrl: other.close.baseUrl }).sequences.list();
    // Another credential on the same host: its own pacer, so it is sent at once too (the fake knows only the key: 401).
    const token = client.withOptions({ apiKey: undefined, accessToken: 'tok', maxRetries: 0 });
    await expect(token.sequences.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(waits).toEqual([]);
    expect(other.close.fake.requestCount).toBe(1);
  });

  it('refuses to change how a sharing client paces, but allows it with its own budget', () => {
    const { client } = closeWithWaits();
    for (const change of [{ pacing: false }, { maxRequestsPerSecond: 3 }] as const) {
      expect(() => client.withOptions(change)).toThrow(InvalidRequestError);
    }
    expect(() => client.withOptions({ baseUrl: other.close.baseUrl, pacing: false })).not.toThrow();
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    expect(() => whippy.withOptions({ sequenceWriteLimit: { limit: 5, windowMs: 60_000 } })).toThrow(InvalidRequestError);
    expect(whippy.withOptions({ timeout: 1_000 })).toBeInstanceOf(WhippyClient);
    const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' });
    expect(clarion.withOptions({ validation: 'lenient' })).toBeInstanceOf(ClarionClient);
  });
});
