import { signCloseWebhook } from '../../src/testing/index.js';

/** A Close signature key for tests (hex). */
export const CLOSE_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** A Close webhook body: one event about a subscription. */
export function closeBody(id: string, options: { objectId?: string; dateUpdated?: string; action?: string } = {}): string {
  const objectId = options.objectId ?? 'sub_1';
  return JSON.stringify({
    subscription_id: 'whsub_1',
    event: {
      id,
      object_type: 'sequence_subscription',
      object_id: objectId,
      action: options.action ?? 'updated',
      date_updated: options.dateUpdated ?? '2026-03-01T10:00:00.000Z',
      data: { id: objectId, status: 'paused' },
    },
  });
}

/** A signed Close delivery as a Web `Request`, signed at `nowMs`. */
export async function closeRequest(body: string, nowMs: number, url = 'https://receiver.example/hooks'): Promise<Request> {
  const headers = await signCloseWebhook(body, CLOSE_KEY, { timestamp: Math.floor(nowMs / 1000) });
  return new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

/** A promise with its resolve function outside (to hold an onEvent until the test lets it go). */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
