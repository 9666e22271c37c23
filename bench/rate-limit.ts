// Target 3: a long pull against fakes that enforce each vendor's limit; the client paces itself.
import { CloseClient } from 'sequence-sdk/close';
import { WhippyClient } from 'sequence-sdk/whippy';
import { startFakeServer } from 'sequence-sdk/testing';
import type { Result } from './support.ts';

export async function rateLimit(smoke: boolean): Promise<Result[]> {
  const server = await startFakeServer();
  try {
    const seconds = smoke ? 2 : 10;
    const results: Result[] = [];

    // Whippy: 25 requests a second as a token bucket (its documented limit); nothing on success.
    const whippyFake = server.whippy.fake;
    const seq = whippyFake.addSequence('Rate', ['One']);
    whippyFake.seedRuns(String(seq.id), 25 * seconds * 10 + 500);
    whippyFake.resetFaults();
    whippyFake.setRateLimit({ limit: 25, windowMs: 1_000, kind: 'bucket' });
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    const whippyStart = performance.now();
    // Let the bucket's initial burst pass first, so the rate measured is the sustained one.
    for await (const _ of whippy.sequences.runs.list(String(seq.id), { limit: 10 }, { concurrency: 8 })) {
      if (performance.now() - whippyStart > seconds * 1_000) break;
    }
    const whippyElapsed = (performance.now() - whippyStart) / 1000;
    const whippyOk = whippyFake.requestCount - whippyFake.rateLimitedCount;
    const whippyRate = (whippyOk - 25) / whippyElapsed; // minus the initial burst of 25
    results.push({
      target: `Whippy pull at 25 req/s (token bucket), ${seconds} s, concurrency 8`,
      measured: `${((whippyRate / 25) * 100).toFixed(1)}% of the rate (${whippyRate.toFixed(1)}/s), ${whippyFake.rateLimitedCount} of ${whippyFake.requestCount} answered 429`,
      limit: '>= 95%, < 1% 429',
      ok: whippyRate / 25 >= 0.95 && whippyFake.rateLimitedCount / whippyFake.requestCount < 0.01,
    });

    // Close: a window of 20 requests per second announced in the RateLimit header.
    const closeFake = server.close.fake;
    const [sequenceId] = closeFake.sequences.keys();
    closeFake.seedSubscriptions(sequenceId!, 20 * seconds * 10 + 500);
    closeFake.resetFaults();
    closeFake.setRateLimit({ limit: 20, windowMs: 1_000 });
    const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off' });
    const closeStart = performance.now();
    for await (const _ of close.subscriptions.list({ sequence_id: sequenceId!, _limit: 10 }, { concurrency: 8 })) {
      if (performance.now() - closeStart > seconds * 1_000) break;
    }
    const closeElapsed = (performance.now() - closeStart) / 1000;
    const closeOk = closeFake.requestCount - closeFake.rateLimitedCount;
    // A fixed window allows 20 at the start of every second the pull touches.
    const allowed = 20 * Math.ceil(closeElapsed);
    results.push({
      target: `Close pull under RateLimit limit=20/1 s, ${seconds} s, concurrency 8`,
      measured: `${((closeOk / allowed) * 100).toFixed(1)}% of the windows (${closeOk} of ${allowed}), ${closeFake.rateLimitedCount} of ${closeFake.requestCount} answered 429`,
      limit: '>= 95%, < 1% 429',
      ok: closeOk / allowed >= 0.95 && closeFake.rateLimitedCount / closeFake.requestCount < 0.01,
    });
    return results;
  } finally {
    await server.stop();
  }
}
