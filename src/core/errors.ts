import type { RateLimit } from './rate-limit.js';

/** The vendors this SDK talks to. */
export type Vendor = 'close' | 'whippy' | 'clarion';

/** Base class of every error the SDK throws. */
export class SequenceSdkError extends Error {
  override name = 'SequenceSdkError';
}

/** What a vendor's error body says, in a vendor-neutral shape. */
export interface ErrorDetails {
  /** One readable sentence, or undefined when the body says nothing useful. */
  message?: string;
  /** Every error message the body lists (Close `errors`, Whippy `errors[].description`, Clarion `error`). */
  errors: string[];
  /** Messages by field name (Close `field-errors`). */
  fieldErrors: Record<string, string>;
}

/** Everything an {@link ApiError} is built from. */
export interface ApiErrorInit {
  vendor: Vendor;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  method: string;
  url: string;
  requestId?: string | undefined;
  rateLimit?: RateLimit | undefined;
  details: ErrorDetails;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function describeFailure(init: ApiErrorInit): string {
  const { details } = init;
  const fieldPart = Object.entries(details.fieldErrors).map(([field, text]) => `${field}: ${text}`);
  const parts = [details.message, ...details.errors, ...fieldPart].filter(
    (part, index, all): part is string => typeof part === 'string' && part !== '' && all.indexOf(part) === index,
  );
  const statusText = STATUS_TEXT[init.status] ?? (init.status >= 300 && init.status < 400 ? 'Redirect not followed' : '');
  const path = safePath(init.url);
  const head = `${init.vendor} API ${init.status}${statusText ? ` ${statusText}` : ''} on ${init.method} ${path}`;
  return parts.length > 0 ? `${head}: ${parts.join('; ')}` : head;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** What {@link ApiError.toJSON} shows (after `name`), in order; all but `message` are copied from the init. */
const API_ERROR_FIELDS = ['message', 'vendor', 'status', 'method', 'url', 'requestId', 'rateLimit', 'errors', 'fieldErrors', 'body'];

/** The vendor answered with a status outside 2xx. Subclasses narrow it by status. */
export class ApiError extends SequenceSdkError {
  override name = 'ApiError';
  /** Which vendor answered. */
  declare readonly vendor: Vendor;
  /** HTTP status code. */
  declare readonly status: number;
  /** Response headers (lower-case names; cookies dropped). */
  declare readonly headers: Record<string, string>;
  /** The response body: parsed JSON when it was JSON, else the text (undefined when empty). */
  declare readonly body: unknown;
  /** The vendor's request id header, when it sent one. */
  declare readonly requestId: string | undefined;
  /** The rate limit the response announced, when it did. */
  declare readonly rateLimit: RateLimit | undefined;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request (never carries credentials). */
  declare readonly url: string;
  /** Every error message the body lists. */
  declare readonly errors: string[];
  /** Messages by field name, e.g. Close's `field-errors`. */
  declare readonly fieldErrors: Record<string, string>;

  constructor(init: ApiErrorInit) {
    super(describeFailure(init));
    // Every field set (undefined included), in the order toJSON lists them.
    const fields: Record<string, unknown> = { ...init, ...init.details };
    for (const key of API_ERROR_FIELDS) if (key !== 'message') (this as Record<string, unknown>)[key] = fields[key];
    this.headers = init.headers;
  }

  /** Builds the subclass that matches the status. */
  static fromResponse(init: ApiErrorInit): ApiError {
    const ErrorClass = errorClassForStatus(init.status);
    return new ErrorClass(init);
  }

  /** A plain, credential-free view for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(['name', ...API_ERROR_FIELDS].map((key) => [key, (this as Record<string, unknown>)[key]]));
  }
}

/** HTTP 400. */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
/** HTTP 401: the credential is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
/** HTTP 403. */
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
/** HTTP 404. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/** HTTP 409. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
/** HTTP 422. */
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
/** HTTP 429, after the retries the client was allowed. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
/** HTTP 5xx, after the retries the client was allowed. */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

function errorClassForStatus(status: number): typeof ApiError {
  const byStatus: Record<number, typeof ApiError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
  };
  return byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** Where a request failed without an HTTP answer. */
export interface RequestFailureInit {
  vendor: Vendor;
  method: string;
  url: string;
  cause?: unknown;
}

/** The connection failed (refused, reset, DNS) and no HTTP answer came. */
export class ConnectionError extends SequenceSdkError {
  override name = 'ConnectionError';
  /** Which vendor the request was for. */
  declare readonly vendor: Vendor;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request. */
  declare readonly url: string;
  constructor(init: RequestFailureInit, message = `Could not reach the ${init.vendor} API (${init.method} ${safePath(init.url)})`) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.vendor = init.vendor;
    this.method = init.method;
    this.url = init.url;
  }
}

/** No answer came within the configured timeout. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  constructor(init: RequestFailureInit & { timeoutMs?: number | undefined }) {
    const after = init.timeoutMs === undefined ? '' : ` after ${init.timeoutMs} ms`;
    super(init, `The ${init.vendor} API did not answer ${init.method} ${safePath(init.url)}${after}`);
  }
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortError extends SequenceSdkError {
  override name = 'AbortError';
}

/** One problem found by a schema check. */
export interface ValidationIssue {
  /** Dotted path of the offending field, or '' for the value itself. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** The response did not match the model (validation `'strict'`). Keeps the raw body. */
export class ResponseValidationError extends SequenceSdkError {
  override name = 'ResponseValidationError';
  /** Which vendor answered. */
  declare readonly vendor: Vendor;
  /** What did not match. */
  declare readonly issues: ValidationIssue[];
  /** The body as received (parsed JSON, or text when it was not JSON). */
  declare readonly body: unknown;
  /** HTTP method of the request. */
  declare readonly method: string;
  /** URL of the request. */
  declare readonly url: string;
  constructor(init: { vendor: Vendor; issues: ValidationIssue[]; body: unknown; method: string; url: string; reason?: string }) {
    const summary = init.issues
      .slice(0, 5)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    super(
      `${init.vendor} API response to ${init.method} ${safePath(init.url)} ${init.reason ?? 'did not match the model'}${summary ? `: ${summary}` : ''}`,
    );
    this.vendor = init.vendor;
    this.issues = init.issues;
    this.body = init.body;
    this.method = init.method;
    this.url = init.url;
  }
}

/** The caller's input is invalid; thrown before any request is sent. */
export class InvalidRequestError extends SequenceSdkError {
  override name = 'InvalidRequestError';
  /** Every problem found in the input. */
  declare readonly issues: ValidationIssue[];
  /** The first offending field (dotted path), for quick checks. */
  declare readonly field: string | undefined;
  constructor(what: string, issues: ValidationIssue[]) {
    // The field is named once: `Invalid id: must be …`, not `Invalid id: id: must be …`.
    const summary = issues
      .map((issue) => (issue.path && issue.path !== what ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    super(`Invalid ${what}: ${summary}`);
    this.issues = issues;
    this.field = issues[0]?.path || undefined;
  }
}
