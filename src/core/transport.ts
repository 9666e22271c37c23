// The ky side of the pipeline, loaded on the first request (see load-transport.ts).
// Named exports only, so the lazily loaded chunk interoperates the same in ESM and CJS.
import ky, { type KyInstance, type Options } from 'ky';

export { isHTTPError, isNetworkError, isTimeoutError } from 'ky';

/** Creates the ky instance a client sends through. */
export function createKy(defaults: Options): KyInstance {
  return ky.create(defaults);
}
