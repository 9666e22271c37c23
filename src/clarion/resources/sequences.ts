import { APIPromise, type WithResponse } from '../../core/api-promise.js';
import { BatchError, sendInChunks } from '../../core/batch.js';
import { BadRequestError } from '../../core/errors.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeIntegerId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { singlePageList } from '../../core/single-page.js';
import { BatchUploadError, mergeBatchUploads, type BatchUploadResponse, type BatchUploadResult } from '../batch-upload.js';
import {
  SequenceBatchUploadSchema,
  CLARION_ROWS_PER_CALL,
  SequenceCreateSchema,
  SequenceUpdateSchema,
  type SequenceBatchUploadParams,
  type SequenceCreateParams,
  type SequenceUpdateParams,
} from '../inputs.js';
import {
  BatchUploadResponseSchema,
  SequenceSchema,
  StopResultSchema,
  successEnvelope,
  STOPPABLE_STATUSES,
  type Sequence,
  type StopResult,
} from '../models.js';
import * as z from 'zod/mini';

const BASE = 'sequence-manager/sequences';
const SequenceEnvelope = { schema: successEnvelope(SequenceSchema), unwrap: (wire: { data: Sequence }) => wire?.data };
const SequenceListEnvelope = { schema: successEnvelope(z.array(SequenceSchema)), unwrap: (wire: { data: Sequence[] }) => wire?.data };

/** Clarion sequence instances: `/sequence-manager/sequences`. */
export class ClarionSequences {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists sequence instances (Clarion returns them all in one page).
   * @example for await (const seq of clarion.sequences.list()) console.log(seq.id, seq.status);
   */
  list(options?: ListOptions): Paginated<Sequence> {
    return Paginated.from(() => singlePageList(this.#http, { method: 'GET', path: BASE, decode: SequenceListEnvelope }, options));
  }

  /**
   * Fetches one sequence instance.
   * @example const seq = await clarion.sequences.retrieve(42);
   */
  retrieve(id: number, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({ method: 'GET', path: `${BASE}/${encodeIntegerId(id, 'id')}`, decode: { schema: SequenceSchema } }),
      options,
    );
  }

  /**
   * Creates a single sequence (the documented body is `name`, `description`, `steps`; prefer `batchUpload` for patients).
   * @example await clarion.sequences.create({ name: 'Reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
   */
  create(body: SequenceCreateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({
        method: 'POST',
        path: BASE,
        body: checkInput(SequenceCreateSchema, body, 'sequences.create body'),
        decode: SequenceEnvelope,
      }),
      options,
    );
  }

  /**
   * Updates a sequence instance.
   * @example await clarion.sequences.update(42, { name: 'Renamed' });
   */
  update(id: number, body: SequenceUpdateParams, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({
        method: 'PUT',
        path: `${BASE}/${encodeIntegerId(id, 'id')}`,
        body: checkInput(SequenceUpdateSchema, body, 'sequences.update body'),
        decode: SequenceEnvelope,
      }),
      options,
    );
  }

  /**
   * Stops a sequence. Only `in-progress`, `queued` or `paused` sequences can stop; otherwise
   * Clarion answers 400, surfaced as a `BadRequestError` that says so.
   * @example await clarion.sequences.stop(42);
   */
  stop(id: number, options?: RequestOptions): APIPromise<StopResult> {
    const pending = Promise.resolve()
      .then(() =>
        this.#http.execute(
          { method: 'POST', path: `${BASE}/${encodeIntegerId(id, 'id')}/stop`, decode: { schema: StopResultSchema } },
          options,
        ),
      )
      .catch((error: unknown) => {
        if (error instanceof BadRequestError) {
          error.message += ` (only sequences that are ${STOPPABLE_STATUSES.join(', ')} can be stopped)`;
        }
        throw error;
      });
    return new APIPromise(pending);
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
    let last: WithResponse<BatchUploadResponse> | undefined;
    try {
      const completed = await sendInChunks('sequences.batchUpload', checked.rows, CLARION_ROWS_PER_CALL, async (part) => {
        last = await this.#http.execute(
          {
            method: 'POST',
            path: `${BASE}/batch-upload`,
            body: { ...checked, rows: part.items },
            decode: { schema: BatchUploadResponseSchema },
          },
          options,
        );
        return last.data;
      });
      const final = last!;
      return {
        data: mergeBatchUploads(completed),
        response: final.response,
        get rateLimit() {
          return final.rateLimit;
        },
      };
    } catch (error) {
      throw error instanceof BatchError ? new BatchUploadError(error as BatchError<BatchUploadResponse>) : error;
    }
  }
}
