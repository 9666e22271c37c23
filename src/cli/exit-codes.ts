import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '../core/errors.js';

/** What the `sequence-apis` command's exit code says. */
export const EXIT = {
  ok: 0,
  /** Anything unexpected. */
  failure: 1,
  /** Wrong arguments or invalid input (nothing was sent). */
  usage: 2,
  /** The credential was refused (401 or 403). */
  auth: 3,
  /** The id was not found (404). */
  notFound: 4,
  /** Still rate limited after the retries. */
  rateLimited: 5,
  /** Any other answer outside 2xx. */
  api: 6,
  /** No answer: connection failed or timed out. */
  network: 7,
  /** The output file could not be written (no such directory, no permission, disk full). */
  output: 8,
  /** Stopped with Ctrl-C; the output holds everything pulled until then. */
  interrupted: 130,
  /** Stopped by SIGTERM, as cleanly as by Ctrl-C (128 + 15, what the shell reports). */
  terminated: 143,
} as const;

/** The exit code for an error the command ended with. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InvalidRequestError) return EXIT.usage;
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return EXIT.auth;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof RateLimitError) return EXIT.rateLimited;
  if (error instanceof ApiError) return EXIT.api;
  if (error instanceof ConnectionError) return EXIT.network;
  return EXIT.failure;
}
