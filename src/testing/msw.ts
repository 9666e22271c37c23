import { http, type HttpHandler } from 'msw';
import type { FakeApi } from './fake-api.js';

/**
 * msw handlers that route every request under `baseUrl` to a fake, for unit tests.
 * `baseUrl`'s path must be the fake's base path (e.g. `https://api.close.com/api/v1` for a CloseFake).
 */
export function fakeHandlers(fake: FakeApi, baseUrl: string): HttpHandler[] {
  const url = new URL(baseUrl);
  const root = url.pathname.replace(/\/+$/, '');
  if (root !== fake.basePath) {
    throw new Error(`fakeHandlers: ${baseUrl} has path ${root || '/'} but the fake answers under ${fake.basePath}`);
  }
  return [http.all(`${url.origin}${root}/*`, ({ request }) => fake.handle(request))];
}
