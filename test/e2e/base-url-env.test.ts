import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient } from '../../src/close/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.stop());
afterEach(() => vi.unstubAllEnvs());

function pointAtFakes(): void {
  vi.stubEnv('CLOSE_BASE_URL', server.close.baseUrl);
  vi.stubEnv('WHIPPY_BASE_URL', server.whippy.baseUrl);
  vi.stubEnv('CLARION_BASE_URL', server.clarion.baseUrl);
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
  vi.stubEnv('CLARION_API_KEY', 'test_clarion_token');
}

describe('<VENDOR>_BASE_URL', () => {
  it('points a client built without baseUrl at the URL in the environment', async () => {
    pointAtFakes();
    const close = new CloseClient({ logLevel: 'off' });
    const whippy = new WhippyClient({ logLevel: 'off' });
    const clarion = new ClarionClient({ logLevel: 'off' });
    expect([close.baseUrl, whippy.baseUrl, clarion.baseUrl]).toEqual([server.close.baseUrl, server.whippy.baseUrl, server.clarion.baseUrl]);
    expect((await close.sequences.list()).data.length).toBeGreaterThan(0);
    expect((await whippy.sequences.list()).data.length).toBeGreaterThan(0);
    expect((await clarion.sequences.list()).data.length).toBeGreaterThan(0);
  });

  it('loses to an explicit baseUrl, and a blank variable means the vendor default', () => {
    pointAtFakes();
    expect(new CloseClient({ baseUrl: 'https://close.example/api/v1' }).baseUrl).toBe('https://close.example/api/v1');
    vi.stubEnv('WHIPPY_BASE_URL', '  ');
    expect(new WhippyClient().baseUrl).toBe('https://api.whippy.co/v1');
  });

  it('is refused like a bad baseUrl option when it is not an absolute http(s) URL', () => {
    pointAtFakes();
    vi.stubEnv('CLARION_BASE_URL', 'api.clarionhealth.com/v1');
    expect(() => new ClarionClient()).toThrow(/baseUrl/);
  });
});
