import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  PermissionDeniedError,
  ResponseValidationError,
  TimeoutError,
  type ClientOptions,
} from '../../src/index.js';
import { startFakeServer, type FakeFault, type FakeServer } from '../../src/testing/index.js';
import { expectNoCanary } from '../helpers/canary.js';
import { vendorsOf, type VendorUnderTest } from './vendors.js';

// Every client here: 5 s per attempt (no case but a timeout case ends by it: a busy machine must not
// turn a 502 into a timeout), 2 retries, server waits capped at 50 ms (a Retry-After of 1 s is
// honoured as 50 ms); the client's own backoff is shortened by test/setup/fast-backoff.ts.
// A case that can only end by timing out (a hang, a stalled body) gives its client 150 ms per attempt
// instead: the attempt fails the same way, sooner. The budget a case must end within (its test
// timeout, not a clock reading) is loose on purpose: it catches a hang, not a slow machine.
const OPTIONS = { timeout: 5_000, maxRetries: 2, maxRetryAfter: 50, logLevel: 'off' } satisfies ClientOptions;
const TIMES_OUT = { timeout: 150 } satisfies ClientOptions;
const BUDGET_MS = 3 * OPTIONS.timeout + 2 * OPTIONS.maxRetryAfter + 5_000;

type Outcome = 'ok' | (abstract new (...args: never[]) => Error);
interface FaultCase {
  name: string;
  /** The fault, queued for the call's method; `times` 1 = transient, 9 = persistent. */
  fault: (vendor: VendorUnderTest) => FakeFault;
  read: Outcome;
  /** The write's outcome, or one per vendor. */
  write: Outcome | { byVendor: (vendor: VendorUnderTest) => Outcome };
  /** Creates the write leaves behind: 1 when it succeeds, else 0, unless the fault says otherwise. */
  writeCreates?: number;
  /** Client options over {@link OPTIONS} for this case. */
  options?: ClientOptions;
}

const CASES: FaultCase[] = [
  {
    name: 'connection reset before the headers, once',
    fault: () => ({ transport: 'reset-before-headers' }),
    read: 'ok',
    write: ConnectionError,
  },
  {
    name: 'connection reset mid-body, once',
    fault: () => ({ transport: 'reset-mid-body', afterHandling: true }),
    read: 'ok',
    write: ConnectionError,
    writeCreates: 1,
  },
  {
    name: 'server never answers',
    fault: () => ({ transport: 'hang', times: 9 }),
    read: TimeoutError,
    write: TimeoutError,
    options: TIMES_OUT,
  },
  {
    name: 'slow body, once',
    fault: () => ({ transport: 'slow-body', afterHandling: true }),
    read: 'ok',
    write: TimeoutError,
    writeCreates: 1,
    options: TIMES_OUT,
  },
  {
    name: 'truncated body (short of its Content-Length), once',
    fault: () => ({ transport: 'truncated-body', afterHandling: true }),
    read: 'ok',
    write: ConnectionError,
    writeCreates: 1,
  },
  {
    name: 'truncated JSON in a complete 200',
    fault: () => ({ status: 200, body: '{"id": 1, "na', headers: { 'content-type': 'application/json' } }),
    read: ResponseValidationError,
    write: ResponseValidationError,
  },
  {
    name: 'HTML error page with 502, once',
    fault: () => ({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
    read: 'ok',
    write: InternalServerError,
  },
  // The empty answer replaces the server's action, so nothing is created even when the SDK accepts it
  // (Whippy's 202 body is undocumented, so an empty one is fine; a model that is missing is not).
  {
    name: 'empty 204',
    fault: () => ({ status: 204, body: '' }),
    read: ResponseValidationError,
    write: { byVendor: (v) => (v.writeReturnsModel ? ResponseValidationError : 'ok') },
    writeCreates: 0,
  },
  {
    name: 'empty 200',
    fault: () => ({ status: 200, body: '' }),
    read: ResponseValidationError,
    write: { byVendor: (v) => (v.writeReturnsModel ? ResponseValidationError : 'ok') },
    writeCreates: 0,
  },
  { name: '500 without Retry-After, once', fault: () => ({ status: 500 }), read: 'ok', write: InternalServerError },
  { name: '500 every time', fault: () => ({ status: 500, times: 9 }), read: InternalServerError, write: InternalServerError },
  {
    name: '502 with Retry-After, once',
    fault: () => ({ status: 502, headers: { 'retry-after': '1' } }),
    read: 'ok',
    write: InternalServerError,
  },
  { name: '503 without Retry-After, once', fault: () => ({ status: 503 }), read: 'ok', write: InternalServerError },
  {
    name: '503 with Retry-After, once',
    fault: () => ({ status: 503, headers: { 'retry-after': '1' } }),
    read: 'ok',
    write: InternalServerError,
  },
  {
    name: "429 with the vendor's rate-limit headers, once",
    fault: (v) => ({ status: 429, headers: v.rateLimitHeaders }),
    read: 'ok',
    write: 'ok',
  },
  { name: '429 with no headers, once', fault: () => ({ status: 429 }), read: 'ok', write: 'ok' },
  { name: '401', fault: () => ({ status: 401, times: 9 }), read: AuthenticationError, write: AuthenticationError },
  { name: '403', fault: () => ({ status: 403, times: 9 }), read: PermissionDeniedError, write: PermissionDeniedError },
];

let server: FakeServer;
let vendors: VendorUnderTest[];
let elsewhere: Server;
let elsewhereHits: { url: string; headers: Record<string, unknown> }[];
let elsewhereUrl = '';
let closedPort = 0;

beforeAll(async () => {
  server = await startFakeServer();
  vendors = vendorsOf(server);
  // Another host, to redirect to: it must never see a request carrying credentials.
  elsewhereHits = [];
  elsewhere = createServer((request, response) => {
    elsewhereHits.push({ url: request.url ?? '', headers: request.headers });
    response.end('{}');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
  // A port nothing listens on, for "connection refused".
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await server.stop();
  await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
});

async function settle(call: () => Promise<unknown>): Promise<{ result: unknown; error: unknown }> {
  try {
    return { result: await call(), error: undefined };
  } catch (error) {
    expectNoCanary(error);
    return { result: undefined, error };
  }
}

function expectOutcome(outcome: Outcome, settled: { result: unknown; error: unknown }) {
  if (outcome === 'ok') expect(settled.error).toBeUndefined();
  else expect(settled.error).toBeInstanceOf(outcome);
}

// The three vendors run side by side (each has its own fake); within one vendor the cases run one
// after the other, as they share its fault queue and its count of creates.
const sideBySide = { concurrent: true };
const oneAtATime = { concurrent: false };

describe.each(['close', 'whippy', 'clarion'] as const)('%s under faults (real sockets)', sideBySide, (name) => {
  const vendor = () => vendors.find((v) => v.name === name)!;
  beforeEach(() => vendor().fake.resetFaults());

  describe.each(CASES)('$name', oneAtATime, (fault) => {
    it(
      'read',
      async () => {
        const v = vendor();
        v.fake.fail({ method: 'GET', ...fault.fault(v) });
        const settled = await settle(() => v.read({ ...OPTIONS, ...fault.options }));
        expectOutcome(fault.read, settled);
      },
      BUDGET_MS,
    );

    it(
      'write, never creating twice',
      async () => {
        const v = vendor();
        const before = v.creates();
        v.fake.fail({ method: 'POST', ...fault.fault(v) });
        const settled = await settle(() => v.write({ ...OPTIONS, ...fault.options }));
        const expected = typeof fault.write === 'object' ? fault.write.byVendor(v) : fault.write;
        expectOutcome(expected, settled);
        const created = v.creates() - before;
        expect(created).toBeLessThanOrEqual(1);
        expect(created).toBe(fault.writeCreates ?? (expected === 'ok' ? 1 : 0));
      },
      BUDGET_MS,
    );
  });

  it('connection refused: read and write end in ConnectionError, nothing created', { ...oneAtATime, timeout: BUDGET_MS }, async () => {
    const v = vendor();
    const before = v.creates();
    const dead = { ...OPTIONS, baseUrl: `http://127.0.0.1:${closedPort}/v1` };
    const read = await settle(() => v.read(dead));
    const write = await settle(() => v.write(dead));
    expect(read.error).toBeInstanceOf(ConnectionError);
    expect(write.error).toBeInstanceOf(ConnectionError);
    expect(v.creates()).toBe(before);
  });

  it('a redirect to another host is not followed: credentials never leave', oneAtATime, async () => {
    const v = vendor();
    elsewhereHits.length = 0;
    v.fake.fail({ status: 302, headers: { location: `${elsewhereUrl}/steal` }, body: '', times: 2 });
    const read = await settle(() => v.read(OPTIONS));
    const write = await settle(() => v.write(OPTIONS));
    for (const { error } of [read, write]) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(302);
    }
    expect(elsewhereHits).toEqual([]);
  });
});
