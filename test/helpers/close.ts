import { beforeEach } from 'vitest';
import { CLOSE_BASE_URL, CloseClient, type CloseClientOptions } from '../../src/close/index.js';
import { CloseFake } from '../../src/testing/index.js';
import { fakeHandlers } from '../../src/testing/msw.js';
import { useMswServer } from './msw.js';

/** The key the Close fake accepts by default. */
export const CLOSE_KEY = 'test_close_key';

/** A fresh Close fake behind msw for every test, and a client factory bound to it. */
export function useCloseFake() {
  const server = useMswServer();
  const context = {
    server,
    fake: undefined as unknown as CloseFake,
    client(options: CloseClientOptions = {}) {
      return new CloseClient({ apiKey: CLOSE_KEY, logLevel: 'off', ...options });
    },
  };
  beforeEach(() => {
    context.fake = new CloseFake();
    server.use(...fakeHandlers(context.fake, CLOSE_BASE_URL));
  });
  return context;
}

/** A sequence id the seeded fake holds. */
export function firstSequenceId(fake: CloseFake): string {
  return [...fake.sequences.keys()][0]!;
}
