import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_BASE_URL, CloseClient } from '../../src/close/index.js';
import { AuthenticationError, InvalidRequestError } from '../../src/index.js';
import { useMswServer } from '../helpers/msw.js';

const server = useMswServer();
const CANARY = 'canary_KEY_7f3a9c21e4';
const CANARY_BASIC = btoa(`${CANARY}:`);

function capturingLogger() {
  const lines: string[] = [];
  const write = (...args: unknown[]) => lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
  return { lines, logger: { debug: write, info: write, warn: write, error: write } };
}

function expectNoCanary(text: string) {
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(CANARY_BASIC);
}

afterEach(() => vi.unstubAllEnvs());

describe('credentials', () => {
  it('sends the API key as HTTP Basic user name with an empty password', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${CLOSE_BASE_URL}/sequence/`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ data: [], has_more: false });
      }),
    );
    await new CloseClient({ apiKey: CANARY }).sequences.list();
    expect(auth).toBe(`Basic ${CANARY_BASIC}`);
  });

  it('sends an OAuth access token as Bearer', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${CLOSE_BASE_URL}/sequence/`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ data: [], has_more: false });
      }),
    );
    await new CloseClient({ accessToken: 'tok_1' }).sequences.list();
    expect(auth).toBe('Bearer tok_1');
  });

  it('reads CLOSE_API_KEY from the environment by default', async () => {
    vi.stubEnv('CLOSE_API_KEY', 'env_key');
    let auth: string | null = null;
    server.use(
      http.get(`${CLOSE_BASE_URL}/sequence/`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ data: [], has_more: false });
      }),
    );
    await new CloseClient().sequences.list();
    expect(auth).toBe(`Basic ${btoa('env_key:')}`);
  });

  it('refuses to build a client with no credential, saying where to put one', () => {
    vi.stubEnv('CLOSE_API_KEY', '');
    expect(() => new CloseClient()).toThrow(InvalidRequestError);
    expect(() => new CloseClient()).toThrow(/CLOSE_API_KEY/);
  });

  it('keeps the key out of inspect() and JSON of the client', () => {
    const client = new CloseClient({ apiKey: CANARY });
    expectNoCanary(inspect(client, { depth: 20, showHidden: true }));
    expectNoCanary(JSON.stringify(client));
  });

  it('keeps the key out of errors, their JSON, inspect() and stack, even when the server echoes it', async () => {
    server.use(
      http.get(`${CLOSE_BASE_URL}/sequence/`, ({ request }) =>
        HttpResponse.json({ error: `Invalid key ${CANARY} (${request.headers.get('authorization')})` }, { status: 401 }),
      ),
    );
    const { lines, logger } = capturingLogger();
    const error = (await new CloseClient({ apiKey: CANARY, logger, logLevel: 'debug', logBodies: true }).sequences
      .list()
      .then(null, (e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('Invalid key [redacted]');
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 20, showHidden: true }),
      ...lines,
    ]) {
      expectNoCanary(text);
    }
    expect(lines.some((line) => line.includes('[redacted]'))).toBe(true);
  });

  it('logs request headers at debug level with the auth header redacted', async () => {
    server.use(http.get(`${CLOSE_BASE_URL}/sequence/`, () => HttpResponse.json({ data: [], has_more: false })));
    const { lines, logger } = capturingLogger();
    await new CloseClient({ apiKey: CANARY, logger, logLevel: 'debug' }).sequences.list(
      {},
      { headers: { authorization: `Basic ${CANARY_BASIC}` } },
    );
    expect(lines.join('\n')).toMatch(/GET https:\/\/api.close.com\/api\/v1\/sequence\//);
    expect(lines.join('\n')).toContain('[redacted]');
    lines.forEach(expectNoCanary);
  });

  it('writes nothing below the configured level', async () => {
    server.use(http.get(`${CLOSE_BASE_URL}/sequence/`, () => HttpResponse.json({ data: [], has_more: false })));
    const { lines, logger } = capturingLogger();
    await new CloseClient({ apiKey: CANARY, logger, logLevel: 'warn' }).sequences.list();
    expect(lines).toEqual([]);
  });
});
