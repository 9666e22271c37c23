import type { KyInstance, Options as KyOptions } from 'ky';
import { APIPromise, type WithResponse } from './api-promise.js';
import { normalizeBaseUrl } from './base-url.js';
import { decodeBody, type DecodeContext } from './decode.js';
import { InvalidRequestError } from './errors.js';
import { loadTransport } from './load-transport.js';
import { notify } from './hooks.js';
import { createLogger, type LeveledLogger } from './logger.js';
import { checkCount, checkHeaders, checkRequestOptions, type ClientOptions, type RequestOptions } from './options.js';
import { createPacer, type Pacer } from './pacer.js';
import { lowerCaseNames, userAgentHeader } from './user-agent.js';
import { sharesPacer, type PacingIdentity } from './with-options.js';
import { sendWithRetries, type PipelineCall, type PipelineClient } from './pipeline.js';
import { readRateLimit, type RateLimit } from './rate-limit.js';
import { ALWAYS_SENSITIVE_HEADERS, redactFields, redactHeaders, scrubSecrets } from './redact.js';
import type { RequestSpec, VendorProfile } from './request-spec.js';
import type { ValidationMode } from './schema.js';
import { linkSignal } from './signal.js';

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_AFTER = 60_000;

/** Checks the options a client is built with (before anything else happens). */
function checkClientOptions(profile: VendorProfile, options: ClientOptions, authHeaders: Record<string, string>): void {
  const what = `${profile.vendor} client options`;
  checkHeaders(options.headers, what);
  checkHeaders(authHeaders, `${profile.vendor} credentials`);
  checkCount(options.timeout, 'timeout', 1, 2_147_483_647);
  checkCount(options.maxRetries, 'maxRetries', 0, 20);
  checkCount(options.maxRetryAfter, 'maxRetryAfter', 0, 2_147_483_647);
  if (options.maxRequestsPerSecond !== undefined && !(options.maxRequestsPerSecond > 0)) {
    throw new InvalidRequestError(what, [{ path: 'maxRequestsPerSecond', message: 'must be a positive number' }]);
  }
}

/**
 * The one request pipeline all vendor clients share. This class holds a client's settings and
 * turns a {@link RequestSpec} into one call; `pipeline.ts` sends it (attempts, retries, pacing),
 * `decode.ts` reads the answer, `translate-error.ts` maps failures. See ARCHITECTURE.md.
 * @internal
 */
export class HttpClient {
  #pipeline: PipelineClient | undefined;
  readonly #kyDefaults: KyOptions;
  readonly #profile: VendorProfile;
  readonly #options: ClientOptions;
  readonly #secrets: readonly string[];
  readonly #sensitive: readonly string[];
  readonly #logger: LeveledLogger;
  readonly #pacer: Pacer | undefined;
  readonly #identity: PacingIdentity;
  readonly #decode: DecodeContext;
  /** How responses are checked. */
  readonly validation: ValidationMode;
  /** The API root requests go to. */
  readonly baseUrl: string;

  /** `parent`: the client `withOptions` derives this one from; its pacer is shared if {@link sharesPacer} says so. */
  constructor(
    profile: VendorProfile,
    options: ClientOptions,
    auth: { headers: Record<string, string>; secrets: readonly string[] },
    parent?: HttpClient,
  ) {
    checkClientOptions(profile, options, auth.headers);
    this.#profile = profile;
    this.#options = { ...options };
    this.#secrets = auth.secrets.filter((secret) => secret.length > 0);
    this.#sensitive = [...ALWAYS_SENSITIVE_HEADERS, ...profile.sensitiveHeaders.map((h) => h.toLowerCase())];
    this.#logger = createLogger(options.logger ?? console, options.logLevel ?? 'warn', `[sequence-apis:${profile.vendor}]`);
    this.validation = options.validation ?? 'strict';
    const maxWait = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? profile.defaultBaseUrl, profile.vendor);
    // A client derived by withOptions on the same host and credential paces with its parent (one
    // budget), so it builds no pacer of its own.
    this.#identity = { baseUrl: this.baseUrl, auth: auth.headers, options, budgets: profile.budgets };
    this.#pacer =
      parent && sharesPacer(parent.#identity, this.#identity)
        ? parent.#pacer
        : createPacer(profile, options, {
            baseUrl: this.baseUrl,
            secrets: this.#secrets,
            maxWaitMs: maxWait,
            timeoutMs: options.timeout ?? DEFAULT_TIMEOUT,
            logger: this.#logger,
            onWait: (waitMs, reason) => this.#notifyPacing(waitMs, reason),
          });
    this.#decode = { vendor: profile.vendor, validation: this.validation, secrets: this.#secrets, logger: this.#logger };
    this.#kyDefaults = {
      prefix: this.baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      // The SDK's User-Agent, unless the caller's headers carry their own (theirs wins).
      headers: {
        accept: 'application/json',
        ...userAgentHeader(options.appInfo, `${profile.vendor} client options`),
        ...lowerCaseNames(options.headers),
        ...auth.headers,
      },
      // A redirect is never followed: a custom auth header would travel to whatever host it names.
      redirect: 'manual',
      // The pipeline owns retries (one budget for every kind of failure): ky makes one request per call.
      retry: 0,
    };
  }

  #notifyPacing(waitMs: number, reason: string): void {
    notify(this.#options.onPacing, { waitMs, reason }, this.#logger);
  }

  /** The pipeline, created on first use: ky is loaded then (see load-transport.ts). */
  async #loadPipeline(): Promise<PipelineClient> {
    const lib = await loadTransport();
    const ky: KyInstance = lib.createKy(this.#kyDefaults);
    this.#pipeline ??= {
      ky,
      pacer: this.#pacer,
      logger: this.#logger,
      // The client options carry the hooks (onRetry, onResponse).
      hooks: this.#options,
      readRateLimit: this.#profile.readRateLimit,
      maxRetryAfter: this.#options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER,
      translate: { profile: this.#profile, secrets: this.#secrets, logger: this.#logger, logBodies: this.#options.logBodies === true, lib },
    };
    return this.#pipeline;
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
    const pipeline = this.#pipeline ?? (await this.#loadPipeline());
    const link = linkSignal(options?.signal);
    const call = this.#call(spec, options, link.signal);
    this.#logRequest(spec, call.url, options?.headers);
    const started = this.#logger.enabled('info') ? performance.now() : 0;
    let answer;
    try {
      answer = await sendWithRetries(pipeline, call);
    } finally {
      link.unlink();
    }
    const { response, text } = answer;
    if (this.#logger.enabled('info'))
      this.#logger.info(`${response.status} ${spec.method} ${call.url} ${Math.round(performance.now() - started)}ms`);
    if (this.#options.logBodies === true && text !== '') this.#logger.debug(`response body ${this.#loggable(text)}`);
    const data = spec.decode
      ? decodeBody(text, spec.decode, this.#decode, { method: spec.method, url: call.url, response })
      : (undefined as Model);
    let rateLimit = answer.rateLimit;
    const reader = this.#profile.readRateLimit;
    return {
      data,
      response,
      // Already read when pacing; with pacing off, parsed on first read (most callers never look).
      get rateLimit(): RateLimit | undefined {
        if (rateLimit === null) rateLimit = readRateLimit(response.headers, reader);
        return rateLimit;
      },
    };
  }

  /** The call as every attempt sends it. */
  #call(
    spec: Omit<RequestSpec<unknown, unknown>, 'decode'>,
    options: RequestOptions | undefined,
    signal: AbortSignal | undefined,
  ): PipelineCall {
    const timeoutMs = options?.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT;
    const kyOptions: KyOptions = { method: spec.method, timeout: timeoutMs };
    if (spec.query !== undefined) kyOptions.searchParams = spec.query;
    if (spec.body !== undefined) kyOptions.json = spec.body;
    if (options?.headers !== undefined && Object.keys(options.headers).length > 0) kyOptions.headers = lowerCaseNames(options.headers);
    if (signal !== undefined) kyOptions.signal = signal;
    return {
      method: spec.method,
      path: spec.path,
      group: this.#profile.rateLimitGroup?.(spec.method, spec.template ?? spec.path),
      url: `${this.baseUrl}/${spec.path}`,
      kyOptions,
      // Only what the vendors document: a POST is not resent after an ambiguous failure.
      idempotent: spec.idempotent ?? spec.method !== 'POST',
      maxRetries: options?.maxRetries ?? this.#options.maxRetries ?? DEFAULT_MAX_RETRIES,
      timeoutMs,
      signal: options?.signal,
    };
  }

  #logRequest(spec: { method: string; body?: unknown }, url: string, headers: Record<string, string> | undefined): void {
    if (!this.#logger.enabled('debug')) return;
    // The headers the request carries: the client's (auth included, redacted below), then the call's.
    const sent = { ...(this.#kyDefaults.headers as Record<string, string>), ...headers };
    this.#logger.debug(`${spec.method} ${url}`, { headers: redactHeaders(sent, this.#sensitive) });
    if (this.#options.logBodies === true && spec.body !== undefined) {
      this.#logger.debug(`request body ${this.#loggable(JSON.stringify(spec.body))}`);
    }
  }

  /** A body as it may be logged: the client's credentials and the vendor's secret fields redacted. */
  #loggable(json: string): string {
    return redactFields(scrubSecrets(json, this.#secrets), this.#profile.sensitiveFields);
  }
}
