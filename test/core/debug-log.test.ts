import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.stop());

/** A logger that keeps every line it is given. */
function capture() {
  const lines: unknown[][] = [];
  const push = (...args: unknown[]) => void lines.push(args);
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

/** The headers object of the first debug line that logs a request. */
function requestHeaders(lines: unknown[][]): Record<string, string> {
  const line = lines.find(([message]) => typeof message === 'string' && /\] GET /.test(message));
  return (line?.[1] as { headers: Record<string, string> }).headers;
}

describe('debug logging of requests', () => {
  it('logs the headers each request carries, the client defaults included, the credential redacted', async () => {
    const { lines, logger } = capture();
    const close = new CloseClient({
      apiKey: 'test_close_key',
      baseUrl: server.close.baseUrl,
      headers: { 'x-team': 'growth' },
      logger,
      logLevel: 'debug',
    });
    await close.sequences.list().toArray({ limit: 1 });
    const headers = requestHeaders(lines);
    expect(headers).toMatchObject({ accept: 'application/json', 'x-team': 'growth' });
    expect(headers.authorization).toBeDefined();
    expect(headers.authorization).not.toContain('Basic');
    expect(JSON.stringify(lines)).not.toContain(Buffer.from('test_close_key:').toString('base64'));
  });

  it("redacts Whippy's own credential header", async () => {
    const { lines, logger } = capture();
    const whippy = new WhippyClient({
      apiKey: 'test_whippy_key',
      baseUrl: server.whippy.baseUrl,
      logger,
      logLevel: 'debug',
    });
    await whippy.sequences.list().toArray({ limit: 1 });
    const headers = requestHeaders(lines);
    expect(Object.keys(headers)).toContain('x-whippy-key');
    expect(headers['x-whippy-key']).not.toBe('test_whippy_key');
  });

  it("never logs Close's webhook signature_key, even with logBodies", async () => {
    const { lines, logger } = capture();
    const close = new CloseClient({
      apiKey: 'test_close_key',
      baseUrl: server.close.baseUrl,
      logger,
      logLevel: 'debug',
      logBodies: true,
    });
    const hook = await close.webhooks.create({
      url: 'http://127.0.0.1:9/hook',
      events: [{ object_type: 'sequence_subscription', action: 'updated' }],
    });
    expect(hook.signature_key).toMatch(/^[0-9a-f]{16,}$/);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('response body');
    expect(logged).not.toContain(hook.signature_key);
    expect(logged).toContain('"signature_key\\":\\"[redacted]\\"');
  });
});
