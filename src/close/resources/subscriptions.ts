import type { APIPromise } from '../../core/api-promise.js';
import { resolveFilter } from '../../core/filters.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { SubscriptionDecoder, SubscriptionListEnvelope } from '../decoders.js';
import type { SubscriptionsFilter } from '../filters.js';
import {
  SubscriptionCreateSchema,
  SubscriptionListSchema,
  SubscriptionUpdateSchema,
  type SubscriptionCreateParams,
  type SubscriptionListParams,
  type SubscriptionUpdateParams,
} from '../inputs.js';
import { closeList } from '../list.js';
import type { SequenceSubscription } from '../models.js';

/** Close sequence subscriptions: `/sequence_subscription/`. */
export class CloseSubscriptions extends APIResource {
  /**
   * Lists subscriptions; the filter needs `sequence_id`, `contact_id` or `lead_id`.
   * @example for await (const sub of close.subscriptions.list({ sequence_id: 'seq_123' })) console.log(sub.status);
   */
  list(filter: SubscriptionListParams | SubscriptionsFilter<true>, options?: ListOptions): Paginated<SequenceSubscription> {
    const checked = () => checkInput(SubscriptionListSchema, resolveFilter(filter), 'subscriptions.list filter');
    return closeList(this.http, path`sequence_subscription/`, checked, SubscriptionListEnvelope, options);
  }

  /**
   * Fetches one subscription.
   * @example const sub = await close.subscriptions.retrieve('sub_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.get(path`sequence_subscription/${{ id }}/`, SubscriptionDecoder, options);
  }

  /**
   * Subscribes a contact to a sequence (Close answers 201).
   * @example await close.subscriptions.create({ sequence_id, contact_id, contact_email, sender_account_id, sender_name, sender_email });
   */
  create(body: SubscriptionCreateParams, options?: RequestOptions): APIPromise<SequenceSubscription> {
    const checked = input(SubscriptionCreateSchema, body, 'subscriptions.create body');
    return this.post(path`sequence_subscription/`, checked, SubscriptionDecoder, options);
  }

  /**
   * Updates a subscription: its status or sender. Setting `active` needs a plan with Workflow runs (else 400).
   * @example await close.subscriptions.update('sub_123', { sender_name: 'Jo' });
   */
  update(id: string, body: SubscriptionUpdateParams, options?: RequestOptions): APIPromise<SequenceSubscription> {
    const checked = input(SubscriptionUpdateSchema, body, 'subscriptions.update body');
    return this.put(path`sequence_subscription/${{ id }}/`, checked, SubscriptionDecoder, options);
  }

  /**
   * Pauses a subscription (`status: "paused"`; works on every plan).
   * @example await close.subscriptions.pause('sub_123');
   */
  pause(id: string, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.update(id, { status: 'paused' }, options);
  }

  /**
   * Resumes a subscription (`status: "active"`; needs a plan with Workflow runs, else Close answers 400).
   * @example await close.subscriptions.resume('sub_123');
   */
  resume(id: string, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.update(id, { status: 'active' }, options);
  }
}
