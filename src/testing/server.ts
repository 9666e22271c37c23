import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ClarionFake, type ClarionFakeOptions } from './clarion/fake.js';
import { CloseFake, type CloseFakeOptions } from './close/fake.js';
import { TRANSPORT_FAULT, type FakeApi, type TransportFault } from './fake-api.js';
import { WhippyFake, type WhippyFakeOptions } from './whippy/fake.js';

/** One vendor's fake as served by {@link startFakeServer}. */
export interface ServedFake<Fake extends FakeApi> {
  /** The stateful fake: inspect its store and requests, inject faults, switch rate limits. */
  fake: Fake;
  /** Pass this as the client's `baseUrl`. */
  baseUrl: string;
}

/** Options of {@link startFakeServer}. */
export interface FakeServerOptions {
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
  /** The Close fake to serve, or options for a new one. */
  close?: CloseFake | CloseFakeOptions;
  /** The Whippy fake to serve, or options for a new one. */
  whippy?: WhippyFake | WhippyFakeOptions;
  /** The Clarion fake to serve, or options for a new one. */
  clarion?: ClarionFake | ClarionFakeOptions;
}

/** A running fake server on 127.0.0.1; stop it with `stop()` (or `await using`). */
export interface FakeServer extends AsyncDisposable {
  /** Server root, e.g. `http://127.0.0.1:53124`. */
  url: string;
  /** The Close fake at `<url>/close/api/v1`; the client's API key is `test_close_key` unless set. */
  close: ServedFake<CloseFake>;
  /** The Whippy fake at `<url>/whippy/v1`; the client's API key is `test_whippy_key` unless set. */
  whippy: ServedFake<WhippyFake>;
  /** The Clarion fake at `<url>/clarion/v1`; the client's token is `test_clarion_token` unless set. */
  clarion: ServedFake<ClarionFake>;
  /** Stops the server and closes open connections. */
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

async function forward(fakes: Map<string, FakeApi>, origin: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const [, vendor = '', ...rest] = (request.url ?? '/').split('/');
  const fake = fakes.get(vendor);
  if (!fake) {
    response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no fake at /${vendor}` }));
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const body = await readBody(request);
  const answer = await fake.handle(
    new Request(`${origin}/${rest.join('/')}`, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) }),
  );
  const out = Buffer.from(await answer.arrayBuffer());
  const fault = (answer as { [TRANSPORT_FAULT]?: TransportFault })[TRANSPORT_FAULT];
  if (fault) return sabotage(fault, answer, out, response);
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'content-length': String(out.length) });
  response.end(out);
}

/** Acts out a transport fault on the real socket. */
function sabotage(fault: TransportFault, answer: Response, body: Buffer, response: ServerResponse): void {
  const head = { ...Object.fromEntries(answer.headers), 'content-length': String(body.length) };
  const half = body.subarray(0, Math.floor(body.length / 2));
  switch (fault) {
    case 'reset-before-headers':
      response.socket?.destroy();
      return;
    case 'hang':
      return; // the connection stays open and silent until the client gives up
    case 'reset-mid-body':
      response.writeHead(answer.status, head);
      response.write(half, () => setTimeout(() => response.socket?.destroy(), 10));
      return;
    case 'truncated-body':
      response.writeHead(answer.status, head);
      response.write(half, () => response.socket?.end());
      return;
    case 'slow-body': {
      response.writeHead(answer.status, head);
      let sent = 0;
      const timer = setInterval(() => {
        if (response.destroyed || sent >= body.length) {
          clearInterval(timer);
          if (!response.destroyed) response.end();
          return;
        }
        response.write(body.subarray(sent, sent + 1));
        sent += 1;
      }, 50);
      response.on('close', () => clearInterval(timer));
      return;
    }
  }
}

/**
 * Starts the vendor fakes behind one real HTTP server on 127.0.0.1, for end-to-end tests,
 * demos and benchmarks.
 * @example
 * await using server = await startFakeServer();
 * const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key' });
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const close = options.close instanceof CloseFake ? options.close : new CloseFake(options.close);
  const whippy = options.whippy instanceof WhippyFake ? options.whippy : new WhippyFake(options.whippy);
  const clarion = options.clarion instanceof ClarionFake ? options.clarion : new ClarionFake(options.clarion);
  const fakes = new Map<string, FakeApi>([
    ['close', close],
    ['whippy', whippy],
    ['clarion', clarion],
  ]);
  let origin = '';
  const server: Server = createServer((request, response) => {
    forward(fakes, origin, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `fake server failure: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  origin = url;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url,
    close: { fake: close, baseUrl: `${url}/close${close.basePath}` },
    whippy: { fake: whippy, baseUrl: `${url}/whippy${whippy.basePath}` },
    clarion: { fake: clarion, baseUrl: `${url}/clarion${clarion.basePath}` },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
