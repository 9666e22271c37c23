import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CLARION_BASE_URL, ClarionClient } from '../../src/clarion/index.js';
import { CLOSE_BASE_URL, CloseClient } from '../../src/close/index.js';
import type { Logger } from '../../src/index.js';
import { WHIPPY_BASE_URL, WhippyClient } from '../../src/whippy/index.js';
import { expectNoCanary, renderings } from '../helpers/canary.js';
import { useMswServer } from '../helpers/msw.js';

const server = useMswServer();

/** A server that echoes every credential it gets back in its error body, the worst case. */
function echoing(base: string, status: number) {
  return http.all(`${base}/*`, ({ request }) =>
    HttpResponse.json(
      {
        error: `bad auth: ${request.headers.get('authorization')} ${request.headers.get('x-whippy-key')}`,
        errors: [{ description: String(request.headers.get('x-whippy-key')) }],
      },
      { status, headers: { 'x-echo': String(request.headers.get('authorization')) } },
    ),
  );
}

function capture(): { lines: unknown[][]; logger: Logger } {
  const lines: unknown[][] = [];
  const push = (...args: unknown[]) => void lines.push(args);
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

const clients = [
  [
    'close (API key)',
    CLOSE_BASE_URL,
    (logger: Logger) =>
      new CloseClient({ apiKey: 'test_close_key', logger, logLevel: 'debug', logBodies: true, maxRetries: 1, maxRetryAfter: 10 }),
    (c: CloseClient) => c.sequences.retrieve('seq_1'),
  ],
  [
    'close (OAuth token)',
    CLOSE_BASE_URL,
    (logger: Logger) =>
      new CloseClient({ accessToken: 'test_close_token', logger, logLevel: 'debug', logBodies: true, maxRetries: 1, maxRetryAfter: 10 }),
    (c: CloseClient) => c.sequences.retrieve('seq_1'),
  ],
  [
    'whippy',
    WHIPPY_BASE_URL,
    (logger: Logger) =>
      new WhippyClient({ apiKey: 'test_whippy_key', logger, logLevel: 'debug', logBodies: true, maxRetries: 1, maxRetryAfter: 10 }),
    (c: WhippyClient) => c.sequences.retrieve('s1'),
  ],
  [
    'clarion',
    CLARION_BASE_URL,
    (logger: Logger) =>
      new ClarionClient({ apiKey: 'test_clarion_token', logger, logLevel: 'debug', logBodies: true, maxRetries: 1, maxRetryAfter: 10 }),
    (c: ClarionClient) => c.sequences.retrieve(1),
  ],
] as const;

describe('credential canaries never leak', () => {
  describe.each(clients)('%s', (_, base, make, call) => {
    it.each([400, 401, 403, 404, 422, 429, 500, 503])(
      'not on a %i whose body echoes the credential, at debug level with bodies logged',
      async (status) => {
        server.use(echoing(base, status));
        const { lines, logger } = capture();
        const client = make(logger);
        const error = await (call as (c: typeof client) => PromiseLike<unknown>)(client).then(null, (e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expectNoCanary(error);
        expectNoCanary(client);
        for (const line of lines) expectNoCanary(line);
        // The echoed credential was replaced, not dropped silently.
        expect(renderings(error).join('\n')).toContain('[redacted]');
      },
    );

    it('not on a network failure or a timeout', async () => {
      server.use(http.all(`${base}/*`, () => HttpResponse.error()));
      const { lines, logger } = capture();
      const client = make(logger);
      expectNoCanary(await (call as (c: typeof client) => PromiseLike<unknown>)(client).then(null, (e: unknown) => e));
      for (const line of lines) expectNoCanary(line);
    });
  });
});
