import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { closeList } from '../list.js';
import { listEnvelope } from '../models.js';
import {
  WebhookCreateSchema,
  WebhookSchema,
  WebhookUpdateSchema,
  type Webhook,
  type WebhookCreateParams,
  type WebhookUpdateParams,
} from '../webhook-models.js';

const WebhookList = listEnvelope(WebhookSchema);
const webhook = { schema: WebhookSchema };

/** Close webhook subscriptions: `/webhook/`. Verify deliveries with `unwrapCloseWebhook`. */
export class CloseWebhooks {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists the organization's webhook subscriptions.
   * @example for await (const hook of close.webhooks.list()) console.log(hook.url);
   */
  list(options?: ListOptions): Paginated<Webhook> {
    return Paginated.from(() => closeList(this.#http, 'webhook/', {}, WebhookList, options));
  }

  /**
   * Fetches one webhook subscription.
   * @example const hook = await close.webhooks.retrieve('whsub_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Webhook> {
    return this.#http.request(() => ({ method: 'GET', path: `webhook/${encodeId(id, 'id')}/`, decode: webhook }), options);
  }

  /**
   * Subscribes a URL to events; the answer carries the `signature_key` that verifies deliveries.
   * @example const { signature_key } = await close.webhooks.create({ url, events: [{ object_type: 'sequence_subscription', action: 'updated' }] });
   */
  create(body: WebhookCreateParams, options?: RequestOptions): APIPromise<Webhook> {
    return this.#http.request(
      () => ({ method: 'POST', path: 'webhook/', body: checkInput(WebhookCreateSchema, body, 'webhooks.create body'), decode: webhook }),
      options,
    );
  }

  /**
   * Updates a subscription: its URL, events, `verify_ssl`, or `status` (`paused` / `active`).
   * @example await close.webhooks.update('whsub_123', { status: 'paused' });
   */
  update(id: string, body: WebhookUpdateParams, options?: RequestOptions): APIPromise<Webhook> {
    return this.#http.request(
      () => ({
        method: 'PUT',
        path: `webhook/${encodeId(id, 'id')}/`,
        body: checkInput(WebhookUpdateSchema, body, 'webhooks.update body'),
        decode: webhook,
      }),
      options,
    );
  }

  /**
   * Deletes a subscription.
   * @example await close.webhooks.delete('whsub_123');
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this.#http.request(() => ({ method: 'DELETE', path: `webhook/${encodeId(id, 'id')}/` }), options);
  }
}
