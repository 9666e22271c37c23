import type { APIPromise } from '../../core/api-promise.js';
import { resolveFilter } from '../../core/filters.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
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
import { listEnvelope, SequenceSubscriptionSchema, type SequenceSubscription } from '../models.js';

const SubscriptionList = listEnvelope(SequenceSubscriptionSchema);
const subscription = { schema: SequenceSubscriptionSchema };

/** Close sequence subscriptions: `/sequence_subscription/`. */
export class CloseSubscriptions {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists subscriptions; the filter needs `sequence_id`, `contact_id` or `lead_id`.
   * @example for await (const sub of close.subscriptions.list({ sequence_id: 'seq_123' })) console.log(sub.status);
   */
  list(filter: SubscriptionListParams | SubscriptionsFilter<true>, options?: ListOptions): Paginated<SequenceSubscription> {
    return Paginated.from(() =>
      closeList(
        this.#http,
        'sequence_subscription/',
        checkInput(SubscriptionListSchema, resolveFilter(filter), 'subscriptions.list filter'),
        SubscriptionList,
        options,
      ),
    );
  }

  /**
   * Fetches one subscription.
   * @example const sub = await close.subscriptions.retrieve('sub_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.#http.request(
      () => ({ method: 'GET', path: `sequence_subscription/${encodeId(id, 'id')}/`, decode: subscription }),
      options,
    );
  }

  /**
   * Subscribes a contact to a sequence (Close answers 201).
   * @example await close.subscriptions.create({ sequence_id, contact_id, contact_email, sender_account_id, sender_name, sender_email });
   */
  create(body: SubscriptionCreateParams, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.#http.request(
      () => ({
        method: 'POST',
        path: 'sequence_subscription/',
        body: checkInput(SubscriptionCreateSchema, body, 'subscriptions.create body'),
        decode: subscription,
      }),
      options,
    );
  }

  /**
   * Updates a subscription: its status or sender. Setting `active` needs a plan with Workflow runs (else 400).
   * @example await close.subscriptions.update('sub_123', { sender_name: 'Jo' });
   */
  update(id: string, body: SubscriptionUpdateParams, options?: RequestOptions): APIPromise<SequenceSubscription> {
    return this.#http.request(
      () => ({
        method: 'PUT',
        path: `sequence_subscription/${encodeId(id, 'id')}/`,
        body: checkInput(SubscriptionUpdateSchema, body, 'subscriptions.update body'),
        decode: subscription,
      }),
      options,
    );
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
