import { beforeEach } from 'vitest';
import { CLARION_BASE_URL, ClarionClient, type ClarionClientOptions } from '../../src/clarion/index.js';
import { ClarionFake } from '../../src/testing/index.js';
import { fakeHandlers } from '../../src/testing/msw.js';
import { useMswServer } from './msw.js';

/** The token the Clarion fake accepts by default. */
export const CLARION_TOKEN = 'test_clarion_token';

/** A fresh Clarion fake behind msw for every test, and a client factory bound to it. */
export function useClarionFake() {
  const server = useMswServer();
  const context = {
    server,
    fake: undefined as unknown as ClarionFake,
    client(options: ClarionClientOptions = {}) {
      return new ClarionClient({ apiKey: CLARION_TOKEN, logLevel: 'off', ...options });
    },
    /** Id of the seeded sequence in `status`. */
    sequenceIn(status: string): number {
      return [...context.fake.sequences.values()].find((s) => s.status === status)!.id as number;
    },
    definitionId(): number {
      return [...context.fake.definitions.keys()][0]!;
    },
  };
  beforeEach(() => {
    context.fake = new ClarionFake();
    server.use(...fakeHandlers(context.fake, CLARION_BASE_URL));
  });
  return context;
}

/** `n` synthetic patient rows, numbered from `from`. */
export function patientRows(n: number, from = 0) {
  return Array.from({ length: n }, (_, i) => ({
    phoneNumber: `+1555${String(from + i).padStart(7, '0')}`,
    firstName: `First${from + i}`,
    lastName: `Last${from + i}`,
    dateOfBirth: '1990-01-15',
  }));
}
