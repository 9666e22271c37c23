// Target 3: a long pull against fakes that enforce each vendor's limit; the client paces itself from
// what the vendor sends. Each pull walks a fixed data set to its end, so the time measured is the
// time the work took (about 10 s in full mode).
import { CloseClient } from 'sequence-apis/close';
import { WhippyClient } from 'sequence-apis/whippy';
import { startFakeServer } from 'sequence-apis/testing';
import type { Result } from './support.ts';

const PAGE = 10;

export async function rateLimit(smoke: boolean): Promise<Result[]> {
  const server = await startFakeServer();
  const windows = smoke ? 2 : 10;
  try {
    const results: Result[] = [];

    // Whippy: 25 requests a second as a token bucket (its documented limit); nothing sent on success.
    const whippyFake = server.whippy.fake;
    const seq = whippyFake.addSequence('Rate', ['One']);
    whippyFake.seedRuns(String(seq.id), 25 * (windows + 1) * PAGE);
    whippyFake.resetFaults();
    whippyFake.setRateLimit({ limit: 25, windowMs: 1_000, kind: 'bucket' });
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    let started = performance.now();
    for await (const _ of whippy.sequences.runs.list(String(seq.id), { limit: PAGE }, { concurrency: 8 })) void _;
    let elapsed = (performance.now() - started) / 1000;
    const whippyServed = whippyFake.requestCount - whippyFake.rateLimitedCount;
    // The client's bucket lets 22 through at once (a tenth of 25 kept in reserve: see rateBudget in
    // src/core/pacer.ts); after that 25 a second. The share is of that steady rate.
    const CLIENT_BURST = 22;
    const whippyShare = (whippyServed - CLIENT_BURST) / (25 * elapsed);
    results.push({
      target: `Whippy pull at 25 req/s (token bucket), ${whippyServed} requests, concurrency 8`,
      measured: `${(whippyShare * 100).toFixed(1)}% of the rate over ${elapsed.toFixed(1)} s, ${whippyFake.rateLimitedCount} of ${whippyFake.requestCount} answered 429`,
      limit: '>= 95%, < 1% 429',
      ok: whippyShare >= 0.95 && whippyFake.rateLimitedCount / whippyFake.requestCount < 0.01,
    });

    // Close: a window of 20 requests a second, announced in every response's RateLimit header.
    const closeFake = server.close.fake;
    const sequence = closeFake.sequences.values().next().value!;
    const sequenceId = String(sequence.id);
    closeFake.seedSubscriptions(sequenceId, 20 * windows * PAGE - 4);
    closeFake.resetFaults();
    closeFake.setRateLimit({ limit: 20, windowMs: 1_000 });
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    started = performance.now();
    for await (const _ of close.subscriptions.list({ sequence_id: sequenceId, _limit: PAGE }, { concurrency: 8 })) void _;
    elapsed = (performance.now() - started) / 1000;
    const closeServed = closeFake.requestCount - closeFake.rateLimitedCount;
    // A fixed window lets 20 through in each second the pull touched.
    const allowed = 20 * Math.ceil(elapsed);
    results.push({
      target: `Close pull under RateLimit limit=20 per 1 s window, ${closeServed} requests, concurrency 8`,
      measured: `${((closeServed / allowed) * 100).toFixed(1)}% of the windows (${closeServed} of ${allowed} in ${elapsed.toFixed(1)} s), ${closeFake.rateLimitedCount} of ${closeFake.requestCount} answered 429`,
      limit: '>= 95%, < 1% 429',
      ok: closeServed / allowed >= 0.95 && closeFake.rateLimitedCount / closeFake.requestCount < 0.01,
    });
    return results;
  } finally {
    await server.stop();
  }
}
