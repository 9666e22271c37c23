/**
 * `sequence-apis`: the shared error classes, types and helpers. Vendor clients live in
 * `sequence-apis/close`, `sequence-apis/whippy` and `sequence-apis/clarion`.
 * @packageDocumentation
 */
export {
  SequenceSdkError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ResponseValidationError,
  InvalidRequestError,
} from './core/errors.js';
export type { Vendor, ErrorDetails, ValidationIssue, ApiErrorInit, RequestFailureInit } from './core/errors.js';
export type { RateLimit, RateLimitReader } from './core/rate-limit.js';
export { parseRateLimitHeader, readRateLimit } from './core/rate-limit.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { ValidationMode, OpenEnum } from './core/schema.js';
export { raw } from './core/raw.js';
export type { ClientOptions, RequestOptions, ListOptions } from './core/options.js';
export type { AppInfo } from './core/user-agent.js';
export type { QueryValue } from './core/request-spec.js';
export type { RawCallOptions, RawAnswer, RawListOptions, RawQuery, RawCalls } from './core/raw-calls.js';
export type { VendorClient } from './core/with-options.js';
export type { ClientHooks, RetryEvent, RetryReason, ResponseEvent, PacingEvent } from './core/hooks.js';
export type { RateLimitStore, RateLimitScope, RateBudget, AcquireRequest, AcquireResult, SettleReport } from './core/rate-limit-store.js';
export { memoryRateLimitStore } from './core/memory-store.js';
export { APIPromise } from './core/api-promise.js';
/** @internal The shared request pipeline; resources take it in their constructors. */
export type { HttpClient } from './core/http.js';
/** @internal The base of every resource class; named here so the vendor entries' types can refer to it. */
export type { APIResource } from './core/resource.js';
export type { WithResponse } from './core/api-promise.js';
export { Page, Paginated } from './core/pagination.js';
export type { PageSource, FetchedPage } from './core/pagination.js';
export { FilterBuilder } from './core/filter-builder.js';
export { BatchError } from './core/batch.js';
export type { CompletedChunk } from './core/batch.js';
export type { FilterInput, DateInput } from './core/filter-builder.js';
export { WebhookVerificationError } from './core/webhook.js';
export type { WebhookCheck, WebhookBody, WebhookHeaders, WebhookTimingOptions, WebCryptoKey } from './core/webhook.js';
