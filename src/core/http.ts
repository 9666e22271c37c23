import type { HTTPError, KyInstance, Options as KyOptions, RetryOptions } from 'ky';
import type * as TransportModule from './transport.js';
import type * as z from 'zod/mini';
import { APIPromise, type WithResponse } from './api-promise.js';
import {
  AbortError,
  ApiError,
  ConnectionError,
  InvalidRequestError,
  ResponseValidationError,
  SequenceSdkError,
  TimeoutError,
  type ErrorDetails,
  type Vendor,
} from './errors.js';
import { createLogger, type LeveledLogger } from './logger.js';
import { createPacer, type Pacer, type PacedRequest, type PacerTicket, type VendorBudget } from './pacer.js';
import { linkSignal } from './signal.js';
import { checkCount, checkHeaders, checkRequestOptions, type ClientOptions, type RequestOptions } from './options.js';
import { readRateLimit, serverRetryDelay, type RateLimit, type RateLimitReader } from './rate-limit.js';
import { ALWAYS_SENSITIVE_HEADERS, redactHeaders, responseHeaders, scrubSecrets, scrubValue } from './redact.js';
import { toValidationIssues, type ValidationMode } from './schema.js';

/** HTTP methods the vendors use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A query-string value; undefined values are left out. */
export type QueryValue = string | number | boolean | undefined;

/** What a vendor client tells the shared pipeline about its API. */
export interface VendorProfile {
  /** Which vendor, for errors and logs. */
  vendor: Vendor;
  /** The default API root. */
  defaultBaseUrl: string;
  /** Header names that carry this vendor's credential (redacted everywhere). */
  sensitiveHeaders: readonly string[];
  /** Turns the vendor's error body into readable messages. */
  describeError(body: unknown): ErrorDetails;
  /** Reads the vendor's own rate-limit headers, on top of the standard ones. */
  readRateLimit?: RateLimitReader;
  /** Header names that carry the vendor's request id. */
  requestIdHeaders?: readonly string[];
  /** The vendor's documented request rate, paced client-side when it sends no rate headers on success. */
  requestsPerSecond?: number;
  /** Further documented budgets, for some requests only (Whippy: 10 writes a minute on sequences). */
  budgets?: readonly VendorBudget[];
}

/** How one response is checked and turned into the model. */
export interface Decoder<Wire, Model> {
  /** Runs before the check, in every mode (e.g. accept a body with or without a `{data}` wrapper). */
  prepare?: (body: unknown) => unknown;
  /** The wire shape (envelope included), checked per the validation mode. */
  schema: z.ZodMiniType<Wire>;
  /** Takes the model out of its envelope. */
  unwrap?: (wire: Wire) => Model;
}

/** One request, as a resource method describes it. */
export interface RequestSpec<Wire, Model> {
  method: HttpMethod;
  /** Path below the API root, its ids already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** How to read the response; omitted when the body is ignored. */
  decode?: Decoder<Wire, Model>;
  /**
   * Whether resending after an ambiguous failure is safe. Defaults to true for GET, PUT and
   * DELETE; a vendor sets false for a DELETE with side effects. An idempotency key makes any call safe.
   */
  idempotent?: boolean;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_AFTER = 60_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;

/** The client's own wait before retry `attempt` (1-based): 0.5 s, 1 s, 2 s … capped at 8 s. */
function backoff(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS);
}

/** Jitter for the client's own backoff (75-100% of it), so many clients do not retry in step. */
function jittered(ms: number): number {
  return ms * (0.75 + Math.random() * 0.25);
}

type Transport = typeof TransportModule;
let transportModule: Promise<Transport> | undefined;

/**
 * ky is loaded on the first request, not at import: its import-time feature checks start Node's
 * fetch machinery (about 30 ms), which merely importing or constructing a client should not pay.
 */
function loadTransport(): Promise<Transport> {
  transportModule ??= import('./transport.js');
  return transportModule;
}

/** Errors fetch raises for a failed connection or a body cut off mid-stream (not programming errors). */
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return error.message === 'terminated' || error.message === 'fetch failed' || typeof cause?.code === 'string';
}

/** Per-request retry state shared by the retry callbacks of one call. */
interface RetryState {
  serverDelay: number | undefined;
  lastDelay: number;
  reason: string;
  /** The pacer ticket of the attempt in flight, until it is settled. */
  ticket: PacerTicket | undefined;
  /** What the pacer needs to know of the request. */
  paced: PacedRequest;
  signal: AbortSignal | undefined;
}

function isConnectionRefused(error: unknown): boolean {
  // The request never reached a server, so even a POST without idempotency key is safe to resend.
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if ((cause as { code?: unknown }).code === 'ECONNREFUSED') return true;
    cause = cause.cause;
  }
  return false;
}

function normalizeBaseUrl(value: string, vendor: Vendor): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidRequestError(`${vendor} client options`, [{ path: 'baseUrl', message: 'must be an absolute http(s) URL' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidRequestError(`${vendor} client options`, [{ path: 'baseUrl', message: 'must be an absolute http(s) URL' }]);
  }
  if (url.username || url.password) {
    throw new InvalidRequestError(`${vendor} client options`, [
      { path: 'baseUrl', message: 'must not carry credentials; use the client options' },
    ]);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The one request pipeline all vendor clients share: ky for transport, timeouts and retries;
 * this class for auth, retry policy, rate-limit reading, error mapping, validation and logging.
 * @internal
 */
export class HttpClient {
  #ky: KyInstance | undefined;
  #lib: Transport | undefined;
  readonly #kyDefaults: KyOptions;
  readonly #profile: VendorProfile;
  readonly #secrets: readonly string[];
  readonly #sensitive: readonly string[];
  readonly #logger: LeveledLogger;
  readonly #logBodies: boolean;
  readonly #timeout: number;
  readonly #maxRetries: number;
  readonly #maxRetryAfter: number;
  readonly #pacer: Pacer | undefined;
  /** How responses are checked. */
  readonly validation: ValidationMode;
  /** The API root requests go to. */
  readonly baseUrl: string;

  constructor(profile: VendorProfile, options: ClientOptions, auth: { headers: Record<string, string>; secrets: readonly string[] }) {
    const what = `${profile.vendor} client options`;
    checkHeaders(options.headers, what);
    checkHeaders(auth.headers, `${profile.vendor} credentials`);
    checkCount(options.timeout, 'timeout', 1, 2_147_483_647);
    checkCount(options.maxRetries, 'maxRetries', 0, 20);
    checkCount(options.maxRetryAfter, 'maxRetryAfter', 0, 2_147_483_647);
    this.#profile = profile;
    this.#secrets = auth.secrets.filter((secret) => secret.length > 0);
    this.#sensitive = [...ALWAYS_SENSITIVE_HEADERS, ...profile.sensitiveHeaders.map((h) => h.toLowerCase())];
    this.#logger = createLogger(options.logger ?? console, options.logLevel ?? 'warn', `[sequence-apis:${profile.vendor}]`);
    this.#logBodies = options.logBodies === true;
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
    this.validation = options.validation ?? 'strict';
    if (options.maxRequestsPerSecond !== undefined && !(options.maxRequestsPerSecond > 0)) {
      throw new InvalidRequestError(what, [{ path: 'maxRequestsPerSecond', message: 'must be a positive number' }]);
    }
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? profile.defaultBaseUrl, profile.vendor);
    this.#pacer = createPacer(profile, options, {
      baseUrl: this.baseUrl,
      secrets: this.#secrets,
      maxWaitMs: this.#maxRetryAfter,
      timeoutMs: this.#timeout,
      logger: this.#logger,
    });
    this.#kyDefaults = {
      prefix: this.baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { accept: 'application/json', ...options.headers, ...auth.headers },
      // A redirect is never followed: a custom auth header would travel to whatever host it names.
      redirect: 'manual',
      hooks: { beforeRetry: [({ request, retryCount, options: kyOptions }) => this.#beforeRetry(request, retryCount, kyOptions)] },
    };
  }

  /** The ky instance, created on first use (see {@link loadTransport}). */
  async #transport(): Promise<KyInstance> {
    if (this.#ky) return this.#ky;
    this.#lib = await loadTransport();
    this.#ky = this.#lib.createKy(this.#kyDefaults);
    return this.#ky;
  }

  /**
   * Sends one request and returns the model; see {@link APIPromise}. If `build` (which checks the
   * caller's input) throws, the promise rejects with that error and nothing is sent.
   */
  request<Wire, Model = Wire>(build: () => RequestSpec<Wire, Model>, options?: RequestOptions): APIPromise<Model> {
    let spec: RequestSpec<Wire, Model>;
    try {
      spec = build();
    } catch (error) {
      return new APIPromise(Promise.reject(error));
    }
    return new APIPromise(this.execute(spec, options));
  }

  /** Sends one request and resolves with the model, the raw response and its rate limit. */
  async execute<Wire, Model = Wire>(spec: RequestSpec<Wire, Model>, options?: RequestOptions): Promise<WithResponse<Model>> {
    checkRequestOptions(options);
    const url = `${this.baseUrl}/${spec.path}`;
    const idempotent = options?.idempotencyKey !== undefined || (spec.idempotent ?? spec.method !== 'POST');
    const timeout = options?.timeout ?? this.#timeout;
    const paced = { method: spec.method, path: spec.path, timeout };
    const state: RetryState = { serverDelay: undefined, lastDelay: 0, reason: '', ticket: undefined, paced, signal: options?.signal };
    const headers: Record<string, string> = { ...options?.headers };
    if (options?.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const kyOptions: KyOptions = {
      method: spec.method,
      timeout,
      retry: this.#retryPolicy(idempotent, options?.maxRetries ?? this.#maxRetries, state),
      context: { state },
    };
    if (spec.query !== undefined) kyOptions.searchParams = spec.query;
    if (spec.body !== undefined) kyOptions.json = spec.body;
    if (Object.keys(headers).length > 0) kyOptions.headers = headers;
    this.#logRequest(spec, url, headers);

    const transport = this.#ky ?? (await this.#transport());
    const started = this.#logger.enabled('info') ? performance.now() : 0;
    const link = linkSignal(options?.signal);
    if (link.signal !== undefined) kyOptions.signal = link.signal;
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await this.#send(transport, spec, kyOptions, state, url, idempotent, options));
    } finally {
      link.unlink();
    }
    if (this.#logger.enabled('info')) {
      this.#logger.info(`${response.status} ${spec.method} ${url} ${Math.round(performance.now() - started)}ms`);
    }
    if (this.#logBodies && text !== '') this.#logger.debug(`response body ${scrubSecrets(text, this.#secrets)}`);
    const reader = this.#profile.readRateLimit;
    let rateLimit: RateLimit | undefined | null = null;
    // Settled before decoding: a body that fails validation still ends its ticket.
    if (this.#pacer) {
      rateLimit = readRateLimit(response.headers, reader);
      this.#settle(state, rateLimit, response.status);
    }
    const data = this.#decode(spec, text, response, url);
    return {
      data,
      response,
      // Already read when pacing; with pacing off, parsed on first read (most callers never look).
      get rateLimit() {
        if (rateLimit === null) rateLimit = readRateLimit(response.headers, reader);
        return rateLimit;
      },
    };
  }

  /**
   * One call through ky: its headers (ky retries until they arrive), then its body. A body cut off
   * or stalled after the headers fails outside ky's retries; resending is safe only for an
   * idempotent call, within the same retry budget.
   */
  async #send(
    transport: KyInstance,
    spec: { method: HttpMethod; path: string },
    kyOptions: KyOptions,
    state: RetryState,
    url: string,
    idempotent: boolean,
    options: RequestOptions | undefined,
  ): Promise<{ response: Response; text: string }> {
    const maxRetries = options?.maxRetries ?? this.#maxRetries;
    for (let bodyRetries = 0; ; bodyRetries++) {
      let response: Response | undefined;
      try {
        if (this.#pacer) {
          const ticket = this.#pacer.acquire(state.paced, options?.signal);
          state.ticket = ticket instanceof Promise ? await ticket : ticket;
        }
        const pending = transport(spec.path, kyOptions);
        response = await pending;
        return { response, text: await pending.text() };
      } catch (error) {
        const bodyFailed = response !== undefined && (isFetchFailure(error) || this.#lib?.isTimeoutError(error) === true);
        if (bodyFailed && idempotent && bodyRetries < maxRetries && !options?.signal?.aborted) {
          this.#settle(state);
          const wait = jittered(backoff(bodyRetries + 1));
          this.#logger.info(`retrying ${spec.method} ${url} after its body failed in ${Math.round(wait)}ms (retry ${bodyRetries + 1})`);
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        throw this.#translateError(error, spec.method, url, Number(kyOptions.timeout), state);
      }
    }
  }

  #decode<Wire, Model>(spec: RequestSpec<Wire, Model>, text: string, response: Response, url: string): Model {
    const decoder = spec.decode;
    if (decoder === undefined) return undefined as Model;
    let wire: unknown;
    try {
      wire = text === '' ? undefined : JSON.parse(text);
      if (decoder.prepare) wire = decoder.prepare(wire);
    } catch {
      throw new ResponseValidationError({
        vendor: this.#profile.vendor,
        issues: [{ path: '', message: `expected JSON, received ${response.headers.get('content-type') ?? 'no content type'}` }],
        body: scrubSecrets(text, this.#secrets),
        method: spec.method,
        url,
        reason: 'was not valid JSON',
      });
    }
    if (this.validation !== 'off') {
      const result = decoder.schema.safeParse(wire, { reportInput: true });
      if (result.success) {
        wire = result.data;
      } else {
        const issues = toValidationIssues(result.error.issues);
        if (this.validation === 'strict') {
          throw new ResponseValidationError({
            vendor: this.#profile.vendor,
            issues,
            body: scrubValue(wire, this.#secrets),
            method: spec.method,
            url,
          });
        }
        this.#logger.warn(`response to ${spec.method} ${url} did not match the model; returned as received`, issues);
      }
    }
    return decoder.unwrap ? decoder.unwrap(wire as Wire) : (wire as Model);
  }

  /** Settles the attempt's pacer ticket once, with what its answer said about the rate limit. */
  #settle(state: RetryState, rateLimit?: RateLimit, status?: number): void {
    if (state.ticket === undefined) return;
    this.#pacer?.settle(state.ticket, rateLimit, status);
    state.ticket = undefined;
  }

  #retryPolicy(idempotent: boolean, limit: number, state: RetryState): RetryOptions {
    const maxRetryAfter = this.#maxRetryAfter;
    const reader = this.#profile.readRateLimit;
    return {
      limit,
      // POST is listed so that `shouldRetry` decides for it: only 429, refused connections, or with an idempotency key.
      methods: ['get', 'put', 'delete', 'post'],
      statusCodes: [...RETRY_STATUSES],
      afterStatusCodes: [],
      backoffLimit: Number.POSITIVE_INFINITY,
      shouldRetry: ({ error }) => {
        state.serverDelay = undefined;
        const { isHTTPError, isNetworkError, isTimeoutError } = this.#lib!;
        if (isHTTPError(error)) {
          const status = error.response.status;
          // 429 means the server refused the request unprocessed: safe to resend for any method.
          if (!RETRY_STATUSES.has(status) || (!idempotent && status !== 429)) return false;
          const rateLimit = readRateLimit(error.response.headers, reader);
          // A 429 spends the window for every request of this client, not just this one.
          if (status === 429) this.#settle(state, rateLimit, status);
          const delay = serverRetryDelay(status, rateLimit);
          if (delay !== undefined) state.serverDelay = Math.min(delay, maxRetryAfter);
          state.reason = String(status);
          return true;
        }
        if (isTimeoutError(error)) {
          state.reason = 'timeout';
          return idempotent;
        }
        if (isNetworkError(error)) {
          state.reason = 'connection error';
          return idempotent || isConnectionRefused(error);
        }
        return false;
      },
      delay: (attempt) => state.serverDelay ?? backoff(attempt),
      // Jitter only the client's own backoff; a server's timing is honoured as given.
      jitter: (delay) => (state.lastDelay = state.serverDelay === undefined ? jittered(delay) : delay),
    };
  }

  async #beforeRetry(request: Request, retryCount: number, kyOptions: { context: Record<string, unknown> }): Promise<void> {
    const state = kyOptions.context.state as RetryState | undefined;
    if (this.#pacer && state) {
      this.#settle(state);
      state.ticket = await this.#pacer.acquire(state.paced, state.signal);
    }
    this.#logger.info(
      `retrying ${request.method} ${request.url} after ${state?.reason ?? 'failure'} in ${Math.round(state?.lastDelay ?? 0)}ms (retry ${retryCount})`,
    );
  }

  #logRequest(spec: { method: HttpMethod; body?: unknown }, url: string, headers: Record<string, string>): void {
    if (!this.#logger.enabled('debug')) return;
    this.#logger.debug(`${spec.method} ${url}`, { headers: redactHeaders(headers, this.#sensitive) });
    if (this.#logBodies && spec.body !== undefined) {
      this.#logger.debug(`request body ${scrubSecrets(JSON.stringify(spec.body), this.#secrets)}`);
    }
  }

  #translateError(error: unknown, method: string, url: string, timeoutMs: number, state: RetryState): Error {
    const vendor = this.#profile.vendor;
    const lib = this.#lib;
    const isHTTPError = (e: unknown): e is HTTPError => lib?.isHTTPError(e) === true;
    // (lib is always loaded here: errors are only translated for requests that went through ky.)
    if (!isHTTPError(error)) this.#settle(state);
    if (error instanceof SequenceSdkError) return error;
    if (state.signal?.aborted) return new AbortError(`${method} ${new URL(url).pathname} was aborted by the caller`);
    if (isHTTPError(error)) {
      const { response } = error;
      const body = scrubValue(error.data, this.#secrets);
      const rateLimit = readRateLimit(response.headers, this.#profile.readRateLimit);
      this.#settle(state, rateLimit, response.status);
      const requestId = this.#profile.requestIdHeaders?.map((name) => response.headers.get(name)).find((id) => id) ?? undefined;
      const failure = ApiError.fromResponse({
        vendor,
        status: response.status,
        headers: responseHeaders(response.headers, this.#secrets),
        body,
        method,
        url: error.request.url,
        requestId,
        rateLimit,
        details: this.#profile.describeError(body),
      });
      // Bodies only when asked for (logBodies), already scrubbed of credentials.
      if (this.#logBodies && body !== undefined)
        this.#logger.debug(`response body ${typeof body === 'string' ? body : JSON.stringify(body)}`);
      // Only what the client knows, never body text (a vendor's message may quote patient data); at
      // info, like every response line: the caller gets the error itself, so it is not an error to log.
      this.#logger.info(`${response.status} ${method} ${error.request.url} (${failure.name})`);
      return failure;
    }
    if (lib?.isTimeoutError(error)) return new TimeoutError({ vendor, method, url, timeoutMs });
    if (lib?.isNetworkError(error)) return new ConnectionError({ vendor, method, url, cause: error.cause });
    if (error instanceof Error && error.name === 'AbortError') return new AbortError(`${method} ${new URL(url).pathname} was aborted`);
    // A body cut off mid-stream surfaces as a TypeError from fetch; any other TypeError is a bug to surface as is.
    if (isFetchFailure(error)) return new ConnectionError({ vendor, method, url, cause: error });
    return error instanceof Error ? error : new Error(String(error));
  }
}
