import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { bulkActionSchemaFor } from '../fields.js';
import {
  BulkSubscriptionCreateSchema,
  BulkSubscriptionListSchema,
  BulkSubscriptionRetrieveSchema,
  type BulkSubscriptionCreateParams,
  type BulkSubscriptionListParams,
  type BulkSubscriptionRetrieveParams,
  type PagingParams,
} from '../inputs.js';
import { closeList } from '../list.js';
import {
  BulkSequenceSubscriptionActionSchema,
  listEnvelope,
  type BulkActionField,
  type BulkSequenceSubscriptionAction,
} from '../models.js';

const bulkAction = { schema: BulkSequenceSubscriptionActionSchema };

/** Close bulk sequence subscription actions: `/bulk_action/sequence_subscription/`. */
export class CloseBulkSubscriptions {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

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
    return Paginated.from(() =>
      closeList(
        this.#http,
        'bulk_action/sequence_subscription/',
        checkInput(BulkSubscriptionListSchema, params ?? {}, 'bulkSubscriptions.list params'),
        listEnvelope(bulkActionSchemaFor(params?._fields)),
        options,
      ),
    );
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
    const params = paramsOrOptions !== undefined && '_fields' in paramsOrOptions ? paramsOrOptions : undefined;
    return this.#http.request(
      () => ({
        method: 'GET',
        path: `bulk_action/sequence_subscription/${encodeId(id, 'id')}/`,
        ...(params ? { query: checkInput(BulkSubscriptionRetrieveSchema, params, 'bulkSubscriptions.retrieve params') } : {}),
        decode: { schema: bulkActionSchemaFor(params?._fields) },
      }),
      params ? options : (paramsOrOptions as RequestOptions | undefined),
    );
  }

  /**
   * Starts a bulk action over the leads an `s_query` selects (`subscribe`, `pause`, `resume`, `resume_finished`).
   * @example await close.bulkSubscriptions.create({ action_type: 'pause', sequence_id: 'seq_123', s_query: {...} });
   */
  create(body: BulkSubscriptionCreateParams, options?: RequestOptions): APIPromise<BulkSequenceSubscriptionAction> {
    return this.#http.request(
      () => ({
        method: 'POST',
        path: 'bulk_action/sequence_subscription/',
        body: checkInput(BulkSubscriptionCreateSchema, body, 'bulkSubscriptions.create body'),
        decode: bulkAction,
      }),
      options,
    );
  }
}
