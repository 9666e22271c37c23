import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_BASE_URL, CloseClient } from '../../src/close/index.js';
import { AbortError, ConnectionError, ResponseValidationError, TimeoutError, type PacingEvent } from '../../src/index.js';
import { useMswServer } from '../helpers/msw.js';

const server = useMswServer();
const client = (options = {}) => new CloseClient({ apiKey: 'k', logLevel: 'off', maxRetries: 0, ...options });
const SEQ_URL = `${CLOSE_BASE_URL}/sequence/seq_1/`;
const sequence = { id: 'seq_1', name: 'S', status: 'active', timezone: 'UTC', steps: [] };

describe('request pipeline', () => {
  afterEach(() => void vi.useRealTimers());

  it('times out a call that gets no answer within its timeout', async () => {
    let requested = false;
    server.use(
      http.get(SEQ_URL, async () => {
        requested = true;
        await delay('infinite');
        return HttpResponse.json(sequence);
      }),
    );
    // Fake timers: the call can only end by its own 150 ms timer, not a moment before.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const pending = client()
      .sequences.retrieve('seq_1', { timeout: 150 })
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    while (!requested) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(149);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(/did not answer GET \/api\/v1\/sequence\/seq_1\/ after 150 ms/);
  });

  it('retries a GET that timed out and returns the second answer', async () => {
    let calls = 0;
    server.use(
      http.get(SEQ_URL, async () => {
        if (++calls === 1) await delay('infinite');
        return HttpResponse.json(sequence);
      }),
    );
    const result = await client({ maxRetries: 1 }).sequences.retrieve('seq_1', { timeout: 150 });
    expect(result.id).toBe('seq_1');
    expect(calls).toBe(2);
  });

  it('rejects with AbortError when the caller aborts', async () => {
    let requested = false;
    server.use(
      http.get(SEQ_URL, async () => {
        requested = true;
        await delay('infinite');
        return HttpResponse.json(sequence);
      }),
    );
    const controller = new AbortController();
    const pending = client().sequences.retrieve('seq_1', { signal: controller.signal });
    // Aborted once msw holds the request (the handler has run), with no wait on the clock.
    await vi.waitUntil(() => requested, { interval: 1 });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('maps a network failure to ConnectionError', async () => {
    server.use(http.get(SEQ_URL, () => HttpResponse.error()));
    await expect(client().sequences.retrieve('seq_1')).rejects.toBeInstanceOf(ConnectionError);
  });

  it("'strict' throws ResponseValidationError that keeps the raw body", async () => {
    server.use(http.get(SEQ_URL, () => HttpResponse.json({ id: 42, name: 'S', status: 'active', steps: 'nope' })));
    const error = (await client()
      .sequences.retrieve('seq_1')
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([
      { path: 'id', message: 'expected string, received number' },
      { path: 'steps', message: 'expected array, received string' },
    ]);
    expect(error.body).toEqual({ id: 42, name: 'S', status: 'active', steps: 'nope' });
  });

  it("'lenient' logs a warning and returns the data as received", async () => {
    server.use(http.get(SEQ_URL, () => HttpResponse.json({ id: 42, name: 'S', status: 'active', steps: [] })));
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const result = await client({ validation: 'lenient', logger, logLevel: 'warn' }).sequences.retrieve('seq_1');
    expect(result.id).toBe(42);
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(/did not match the model/);
  });

  it("'off' skips the check and returns the body untouched", async () => {
    const body = { id: 42, anything: true };
    server.use(http.get(SEQ_URL, () => HttpResponse.json(body)));
    expect(await client({ validation: 'off' }).sequences.retrieve('seq_1')).toEqual(body);
  });

  it('reports a 2xx body that is not JSON as ResponseValidationError with the text', async () => {
    server.use(http.get(SEQ_URL, () => new HttpResponse('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } })));
    const error = (await client()
      .sequences.retrieve('seq_1')
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.body).toBe('<html>maintenance</html>');
    expect(error.message).toMatch(/was not valid JSON/);
  });

  it('withResponse() gives the model, the raw response and the parsed rate limit', async () => {
    server.use(http.get(SEQ_URL, () => HttpResponse.json(sequence, { headers: { ratelimit: 'limit=60, remaining=59, reset=1' } })));
    const { data, response, rateLimit } = await client().sequences.retrieve('seq_1').withResponse();
    expect(data.id).toBe('seq_1');
    expect(response.status).toBe(200);
    expect(rateLimit).toEqual({ limit: 60, remaining: 59, resetMs: 1000 });
  });

  it('does not follow a redirect, so credentials never travel to another host', async () => {
    let followed = false;
    server.use(
      http.get(SEQ_URL, () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example/steal' } })),
      http.get('https://evil.example/steal', () => {
        followed = true;
        return HttpResponse.json(sequence);
      }),
    );
    await expect(client().sequences.retrieve('seq_1')).rejects.toThrow(/302/);
    expect(followed).toBe(false);
  });

  it('sends per-call headers and refuses header values with CRLF before sending', async () => {
    let seen: string | null = null;
    server.use(
      http.get(SEQ_URL, ({ request }) => {
        seen = request.headers.get('x-trace');
        return HttpResponse.json(sequence);
      }),
    );
    await client().sequences.retrieve('seq_1', { headers: { 'x-trace': 'abc' } });
    expect(seen).toBe('abc');
    await expect(client().sequences.retrieve('seq_1', { headers: { 'x-trace': 'a\r\nx-evil: 1' } })).rejects.toThrow(/headers.x-trace/);
    expect(() => client({ headers: { 'x-bad': 'a\nb' } })).toThrow(/headers.x-bad/);
  });
});

describe('pacing and failed responses', () => {
  it('keeps pacing accurately after responses that fail validation', async () => {
    // Five answers fail validation, then valid ones say 3 requests are left in a 5 s window.
    // A failed response that leaked its pacer ticket would count as a request still in flight,
    // and 3 - 5 leaked would close the window: the last call would wait 5 s.
    let calls = 0;
    const ratelimit = 'limit=10, remaining=3, reset=5';
    server.use(http.get(SEQ_URL, () => HttpResponse.json(++calls <= 5 ? { id: 42 } : sequence, { headers: { ratelimit } })));
    const waits: number[] = [];
    const paced = client({ onPacing: (event: PacingEvent) => waits.push(event.waitMs) });
    for (let i = 0; i < 5; i++) await expect(paced.sequences.retrieve('seq_1')).rejects.toBeInstanceOf(ResponseValidationError);
    await paced.sequences.retrieve('seq_1');
    await paced.sequences.retrieve('seq_1');
    expect(waits).toEqual([]);
  });
});
