import * as z from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient, type CloseClientOptions } from '../../src/close/index.js';
import { AbortError, InvalidRequestError, NotFoundError, ResponseValidationError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.stop());
beforeEach(() => server.close.fake.resetFaults());

const close = (options: CloseClientOptions = {}) =>
  new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off', ...options });

describe('raw calls: client.get/post/put/patch/delete', () => {
  it('calls an endpoint the SDK does not cover, through the same auth and typed errors; unknown without a schema', async () => {
    const leads: unknown = await close().get('lead/', { query: { _limit: 2 } });
    expect(leads).toMatchObject({ data: [{ id: expect.any(String) }, { id: expect.any(String) }], has_more: true });
    const seen = server.close.fake.requests.at(-1)!;
    expect([seen.method, seen.path, seen.query]).toEqual(['GET', '/lead/', { _limit: '2' }]);
    expect(seen.headers.authorization).toMatch(/^Basic /);
    await expect(close().get('/lead/nope/')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks the answer against a zod schema in the client mode, and gives the raw response with withResponse()', async () => {
    const Leads = z.object({ data: z.array(z.object({ id: z.string(), display_name: z.string() })), has_more: z.boolean() });
    const { data, response } = await close().get('lead/', { schema: Leads }).withResponse();
    expect(data.data[0]!.display_name).toMatch(/^Lead /);
    expect(response.status).toBe(200);
    const Wrong = z.object({ leads: z.array(z.string()) });
    await expect(close().get('lead/', { schema: Wrong })).rejects.toBeInstanceOf(ResponseValidationError);
    // Lenient: logged, passed on as received.
    expect(await close({ validation: 'lenient', logLevel: 'off' }).get('lead/', { schema: Wrong })).toHaveProperty('data');
  });

  it('sends a body on post, put and delete, and never resends a POST or PATCH after an ambiguous failure', async () => {
    const created = (await close().post('sequence/', { body: { name: 'Raw', timezone: 'UTC', steps: [{ step_type: 'call' }] } })) as {
      id: string;
    };
    expect(server.close.fake.sequences.get(created.id)?.name).toBe('Raw');
    await close().put(`sequence/${created.id}/`, { body: { name: 'Renamed' } });
    expect(server.close.fake.sequences.get(created.id)?.name).toBe('Renamed');
    await close().delete(`sequence/${created.id}/`);
    expect(server.close.fake.sequences.has(created.id)).toBe(false);
    for (const method of ['POST', 'PATCH'] as const) {
      server.close.fake.fail({ status: 503, times: 3 });
      const before = server.close.fake.requestCount;
      const call = method === 'POST' ? close().post('sequence/', { body: {} }) : close().patch('sequence/x/', { body: {} });
      await expect(call).rejects.toThrow();
      expect(server.close.fake.requestCount - before).toBe(1);
      server.close.fake.resetFaults();
    }
  });

  it('refuses a path that could change the route, bad query values, or a GET body, before any request', async () => {
    const before = server.close.fake.requestCount;
    for (const path of ['../lead/', 'lead/../x/', 'lead//x/', 'lead/?q=1', 'lead/#f', 'https://evil.example/', 'lead/%2e%2e/', '', '/']) {
      await expect(close().get(path), path).rejects.toBeInstanceOf(InvalidRequestError);
    }
    await expect(close().get('lead/', { query: { q: { nested: true } as never } })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(close().get('lead/', { body: { a: 1 } })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.close.fake.requestCount).toBe(before);
  });

  it("paces a raw call in its endpoint group's window, the one the resource methods of that route use", async () => {
    // A window of 2: a third request to the same group (method and path) must wait for the reset. Each wait is reported, then aborted.
    const check = async (
      first: (c: CloseClient) => PromiseLike<unknown>,
      second: (c: CloseClient, signal: AbortSignal) => PromiseLike<unknown>,
    ) => {
      server.close.fake.setRateLimit({ limit: 2, windowMs: 60_000 });
      const controller = new AbortController();
      const waits: number[] = [];
      const client = close({
        onPacing: (event) => {
          waits.push(event.waitMs);
          controller.abort();
        },
      });
      await first(client);
      await first(client);
      // Another group (GET lead/) is not held by the spent window of GET sequence/.
      await client.get('lead/');
      const before = server.close.fake.requestCount;
      await expect(second(client, controller.signal)).rejects.toBeInstanceOf(AbortError);
      expect(waits.length).toBe(1);
      expect(server.close.fake.requestCount).toBe(before);
      expect(server.close.fake.rateLimitedCount).toBe(0);
      server.close.fake.resetFaults();
    };
    await check(
      (c) => c.get('/sequence/'),
      (c, signal) => c.sequences.list({}, { signal }),
    );
    await check(
      (c) => c.sequences.list(),
      (c, signal) => c.get('sequence/', { signal }),
    );
  });
});

describe('client.paginate(path, params)', () => {
  it("walks a Close list by _skip/_limit until has_more is false, items checked by the schema's", async () => {
    const Lead = z.object({ id: z.string(), display_name: z.string() });
    const leads = await close().paginate('lead/', { _limit: 3 }, { schema: Lead }).toArray({ limit: 1_000 });
    const all = (await close().get('lead/', { query: { _limit: 200 } })) as { data: unknown[] };
    expect(leads.map((lead) => lead.id)).toEqual(all.data.map((lead) => (lead as { id: string }).id));
    expect(server.close.fake.requests.filter((r) => r.path === '/lead/').at(-2)?.query).toMatchObject({ _limit: '3' });
  });

  it('walks a Whippy list by offset/limit up to total, and a Clarion list whole', async () => {
    const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
    const sequences = await whippy.paginate('sequences', { limit: 1 }).toArray({ limit: 100 });
    expect(sequences.length).toBe(server.whippy.fake.sequences.size);
    expect(server.whippy.fake.requests.at(-1)?.query).toMatchObject({ limit: '1' });
    const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' });
    expect((await clarion.paginate('sequence-manager/sequences').toArray({ limit: 100 })).length).toBe(server.clarion.fake.sequences.size);
  });

  it('refuses a bad path or params when the walk starts, before any request', async () => {
    const before = server.close.fake.requestCount;
    await expect(close().paginate('../lead/').toArray({ limit: 1 })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(
      close()
        .paginate('lead/', { q: [] as never })
        .toArray({ limit: 1 }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.close.fake.requestCount).toBe(before);
  });
});
