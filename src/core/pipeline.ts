import type { KyInstance, Options as KyOptions } from 'ky';
import { notify, type ClientHooks, type RetryReason } from './hooks.js';
import type { Transport } from './load-transport.js';
import type { LeveledLogger } from './logger.js';
import type { Pacer, PacerTicket } from './pacer.js';
import { readRateLimit, type RateLimit, type RateLimitReader } from './rate-limit.js';
import { decideRetry, describeOutcome, type AttemptOutcome, type RetryDecision } from './retry-decision.js';
import { sleep } from './sleep.js';
import { abortError, isConnectionRefused, isFetchFailure, translateError, type TranslateClient } from './translate-error.js';

/** The parts of a client one call goes through; fixed for the client's life. */
export interface PipelineClient {
  ky: KyInstance;
  pacer: Pacer | undefined;
  logger: LeveledLogger;
  hooks: ClientHooks;
  readRateLimit: RateLimitReader | undefined;
  maxRetryAfter: number;
  /** For error translation. */
  translate: TranslateClient;
}

/** One call, fixed before its first attempt: every attempt sends exactly this. */
export interface PipelineCall {
  method: string;
  /** Path below the API root (ky's `prefix` adds the root). */
  path: string;
  /** The full URL, for logs and errors. */
  url: string;
  /** The vendor's rate-limit group of this request (see `VendorProfile.rateLimitGroup`); undefined: the credential's. */
  group?: string | undefined;
  kyOptions: KyOptions;
  idempotent: boolean;
  maxRetries: number;
  timeoutMs: number;
  /** The caller's signal: ends the call, and any wait, at once. */
  signal: AbortSignal | undefined;
}

/** A successful answer, its body read. */
export interface Answer {
  response: Response;
  text: string;
  /** Read when pacing or a hook needed it; `null` when not read yet. */
  rateLimit: RateLimit | undefined | null;
}

type Attempt = { ok: true; response: Response; text: string } | { ok: false; error: unknown; afterHeaders: boolean };

/** One request through ky (which never retries: `retry: 0`), its headers then its body. */
async function attemptOnce(ky: KyInstance, call: PipelineCall): Promise<Attempt> {
  let response: Response | undefined;
  try {
    const pending = ky(call.path, call.kyOptions);
    response = await pending;
    return { ok: true, response, text: await pending.text() };
  } catch (error) {
    return { ok: false, error, afterHeaders: response !== undefined };
  }
}

/** What kind of failure an attempt met, for the retry decision; undefined for anything not worth a retry. */
function classify(
  failure: { error: unknown; afterHeaders: boolean },
  lib: Transport,
  rateLimit: RateLimit | undefined,
): AttemptOutcome | undefined {
  const { error } = failure;
  if (lib.isHTTPError(error)) return { kind: 'status', status: error.response.status, rateLimit };
  if (lib.isTimeoutError(error)) return { kind: 'timeout' };
  if (failure.afterHeaders && isFetchFailure(error)) return { kind: 'body' };
  if (lib.isNetworkError(error)) return { kind: 'connection', refused: isConnectionRefused(error) };
  return undefined;
}

/** Waits for the pacer or a retry delay; an abort rejects at once with AbortError. */
async function wait<T>(pending: Promise<T> | T, call: PipelineCall): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    throw call.signal?.aborted ? abortError(call.method, call.url) : error;
  }
}

function reportRetry(client: PipelineClient, call: PipelineCall, retry: number, outcome: AttemptOutcome, waitMs: number): void {
  client.logger.info(`retrying ${call.method} ${call.url} after ${describeOutcome(outcome)} in ${Math.round(waitMs)}ms (retry ${retry})`);
  const { kind, status, rateLimit } = outcome as { kind: RetryReason; status?: number; rateLimit?: RateLimit };
  notify(client.hooks.onRetry, { method: call.method, url: call.url, retry, reason: kind, waitMs, status, rateLimit }, client.logger);
}

function reportResponse(
  client: PipelineClient,
  call: PipelineCall,
  response: Response,
  attempt: number,
  started: number,
  rateLimit: RateLimit | undefined,
): void {
  if (client.hooks.onResponse === undefined) return;
  const event = {
    method: call.method,
    url: call.url,
    status: response.status,
    attempt,
    durationMs: performance.now() - started,
    rateLimit,
  };
  notify(client.hooks.onResponse, event, client.logger);
}

/**
 * The rate limit an answer announced. A failure's is always read (errors and retries use it); a
 * success's only when pacing or a hook needs it now, else `null`: read lazily, most callers never look.
 */
function rateLimitOf(client: PipelineClient, response: Response | undefined, ok: boolean): RateLimit | undefined | null {
  if (response === undefined) return undefined;
  const needed = !ok || client.pacer !== undefined || client.hooks.onResponse !== undefined;
  return needed ? readRateLimit(response.headers, client.readRateLimit) : null;
}

/** After a failed attempt: what the decision says, never retrying once the caller has aborted. */
function decide(client: PipelineClient, call: PipelineCall, attempt: number, outcome: AttemptOutcome | undefined): RetryDecision {
  if (outcome === undefined || call.signal?.aborted) return { retry: false };
  return decideRetry({ attempt, maxRetries: call.maxRetries, idempotent: call.idempotent, outcome, maxRetryAfter: client.maxRetryAfter });
}

/**
 * Sends one call: at most `maxRetries + 1` attempts, whatever failed. Each attempt takes a pacer
 * ticket, makes one request, and settles its ticket with what the answer said; a failure goes to
 * the retry decision, which either names a wait or gives up (then the failure is translated).
 */
export async function sendWithRetries(client: PipelineClient, call: PipelineCall): Promise<Answer> {
  const { lib } = client.translate;
  for (let attempt = 1; ; attempt++) {
    const ticket: PacerTicket | undefined =
      client.pacer &&
      (await wait(
        client.pacer.acquire({ method: call.method, path: call.path, group: call.group, timeout: call.timeoutMs }, call.signal),
        call,
      ));
    const started = performance.now();
    const result = await attemptOnce(client.ky, call);
    const response = result.ok ? result.response : lib.isHTTPError(result.error) ? result.error.response : undefined;
    const rateLimit = rateLimitOf(client, response, result.ok);
    if (ticket !== undefined) client.pacer?.settle(ticket, rateLimit ?? undefined, response?.status);
    if (response) reportResponse(client, call, response, attempt, started, rateLimit ?? undefined);
    if (result.ok) return { ...result, rateLimit };
    const outcome = classify(result, lib, rateLimit ?? undefined);
    const decision = decide(client, call, attempt, outcome);
    if (!decision.retry || outcome === undefined) throw translateError(result.error, rateLimit ?? undefined, client.translate, call);
    reportRetry(client, call, attempt, outcome, decision.waitMs);
    await wait(sleep(decision.waitMs, call.signal), call);
  }
}
