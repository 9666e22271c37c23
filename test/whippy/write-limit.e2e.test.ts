import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchError, RateLimitError, type PacingEvent } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

let server: FakeServer;
let sequenceId: string;
// 16,001 contacts: 5 calls of at most 4,000 (the 50,000 of 13 calls are in `npm run bench`).
const contacts = Array.from({ length: 16_001 }, (_, i) => ({ phone: `+1555${String(i).padStart(7, '0')}` }));
// Whippy's 10 writes a minute, scaled down so the test takes a second: 2 per 500 ms, on the client and the fake alike.
const LIMIT = { limit: 2, windowMs: 500 };

beforeAll(async () => {
  server = await startFakeServer();
  sequenceId = String(server.whippy.fake.addSequence('Enrolment', ['One']).id);
});
afterAll(() => server.stop());
beforeEach(() => {
  server.whippy.fake.resetFaults();
  server.whippy.fake.addRateLimit({ ...LIMIT, method: 'POST', path: /^\/sequences\/[^/]+\/contacts$/ });
});

describe("Whippy's write limit on v1/sequences", () => {
  it('an enrolment over the write limit waits for it instead of meeting 429s', async () => {
    const whippy = new WhippyClient({
      baseUrl: server.whippy.baseUrl,
      apiKey: 'test_whippy_key',
      sequenceWriteLimit: LIMIT,
      logLevel: 'off',
    });
    const result = await whippy.sequences.contacts.add(sequenceId, { to: contacts });
    expect(result.calls).toHaveLength(5);
    expect(result.calls.every((call) => call.status === 202)).toBe(true);
    expect(server.whippy.fake.rateLimitedCount).toBe(0);
    // No clock reading here: the fake refuses a 3rd write within any 500 ms, and refused none.
  });

  it('without pacing the same enrolment meets the limit (the fake enforces it)', async () => {
    const whippy = new WhippyClient({
      baseUrl: server.whippy.baseUrl,
      apiKey: 'test_whippy_key',
      pacing: false,
      maxRetries: 0,
      logLevel: 'off',
    });
    const failure = await whippy.sequences.contacts.add(sequenceId, { to: contacts }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BatchError);
    expect((failure as BatchError).cause).toBeInstanceOf(RateLimitError);
    expect((failure as BatchError).completed.length).toBeLessThan(5);
  });

  it('reads are not held by the write limit', async () => {
    const pacing: PacingEvent[] = [];
    // A minute's window: still spent when the read goes, however slow the machine.
    const whippy = new WhippyClient({
      baseUrl: server.whippy.baseUrl,
      apiKey: 'test_whippy_key',
      sequenceWriteLimit: { limit: 2, windowMs: 60_000 },
      logLevel: 'off',
      onPacing: (event) => pacing.push(event),
    });
    await whippy.sequences.contacts.add(sequenceId, { to: contacts.slice(0, 2 * 4_000) }); // the window's 2 writes
    await whippy.sequences.retrieve(sequenceId);
    expect(pacing).toEqual([]);
    // A third write is held for the window (aborted rather than waited for).
    const controller = new AbortController();
    const write = whippy.sequences.contacts.add(sequenceId, { to: contacts.slice(0, 1) }, { signal: controller.signal });
    const aborted = write.then(null, (error: unknown) => error);
    await vi.waitUntil(() => pacing.length > 0, { interval: 5 });
    controller.abort();
    await aborted;
    expect(pacing).toEqual([expect.objectContaining({ waitMs: expect.any(Number) })]);
    expect(pacing[0]!.waitMs).toBeGreaterThan(50_000);
  });
});
