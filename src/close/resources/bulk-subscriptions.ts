import type { APIPromise } from '../../core/api-promise.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { BulkActionDecoder, bulkActionSchemaFor } from '../decoders.js';
import {
  fieldNames,
  BulkSubscriptionCreateSchema,
  BulkSubscriptionListSchema,
  BulkSubscriptionRetrieveSchema,
  type BulkSubscriptionCreateParams,
  type BulkSubscriptionListParams,
  type BulkSubscriptionRetrieveParams,
  type PagingParams,
} from '../inputs.js';
import { closeList } from '../list.js';
import { listEnvelope, type BulkActionField, type BulkSequenceSubscriptionAction } from '../models.js';

/** Close bulk sequence subscription actions: `/bulk_action/sequence_subscription/`. */
export class CloseBulkSubscriptions extends APIResource {
  /**
   * Lists bulk subscription actions; with `_fields`, only those fields of each (typed as a `Pick`).
   * @example for await (const action of close.bulkSubscriptions.list({ _fields: ['id', 'status'] })) console.log(action.status);
   */
  list(params?: PagingParams, options?: ListOptions): Paginated<BulkSequenceSubscriptionAction>;
  list<const F extends BulkActionField>(
    params: BulkSubscriptionListParams<F> & { _fields: readonly F[] },
    options?: ListOptions,
  ): Paginated<Pick<BulkSequenceSubscriptionAction, F>>;
  list(params?: BulkSubscriptionListParams, options?: ListOptions): Paginated<Partial<BulkSequenceSubscriptionAction>> {
    const checked = input(BulkSubscriptionListSchema, params ?? {}, 'bulkSubscriptions.list params');
    const envelope = listEnvelope(bulkActionSchemaFor(fieldNames((params as { _fields?: unknown } | undefined)?._fields)));
    return closeList(this.http, path`bulk_action/sequence_subscription/`, checked, envelope, options);
  }

  /**
   * Fetches one bulk action, e.g. to watch its progress; with `_fields`, only those fields.
   * @example const { status } = await close.bulkSubscriptions.retrieve('bulkseqsub_123', { _fields: ['status'] });
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<BulkSequenceSubscriptionAction>;
  retrieve<const F extends BulkActionField>(
    id: string,
    params: BulkSubscriptionRetrieveParams<F>,
    options?: RequestOptions,
  ): APIPromise<Pick<BulkSequenceSubscriptionAction, F>>;
  retrieve(
    id: string,
    paramsOrOptions?: BulkSubscriptionRetrieveParams | RequestOptions,
    options?: RequestOptions,
  ): APIPromise<Partial<BulkSequenceSubscriptionAction>> {
    // Params when options follow them, or when they hold `_fields`; else the second argument is the options.
    const isParams =
      options !== undefined || (typeof paramsOrOptions === 'object' && paramsOrOptions !== null && '_fields' in paramsOrOptions);
    const params = isParams ? (paramsOrOptions as BulkSubscriptionRetrieveParams | undefined) : undefined;
    const callOptions = isParams ? options : paramsOrOptions;
    const route = path`bulk_action/sequence_subscription/${{ id }}/`;
    if (params === undefined) return this.get(route, BulkActionDecoder, callOptions);
    // With `_fields`, the query carries them and the answer holds only those fields.
    return this.http.request(
      () => ({
        method: 'GET',
        path: route(),
        template: route.template,
        query: checkInput(BulkSubscriptionRetrieveSchema, params, 'bulkSubscriptions.retrieve params'),
        decode: { schema: bulkActionSchemaFor(fieldNames(params._fields)) },
      }),
      callOptions,
    );
  }

  /**
   * Starts a bulk action over the leads an `s_query` selects (`subscribe`, `pause`, `resume`, `resume_finished`).
   * @example await close.bulkSubscriptions.create({ action_type: 'pause', sequence_id: 'seq_123', s_query: {...} });
   */
  create(body: BulkSubscriptionCreateParams, options?: RequestOptions): APIPromise<BulkSequenceSubscriptionAction> {
    const checked = input(BulkSubscriptionCreateSchema, body, 'bulkSubscriptions.create body');
    return this.post(path`bulk_action/sequence_subscription/`, checked, BulkActionDecoder, options);
  }
}
