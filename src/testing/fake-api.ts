import { limiterApplies, newLimiter, refusedFor, spend, type FakeRateLimit, type Limiter } from './fake-rate-limit.js';

export type { FakeRateLimit } from './fake-rate-limit.js';

/**
 * A fault below HTTP, acted out by the real server (`startFakeServer`); under msw every one of
 * them is a network error.
 * - `reset-before-headers`: the socket is destroyed before any byte of the answer;
 * - `reset-mid-body`: status and headers are sent, then half the body, then the socket is destroyed;
 * - `hang`: nothing is ever sent;
 * - `slow-body`: the body trickles out a byte every 50 ms;
 * - `truncated-body`: half the body is sent with a Content-Length for all of it, then the socket ends.
 */
export type TransportFault = 'reset-before-headers' | 'reset-mid-body' | 'hang' | 'slow-body' | 'truncated-body';

/** Marks a response whose delivery the real server must sabotage. */
export const TRANSPORT_FAULT = Symbol.for('sequence-apis.transport-fault');

/** A response the fake returns instead of routing, for fault and rate-limit tests. */
export interface FakeFault {
  /** Sabotage delivery instead of (or on top of) the status: see {@link TransportFault}. */
  transport?: TransportFault;
  /** Run the real route first (the request takes effect), then apply the fault to its answer. */
  afterHandling?: boolean;
  /** HTTP status to answer with (ignored with `afterHandling`). */
  status?: number;
  /** Response headers. */
  headers?: Record<string, string>;
  /** JSON body (an object) or raw text (a string). Omitted: the vendor's error shape. */
  body?: unknown;
  /** How many requests it answers (default 1). */
  times?: number;
  /** Only requests whose method (and optional path part) match. */
  method?: string;
  path?: string | RegExp;
}

/** One request the fake saw. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** What a route handler gets. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** A route of a fake: answers one matched request. */
export type RouteHandler = (ctx: RouteContext) => Response | Promise<Response>;

/** A stored object of a fake (a sequence, a subscription, …), in the vendor's wire shape. */
export type FakeRecord = Record<string, unknown>;

interface Route {
  method: string;
  /** As added, e.g. `/sequence/:id/`: names its endpoint group. */
  path: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const SEEN_LIMIT = 2_000;

/**
 * The vendor-neutral part of every fake: a request log, auth, a switchable rate limit,
 * queued faults and a tiny router. Vendor fakes add routes, their store and their shapes.
 * Its `handle(request)` is a plain fetch handler, so it runs under msw or a real server alike.
 */
export abstract class FakeApi {
  /** Requests seen (the most recent 2,000), oldest first. */
  readonly requests: SeenRequest[] = [];
  /** Requests seen in total. */
  requestCount = 0;
  /** Requests answered 429 by the rate limit. */
  rateLimitedCount = 0;
  /** Path prefix this fake answers under, e.g. `/api/v1`. */
  readonly basePath: string;
  #routes: Route[] = [];
  #faults: FakeFault[] = [];
  #rateLimit: Limiter | undefined;
  #extraLimits: Limiter[] = [];
  /** With a `perEndpoint` limit: one window per endpoint group, started on its first request. */
  #groupLimits = new Map<string, Limiter>();
  /** Whether `setRateLimit` keeps one window per endpoint group when the limit does not say. */
  protected readonly limitsPerEndpoint: boolean = false;

  protected constructor(basePath: string) {
    this.basePath = basePath.replace(/\/+$/, '');
  }

  /** Whether the request carries this fake's credential. */
  protected abstract authorize(request: Request): boolean;
  /** The vendor's error body for a status and message. */
  protected abstract errorBody(status: number, message: string): unknown;
  /** The vendor's rate-limit headers for the current window. */
  protected abstract rateLimitHeaders(limit: number, remaining: number, resetMs: number): Record<string, string>;

  /** Adds a route; `:name` segments become params. */
  protected route(method: string, path: string, handler: RouteHandler): void {
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.push({ method, path, pattern: new RegExp(`^${source}$`), names, handler });
  }

  /** Answers with `then(item)` when `store` holds `key`, else with a 404 in the vendor's shape. */
  protected withItem<K, V>(store: Map<K, V>, key: K, notFound: string, then: (item: V) => Response): Response {
    const item = store.get(key);
    return item === undefined ? this.error(404, notFound) : then(item);
  }

  /** An error response in the vendor's shape. */
  protected error(status: number, message: string, headers: Record<string, string> = {}): Response {
    return json(status, this.errorBody(status, message), headers);
  }

  /** Switches the rate limit on (or off with `undefined`, which also removes the added ones). */
  setRateLimit(rateLimit: FakeRateLimit | undefined): void {
    this.#rateLimit = rateLimit && newLimiter({ perEndpoint: this.limitsPerEndpoint, ...rateLimit });
    this.#groupLimits.clear();
    if (!rateLimit) this.#extraLimits = [];
  }

  /** Adds a further limit for some requests (`method`, `path`), e.g. Whippy's 10 writes a minute on sequences. */
  addRateLimit(rateLimit: FakeRateLimit): void {
    this.#extraLimits.push(newLimiter(rateLimit));
  }

  /** Queues a fault: the next matching request(s) get this answer instead of the real one. */
  fail(fault: FakeFault): void {
    this.#faults.push({ times: 1, ...fault });
  }

  /** Clears queued faults, the rate limit and the request log. */
  resetFaults(): void {
    this.#faults = [];
    this.#rateLimit = undefined;
    this.#extraLimits = [];
    this.#groupLimits.clear();
    this.requests.length = 0;
    this.requestCount = 0;
    this.rateLimitedCount = 0;
  }

  /** Answers one request (a fetch handler). */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(this.basePath) ? url.pathname.slice(this.basePath.length) || '/' : url.pathname;
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      this.#record(request, path, url, text);
      return this.error(400, 'The request contains invalid JSON.');
    }
    this.#record(request, path, url, body);

    const fault = this.#takeFault(request.method, path);
    if (fault && !fault.afterHandling) return this.#faultResponse(fault);
    const answer = await this.#route(request, url, path, body);
    if (fault?.transport) Object.assign(answer, { [TRANSPORT_FAULT]: fault.transport });
    return answer;
  }

  #faultResponse(fault: FakeFault): Response {
    const status = fault.status ?? 500;
    const faultBody = fault.body === undefined ? this.errorBody(status, `injected ${status}`) : fault.body;
    let response: Response;
    if (status === 204 || (typeof faultBody === 'string' && faultBody === ''))
      response = new Response(null, { status, headers: fault.headers });
    else if (typeof faultBody === 'string')
      response = new Response(faultBody, { status, headers: { 'content-type': 'text/html', ...fault.headers } });
    else response = json(status, faultBody, fault.headers);
    if (fault.transport) Object.assign(response, { [TRANSPORT_FAULT]: fault.transport });
    return response;
  }

  async #route(request: Request, url: URL, path: string, body: unknown): Promise<Response> {
    if (!this.authorize(request)) return this.error(401, 'Unauthorized');
    const refusedBy = this.#extraLimits.find(
      (limiter) => limiterApplies(limiter, request.method, path) && this.#spendRateLimit(limiter) === null,
    );
    if (refusedBy) return this.#tooManyRequests(refusedBy);
    const found = this.#routes.find((route) => route.method === request.method && route.pattern.test(path));
    const limiter = this.#limiterFor(`${request.method} ${found?.path ?? path}`);
    const rateHeaders = this.#spendRateLimit(limiter);
    if (rateHeaders === null) return this.#tooManyRequests(limiter!);

    if (found) {
      const match = found.pattern.exec(path)!;
      const params: Record<string, string> = {};
      found.names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1] ?? '')));
      const response = await found.handler({ request, url, params, query: url.searchParams, body });
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
      return response;
    }
    const known = this.#routes.some((route) => route.pattern.test(path));
    return known ? this.error(405, 'Method not allowed') : this.error(404, 'Not found');
  }

  #record(request: Request, path: string, url: URL, body: unknown): void {
    this.requestCount++;
    if (this.requests.length >= SEEN_LIMIT) this.requests.shift();
    this.requests.push({
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body,
    });
  }

  #takeFault(method: string, path: string): FakeFault | undefined {
    const index = this.#faults.findIndex(
      (fault) =>
        (fault.method === undefined || fault.method === method) &&
        (fault.path === undefined || (typeof fault.path === 'string' ? path.includes(fault.path) : fault.path.test(path))),
    );
    if (index < 0) return undefined;
    const fault = this.#faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  /** The window a request spends: the one limit, or its endpoint group's own copy of it. */
  #limiterFor(group: string): Limiter | undefined {
    const limit = this.#rateLimit;
    if (!limit?.perEndpoint) return limit;
    let limiter = this.#groupLimits.get(group);
    if (!limiter) this.#groupLimits.set(group, (limiter = newLimiter(limit)));
    return limiter;
  }

  /** Spends one request of the window: its headers, or null when the window is spent. */
  #spendRateLimit(limiter: Limiter | undefined): Record<string, string> | null {
    if (!limiter) return {};
    const left = spend(limiter);
    return left && this.rateLimitHeaders(left.limit, left.remaining, left.resetMs);
  }

  #tooManyRequests(limiter: Limiter): Response {
    this.rateLimitedCount++;
    return this.error(429, 'Too many requests', this.rateLimitHeaders(limiter.limit, 0, refusedFor(limiter)));
  }
}
