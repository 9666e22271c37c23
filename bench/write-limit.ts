// Issue 11 item 3: an enrolment of 50,000 contacts (13 calls of 4,000) against a fake enforcing
// Whippy's write limit on v1/sequences. The documented limit is 10 a minute; the window is scaled
// down (the same on client and fake) so the run takes seconds, not a minute.
import { startFakeServer } from 'sequence-apis/testing';
import { WhippyClient } from 'sequence-apis/whippy';
import type { Result } from './support.ts';

export async function writeLimit(smoke: boolean): Promise<Result[]> {
  const server = await startFakeServer();
  const contacts = smoke ? 16_001 : 50_000;
  const limit = smoke ? { limit: 2, windowMs: 500 } : { limit: 10, windowMs: 3_000 };
  try {
    const fake = server.whippy.fake;
    const sequenceId = String(fake.addSequence('Enrolment', ['One']).id);
    fake.resetFaults();
    fake.addRateLimit({ ...limit, method: 'POST', path: /^\/sequences\/[^/]+\/contacts$/ });
    const waits: string[] = [];
    const whippy = new WhippyClient({
      baseUrl: server.whippy.baseUrl,
      apiKey: 'test_whippy_key',
      sequenceWriteLimit: limit,
      logLevel: 'info',
      logger: {
        debug: () => {},
        info: (m: string) => void (m.includes('pacing: waiting') && waits.push(m)),
        warn: () => {},
        error: () => {},
      },
    });
    const to = Array.from({ length: contacts }, (_, i) => ({ phone: `+1555${String(i).padStart(7, '0')}` }));
    const started = performance.now();
    const result = await whippy.sequences.contacts.add(sequenceId, { to });
    const seconds = (performance.now() - started) / 1000;
    const windows = Math.ceil(result.calls.length / limit.limit) - 1;
    return [
      {
        target: `Whippy enrolment of ${contacts.toLocaleString('en-US')} contacts (${result.calls.length} calls) under ${limit.limit} writes per ${limit.windowMs / 1000} s (scaled from 10 a minute)`,
        measured: `${fake.rateLimitedCount} answered 429, ${seconds.toFixed(1)} s (at least ${windows} window(s) waited), ${waits.length} wait(s) logged for the progress line`,
        limit: '0 429s',
        ok: fake.rateLimitedCount === 0 && result.calls.every((call) => call.status === 202),
      },
    ];
  } finally {
    await server.stop();
  }
}
