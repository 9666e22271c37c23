/** The receiver's answer to one delivery, before it becomes a `Response` or a node:http reply. */
export interface Answer {
  status: number;
  /** A short JSON body: `{ status, key }` on success, `{ error }` otherwise. Never a secret. */
  body: Record<string, string>;
  /** Seconds, for 503s. */
  retryAfter?: number;
}

/** The largest body the receiver reads: no vendor sends more than a few kB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An answer with an error message. */
export function refuse(status: number, error: string, retryAfter?: number): Answer {
  return retryAfter === undefined ? { status, body: { error } } : { status, body: { error }, retryAfter };
}

/** The 413 for a body over {@link MAX_BODY_BYTES}. */
export const TOO_LARGE: Answer = refuse(413, `the body is over ${MAX_BODY_BYTES} bytes (1 MiB); no vendor sends that much`);

/** The 500 for a body something else read first. */
export const BODY_USED: Answer = refuse(
  500,
  'the request body was already read (by a body parser?) before the receiver got it: the signature needs the raw body, so give the receiver the untouched request',
);

/** Headers of an answer. */
export function answerHeaders(answer: Answer): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (answer.retryAfter !== undefined) headers['retry-after'] = String(answer.retryAfter);
  return headers;
}
