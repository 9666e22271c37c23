import { beforeEach } from 'vitest';
import { WHIPPY_BASE_URL, WhippyClient, type WhippyClientOptions } from '../../src/whippy/index.js';
import { WhippyFake } from '../../src/testing/index.js';
import { fakeHandlers } from '../../src/testing/msw.js';
import { useMswServer } from './msw.js';

/** The key the Whippy fake accepts by default. */
export const WHIPPY_KEY = 'test_whippy_key';

/** A fresh Whippy fake behind msw for every test, and a client factory bound to it. */
export function useWhippyFake() {
  const server = useMswServer();
  const context = {
    server,
    fake: undefined as unknown as WhippyFake,
    client(options: WhippyClientOptions = {}) {
      return new WhippyClient({ apiKey: WHIPPY_KEY, logLevel: 'off', ...options });
    },
    /** The seeded active sequence ("Welcome series"). */
    welcome() {
      return [...context.fake.sequences.values()][0]!;
    },
  };
  beforeEach(() => {
    context.fake = new WhippyFake();
    server.use(...fakeHandlers(context.fake, WHIPPY_BASE_URL));
  });
  return context;
}
