/**
 * `sequence-apis/testing/msw`: the fakes of `sequence-apis/testing` as msw handlers, for unit tests.
 * The one entry point that needs `msw` (>= 3) installed.
 * @packageDocumentation
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { TRANSPORT_FAULT, type FakeApi } from './fake-api.js';

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
  return [
    http.all(`${url.origin}${root}/*`, async ({ request }) => {
      const answer = await fake.handle(request);
      // msw cannot cut a socket: every transport fault becomes a network error.
      return TRANSPORT_FAULT in answer ? HttpResponse.error() : answer;
    }),
  ];
}
