import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { BulkSubscriptionCreateSchema, PagingParamsSchema, type BulkSubscriptionCreateParams, type PagingParams } from '../inputs.js';
import { closeList } from '../list.js';
import { BulkSequenceSubscriptionActionSchema, listEnvelope, type BulkSequenceSubscriptionAction } from '../models.js';

const BulkActionList = listEnvelope(BulkSequenceSubscriptionActionSchema);
const bulkAction = { schema: BulkSequenceSubscriptionActionSchema };

/** Close bulk sequence subscription actions: `/bulk_action/sequence_subscription/`. */
export class CloseBulkSubscriptions {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists bulk subscription actions.
   * @example for await (const action of close.bulkSubscriptions.list()) console.log(action.status);
   */
  list(params?: PagingParams, options?: ListOptions): Paginated<BulkSequenceSubscriptionAction> {
    return Paginated.from(() =>
      closeList(
        this.#http,
        'bulk_action/sequence_subscription/',
        checkInput(PagingParamsSchema, params ?? {}, 'bulkSubscriptions.list params'),
        BulkActionList,
        options,
      ),
    );
  }

  /**
   * Fetches one bulk action, e.g. to watch its progress.
   * @example const action = await close.bulkSubscriptions.retrieve('bulkseqsub_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<BulkSequenceSubscriptionAction> {
    return this.#http.request(
      () => ({ method: 'GET', path: `bulk_action/sequence_subscription/${encodeId(id, 'id')}/`, decode: bulkAction }),
      options,
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
