import { describe, expect, it, vi } from 'vitest';
import type { PacingEvent } from '../../src/core/hooks.js';
import { AbortError, RateLimitError } from '../../src/index.js';
import { firstSequenceId, useCloseFake } from '../helpers/close.js';

const close = useCloseFake();

// No clock is read: a wait the pacer imposes is reported through `onPacing` before it starts.
describe('Close rate limits per endpoint group, on the fake', () => {
  it('answers a spent group with a 429 in Close shape while another group still has room', async () => {
    close.fake.setRateLimit({ limit: 1, windowMs: 60_000 });
    const unpaced = close.client({ pacing: false, maxRetries: 0 });
    const sequenceId = firstSequenceId(close.fake);
    await unpaced.subscriptions.list({ sequence_id: sequenceId });
    const refused = await unpaced.subscriptions.list({ sequence_id: sequenceId }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RateLimitError);
    expect((refused as RateLimitError).rateLimit).toMatchObject({ limit: 1, remaining: 0 });
    await expect(unpaced.sequences.list()).resolves.toBeDefined();
  });

  it('a 429 on GET /sequence_subscription/ leaves GET /sequence/ undelayed, and holds its own group', async () => {
    close.fake.setRateLimit({ limit: 1, windowMs: 60_000 });
    const sequenceId = firstSequenceId(close.fake);
    // Another client spends the subscriptions group's window, unpaced: the next one there is a 429.
    await close.client({ pacing: false }).subscriptions.list({ sequence_id: sequenceId });
    const waits: PacingEvent[] = [];
    const client = close.client({ maxRetries: 0, onPacing: (event) => waits.push(event) });
    await expect(client.subscriptions.list({ sequence_id: sequenceId })).rejects.toBeInstanceOf(RateLimitError);

    await client.sequences.list();
    await client.sequences.retrieve(sequenceId);
    expect(waits).toEqual([]);
    expect(close.fake.requests.map((r) => `${r.method} ${r.path}`).slice(-2)).toEqual(['GET /sequence/', `GET /sequence/${sequenceId}/`]);

    const abort = new AbortController();
    const held = client.subscriptions.list({ sequence_id: sequenceId }, { signal: abort.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]!.reason).toContain('GET sequence_subscription/');
    expect(waits[0]!.waitMs).toBeGreaterThan(50_000);
    abort.abort();
    expect(await held).toBeInstanceOf(AbortError);
  });
});
