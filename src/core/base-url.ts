import { InvalidRequestError, type Vendor } from './errors.js';

function refuse(vendor: Vendor, message: string): never {
  throw new InvalidRequestError(`${vendor} client options`, [{ path: 'baseUrl', message }]);
}

/** Checks a client's API root and returns it without trailing slashes. */
export function normalizeBaseUrl(value: string, vendor: Vendor): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(vendor, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse(vendor, 'must be an absolute http(s) URL');
  if (url.username || url.password) refuse(vendor, 'must not carry credentials; use the client options');
  return url.href.replace(/\/+$/, '');
}
