import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import {
  PagingParamsSchema,
  SequenceCreateSchema,
  SequenceUpdateSchema,
  type PagingParams,
  type SequenceCreateParams,
  type SequenceUpdateParams,
} from '../inputs.js';
import { closeList } from '../list.js';
import { listEnvelope, SequenceSchema, type Sequence } from '../models.js';

const SequenceList = listEnvelope(SequenceSchema);
const sequence = { schema: SequenceSchema };

/** Close sequences: `/sequence/`. */
export class CloseSequences {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists sequences, paging through `_skip`/`_limit`.
   * @example for await (const seq of close.sequences.list()) console.log(seq.name);
   */
  list(params?: PagingParams, options?: ListOptions): Paginated<Sequence> {
    return Paginated.from(() =>
      closeList(this.#http, 'sequence/', checkInput(PagingParamsSchema, params ?? {}, 'sequences.list params'), SequenceList, options),
    );
  }

  /**
   * Fetches one sequence, with `subscription_counts_by_status`.
   * @example const seq = await close.sequences.retrieve('seq_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(() => ({ method: 'GET', path: `sequence/${encodeId(id, 'id')}/`, decode: sequence }), options);
  }

  /**
   * Creates a sequence; `name`, `timezone` and at least one step are required.
   * @example await close.sequences.create({ name: 'Onboarding', timezone: 'America/New_York', steps: [{ step_type: 'call', delay: 0 }] });
   */
  create(body: SequenceCreateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({
        method: 'POST',
        path: 'sequence/',
        body: checkInput(SequenceCreateSchema, body, 'sequences.create body'),
        decode: sequence,
      }),
      options,
    );
  }

  /**
   * Updates a sequence (PUT acts as PATCH). Sending `steps` deletes the steps left out: send `{ id }` to keep one.
   * @example await close.sequences.update('seq_123', { name: 'Renamed' });
   */
  update(id: string, body: SequenceUpdateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({
        method: 'PUT',
        path: `sequence/${encodeId(id, 'id')}/`,
        body: checkInput(SequenceUpdateSchema, body, 'sequences.update body'),
        decode: sequence,
      }),
      options,
    );
  }

  /**
   * Deletes a sequence.
   * @example await close.sequences.delete('seq_123');
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this.#http.request(() => ({ method: 'DELETE', path: `sequence/${encodeId(id, 'id')}/` }), options);
  }
}
