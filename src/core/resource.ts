import type { APIPromise } from './api-promise.js';
import type { HttpClient } from './http.js';
import type { RequestOptions } from './options.js';
import type { Route } from './path.js';
import type { Decoder, HttpMethod } from './request-spec.js';
import { checkInput } from './schema.js';
import type * as z from 'zod/mini';

/** A request body (or query) checked when the call is made, so a bad one rejects the call's promise. */
export type Input<T> = () => T;

/** Caller input checked against its schema when the call is made; see {@link checkInput}. */
export function input<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): Input<T> {
  return () => checkInput(schema, value, what);
}

/** For a `post` or `put` that sends no body. */
export const noBody: Input<undefined> = () => undefined;

/**
 * The base of every resource class: it holds the client's pipeline and sends one request per
 * helper call. A method reads `return this.get(path\`sequence/${{ id }}/\`, SequenceDecoder, options)`.
 */
export abstract class APIResource {
  /** The client's shared request pipeline. @internal */
  declare protected readonly http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.http = http;
  }

  /** One request: the route and body are read (and checked) when the call is made. */
  #send<Wire, Model>(
    method: HttpMethod,
    route: Route,
    body: Input<unknown>,
    decoder: Decoder<Wire, Model> | undefined,
    options?: RequestOptions,
  ) {
    return this.http.request(() => ({ method, path: route(), template: route.template, body: body(), decode: decoder }), options);
  }

  /** `GET route`, decoded. @internal */
  protected get<Wire, Model = Wire>(route: Route, decoder: Decoder<Wire, Model>, options?: RequestOptions): APIPromise<Model> {
    return this.#send('GET', route, noBody, decoder, options);
  }

  /** `POST route` with a JSON body, decoded. Never resent after an ambiguous failure. @internal */
  protected post<Wire, Model = Wire>(
    route: Route,
    body: Input<unknown>,
    decoder: Decoder<Wire, Model>,
    options?: RequestOptions,
  ): APIPromise<Model> {
    return this.#send('POST', route, body, decoder, options);
  }

  /** `PUT route` with a JSON body, decoded. @internal */
  protected put<Wire, Model = Wire>(
    route: Route,
    body: Input<unknown>,
    decoder: Decoder<Wire, Model>,
    options?: RequestOptions,
  ): APIPromise<Model> {
    return this.#send('PUT', route, body, decoder, options);
  }

  /** `DELETE route`; the answer's body is ignored. (Not named `delete`: that is a public method of resources.) @internal */
  protected del(route: Route, options?: RequestOptions): APIPromise<void> {
    return this.#send<void, void>('DELETE', route, noBody, undefined, options);
  }
}
