import { isPlainObject } from './client-options.js';
import { InvalidRequestError } from './errors.js';
import type { HttpClient } from './http.js';

/** What a vendor client was built with: its pipeline and the options it was given. */
interface Origin {
  http: HttpClient;
  options: object;
}

// Kept beside the client rather than on it: the public clients carry no internal fields.
const origins = new WeakMap<object, Origin>();
// Set by `withOptions` for the one constructor call it makes (synchronous, so never seen by another).
let handOver: HttpClient | undefined;

/**
 * A vendor client's pipeline, built in its constructor: `build` gets the client `withOptions`
 * derives it from (to share its pacer), if any. Remembered for the raw calls and `withOptions`.
 */
export function clientPipeline(client: object, options: object, build: (parent: HttpClient | undefined) => HttpClient): HttpClient {
  const parent = handOver;
  handOver = undefined;
  const http = build(parent);
  origins.set(client, { http, options });
  return http;
}

/** The pipeline a vendor client was built with. */
export function pipelineOf(client: object): HttpClient {
  return origins.get(client)!.http;
}

/** Builds a client like `client`, with `changes` over its options, handing its pipeline to the new one. */
export function deriveClient<C extends object>(client: C, changes: object): C {
  // Spread, a Date or an array would pass as "no changes": refuse them as the constructor refuses wrong options.
  if (!isPlainObject(changes))
    throw new InvalidRequestError('withOptions options', [{ path: 'options', message: 'must be an object of options' }]);
  const origin = origins.get(client)!;
  handOver = origin.http;
  try {
    return new (client.constructor as new (options: object) => C)({ ...origin.options, ...changes });
  } finally {
    handOver = undefined;
  }
}
