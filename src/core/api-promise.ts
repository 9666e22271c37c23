import type { RateLimit } from './rate-limit.js';

/** A result together with the raw HTTP response it came from. */
export interface WithResponse<T> {
  /** The model, as the method returns it. */
  data: T;
  /** The raw response (its body already read). */
  response: Response;
  /** The rate limit the response announced, if any. */
  rateLimit: RateLimit | undefined;
}

/**
 * The promise every method returns: await it for the model, or call
 * `.withResponse()` for the model plus the raw response and its rate limit.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #inner: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(inner: Promise<WithResponse<T>>) {
    this.#inner = inner;
  }

  /** The model plus the raw `Response` and its rate limit. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#inner;
  }

  #result(): Promise<T> {
    this.#data ??= this.#inner.then((result) => result.data);
    return this.#data;
  }

  /** Promise interface: resolves with the model. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result().then(onFulfilled, onRejected);
  }

  /** Promise interface. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#result().catch(onRejected);
  }

  /** Promise interface. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
