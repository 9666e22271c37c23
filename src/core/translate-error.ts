import type { HTTPError } from 'ky';
import { AbortError, ApiError, ConnectionError, SequenceSdkError, TimeoutError, type Vendor } from './errors.js';
import type { LeveledLogger } from './logger.js';
import type { Transport } from './load-transport.js';
import type { RateLimit } from './rate-limit.js';
import { responseHeaders, scrubValue } from './redact.js';
import type { VendorProfile } from './request-spec.js';

/** What error translation needs to know about the client. */
export interface TranslateClient {
  profile: VendorProfile;
  secrets: readonly string[];
  logger: LeveledLogger;
  logBodies: boolean;
  lib: Transport;
}

/** What error translation needs to know about the call. */
export interface TranslateCall {
  method: string;
  url: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** Errors fetch raises for a failed connection or a body cut off mid-stream (not programming errors). */
export function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return error.message === 'terminated' || error.message === 'fetch failed' || typeof cause?.code === 'string';
}

/** Whether the connection was refused: the request never reached a server. */
export function isConnectionRefused(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if ((cause as { code?: unknown }).code === 'ECONNREFUSED') return true;
    cause = cause.cause;
  }
  return false;
}

/** An HTTP answer that is not 2xx, as a typed error keeping its (scrubbed) body. */
function translateHttpError(error: HTTPError, rateLimit: RateLimit | undefined, context: TranslateClient, method: string): ApiError {
  const { response } = error;
  const { profile, logger } = context;
  const body = scrubValue(error.data, context.secrets);
  const requestId = profile.requestIdHeaders?.map((name) => response.headers.get(name)).find((id) => id) ?? undefined;
  const failure = ApiError.fromResponse({
    vendor: profile.vendor,
    status: response.status,
    headers: responseHeaders(response.headers, context.secrets),
    body,
    method,
    url: error.request.url,
    requestId,
    rateLimit,
    details: profile.describeError(body),
  });
  // Bodies only when asked for (logBodies), already scrubbed of credentials.
  if (context.logBodies && body !== undefined) logger.debug(`response body ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  // Only what the client knows, never body text (a vendor's message may quote patient data); at
  // info, like every response line: the caller gets the error itself, so it is not an error to log.
  logger.info(`${response.status} ${method} ${error.request.url} (${failure.name})`);
  return failure;
}

/** The error of a call that was aborted. */
export function abortError(method: string, url: string): AbortError {
  return new AbortError(`${method} ${new URL(url).pathname} was aborted`);
}

/**
 * Turns whatever a failed call threw into the SDK's typed errors. `rateLimit` is the one the
 * failed answer announced (read once, by the pipeline).
 */
export function translateError(error: unknown, rateLimit: RateLimit | undefined, client: TranslateClient, call: TranslateCall): Error {
  const { lib } = client;
  const { method, url } = call;
  const vendor: Vendor = client.profile.vendor;
  if (error instanceof SequenceSdkError) return error;
  if (call.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return abortError(method, url);
  if (lib.isHTTPError(error)) return translateHttpError(error, rateLimit, client, method);
  if (lib.isTimeoutError(error)) return new TimeoutError({ vendor, method, url, timeoutMs: call.timeoutMs });
  if (lib.isNetworkError(error)) return new ConnectionError({ vendor, method, url, cause: error.cause });
  // A body cut off mid-stream surfaces as a TypeError from fetch; any other TypeError is a bug to surface as is.
  if (isFetchFailure(error)) return new ConnectionError({ vendor, method, url, cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
