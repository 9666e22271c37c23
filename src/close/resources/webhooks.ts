import type { APIPromise } from '../../core/api-promise.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { WebhookDecoder, WebhookListEnvelope } from '../decoders.js';
import { closeList } from '../list.js';
import {
  WebhookCreateSchema,
  WebhookUpdateSchema,
  type Webhook,
  type WebhookCreateParams,
  type WebhookUpdateParams,
} from '../webhook-subscriptions.js';

/** Close webhook subscriptions: `/webhook/`. Verify deliveries with `unwrapCloseWebhook`. */
export class CloseWebhooks extends APIResource {
  /**
   * Lists the organization's webhook subscriptions.
   * @example for await (const hook of close.webhooks.list()) console.log(hook.url);
   */
  list(options?: ListOptions): Paginated<Webhook> {
    return closeList(this.http, path`webhook/`, () => ({}), WebhookListEnvelope, options);
  }

  /**
   * Fetches one webhook subscription.
   * @example const hook = await close.webhooks.retrieve('whsub_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Webhook> {
    return this.get(path`webhook/${{ id }}/`, WebhookDecoder, options);
  }

  /**
   * Subscribes a URL to events; the answer carries the `signature_key` that verifies deliveries.
   * @example const { signature_key } = await close.webhooks.create({ url, events: [{ object_type: 'sequence_subscription', action: 'updated' }] });
   */
  create(body: WebhookCreateParams, options?: RequestOptions): APIPromise<Webhook> {
    return this.post(path`webhook/`, input(WebhookCreateSchema, body, 'webhooks.create body'), WebhookDecoder, options);
  }

  /**
   * Updates a subscription: its URL, events, `verify_ssl`, or `status` (`paused` / `active`).
   * @example await close.webhooks.update('whsub_123', { status: 'paused' });
   */
  update(id: string, body: WebhookUpdateParams, options?: RequestOptions): APIPromise<Webhook> {
    return this.put(path`webhook/${{ id }}/`, input(WebhookUpdateSchema, body, 'webhooks.update body'), WebhookDecoder, options);
  }

  /**
   * Deletes a subscription.
   * @example await close.webhooks.delete('whsub_123');
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this.del(path`webhook/${{ id }}/`, options);
  }
}
