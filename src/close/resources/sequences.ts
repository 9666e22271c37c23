import type { APIPromise } from '../../core/api-promise.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { SequenceDecoder, SequenceListEnvelope } from '../decoders.js';
import {
  PagingParamsSchema,
  SequenceCreateSchema,
  SequenceUpdateSchema,
  type PagingParams,
  type SequenceCreateParams,
  type SequenceUpdateParams,
} from '../inputs.js';
import { closeList } from '../list.js';
import type { Sequence } from '../models.js';

/** Close sequences: `/sequence/`. */
export class CloseSequences extends APIResource {
  /**
   * Lists sequences, paging through `_skip`/`_limit`.
   * @example for await (const seq of close.sequences.list()) console.log(seq.name);
   */
  list(params?: PagingParams, options?: ListOptions): Paginated<Sequence> {
    const checked = input(PagingParamsSchema, params ?? {}, 'sequences.list params');
    return closeList(this.http, path`sequence/`, checked, SequenceListEnvelope, options);
  }

  /**
   * Fetches one sequence, with `subscription_counts_by_status`.
   * @example const seq = await close.sequences.retrieve('seq_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Sequence> {
    return this.get(path`sequence/${{ id }}/`, SequenceDecoder, options);
  }

  /**
   * Creates a sequence; `name`, `timezone` and at least one step are required.
   * @example await close.sequences.create({ name: 'Onboarding', timezone: 'America/New_York', steps: [{ step_type: 'call', delay: 0 }] });
   */
  create(body: SequenceCreateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.post(path`sequence/`, input(SequenceCreateSchema, body, 'sequences.create body'), SequenceDecoder, options);
  }

  /**
   * Updates a sequence (PUT acts as PATCH). Sending `steps` deletes the steps left out: send `{ id }` to keep one.
   * @example await close.sequences.update('seq_123', { name: 'Renamed' });
   */
  update(id: string, body: SequenceUpdateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.put(path`sequence/${{ id }}/`, input(SequenceUpdateSchema, body, 'sequences.update body'), SequenceDecoder, options);
  }

  /**
   * Deletes a sequence.
   * @example await close.sequences.delete('seq_123');
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this.del(path`sequence/${{ id }}/`, options);
  }
}
