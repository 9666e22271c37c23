import { APIPromise, type WithResponse } from '../../core/api-promise.js';
import { BatchError, sendInChunks, withLastResponse } from '../../core/batch.js';
import { BadRequestError } from '../../core/errors.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { integerPath } from '../../core/path.js';
import { APIResource, input, noBody } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { BatchUploadError, mergeBatchUploads, type BatchUploadResponse, type BatchUploadResult } from '../batch-upload.js';
import {
  BatchUploadResponseDecoder,
  SequenceDecoder,
  SequenceListDecoder,
  StopResultDecoder,
  WrappedSequenceDecoder,
} from '../decoders.js';
import {
  SequenceBatchUploadSchema,
  CLARION_ROWS_PER_CALL,
  SequenceCreateSchema,
  SequenceUpdateSchema,
  type SequenceBatchUploadParams,
  type SequenceCreateParams,
  type SequenceUpdateParams,
} from '../inputs.js';
import { clarionList } from '../list.js';
import { STOPPABLE_STATUSES, type Sequence, type StopResult } from '../models.js';

/** A 400 to a stop says why, in the SDK's words: only some statuses can stop. */
function explainStop(error: unknown): never {
  if (error instanceof BadRequestError) error.message += ` (only sequences that are ${STOPPABLE_STATUSES.join(', ')} can be stopped)`;
  throw error;
}

/** Clarion sequence instances: `/sequence-manager/sequences`. */
export class ClarionSequences extends APIResource {
  /**
   * Lists sequence instances (Clarion returns them all in one page).
   * @example for await (const seq of clarion.sequences.list()) console.log(seq.id, seq.status);
   */
  list(options?: ListOptions): Paginated<Sequence> {
    return clarionList(this.http, integerPath`sequence-manager/sequences`, () => ({}), SequenceListDecoder, options);
  }

  /**
   * Fetches one sequence instance.
   * @example const seq = await clarion.sequences.retrieve(42);
   */
  retrieve(id: number, options?: RequestOptions): APIPromise<Sequence> {
    return this.get(integerPath`sequence-manager/sequences/${{ id }}`, SequenceDecoder, options);
  }

  /**
   * Creates a single sequence (the documented body is `name`, `description`, `steps`; prefer `batchUpload` for patients).
   * @example await clarion.sequences.create({ name: 'Reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
   */
  create(body: SequenceCreateParams, options?: RequestOptions): APIPromise<Sequence> {
    const checked = input(SequenceCreateSchema, body, 'sequences.create body');
    return this.post(integerPath`sequence-manager/sequences`, checked, WrappedSequenceDecoder, options);
  }

  /**
   * Updates a sequence instance.
   * @example await clarion.sequences.update(42, { name: 'Renamed' });
   */
  update(id: number, body: SequenceUpdateParams, options?: RequestOptions): APIPromise<Sequence> {
    const checked = input(SequenceUpdateSchema, body, 'sequences.update body');
    return this.put(integerPath`sequence-manager/sequences/${{ id }}`, checked, WrappedSequenceDecoder, options);
  }

  /**
   * Stops a sequence. Only `in-progress`, `queued` or `paused` sequences can stop; otherwise
   * Clarion answers 400, surfaced as a `BadRequestError` that says so.
   * @example await clarion.sequences.stop(42);
   */
  stop(id: number, options?: RequestOptions): APIPromise<StopResult> {
    const stopped = this.post(integerPath`sequence-manager/sequences/${{ id }}/stop`, noBody, StopResultDecoder, options);
    return new APIPromise(stopped.withResponse().catch(explainStop));
  }

  /**
   * Creates one sequence per patient row from a definition. Any number of rows: they are sent in
   * calls of 100 and the answers merged as if one call had been made, each error and warning
   * numbered by its row in your list. `validate_only: true` checks without creating. If a call
   * fails after others were made, `BatchUploadError` says which rows were sent and what was created.
   * @example await clarion.sequences.batchUpload({ sequence_definition_id: 7, rows: [{ phoneNumber: '+15551234567', firstName: 'Ada', lastName: 'Lovelace' }] });
   */
  batchUpload(body: SequenceBatchUploadParams, options?: RequestOptions): APIPromise<BatchUploadResult> {
    return new APIPromise(this.#batchUpload(body, options));
  }

  async #batchUpload(body: SequenceBatchUploadParams, options: RequestOptions | undefined): Promise<WithResponse<BatchUploadResult>> {
    const checked = checkInput(SequenceBatchUploadSchema, body, 'sequences.batchUpload body');
    const calls: WithResponse<BatchUploadResponse>[] = [];
    try {
      const completed = await sendInChunks('sequences.batchUpload', checked.rows, CLARION_ROWS_PER_CALL, async (part) => {
        const spec = { method: 'POST', path: 'sequence-manager/sequences/batch-upload', body: { ...checked, rows: part.items } } as const;
        const call = await this.http.execute({ ...spec, decode: BatchUploadResponseDecoder }, options);
        calls.push(call);
        return call.data;
      });
      return withLastResponse(calls, mergeBatchUploads(completed));
    } catch (error) {
      throw error instanceof BatchError ? new BatchUploadError(error as BatchError<BatchUploadResponse>) : error;
    }
  }
}
