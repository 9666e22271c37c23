import type { APIPromise } from '../../core/api-promise.js';
import { resolveFilter } from '../../core/filters.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { unwrapData, whippyList } from '../envelopes.js';
import type { RunsFilter } from '../filters.js';
import { SequenceRunListSchema, type SequenceRunListParams } from '../inputs.js';
import { listEnvelope, SequenceRunSchema, type SequenceRun } from '../models.js';

const RunList = listEnvelope(SequenceRunSchema);

/** Sequence runs (one contact's pass through a sequence): `/sequences/{id}/sequence_runs`. */
export class WhippyRuns {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists a sequence's runs, filtered by phone, status, channel and a start-time window.
   * @example for await (const run of whippy.sequences.runs.list(seqId, runsFilter().status('active').after('2026-01-01'))) console.log(run.id);
   */
  list(sequenceId: string, filter?: SequenceRunListParams | RunsFilter, options?: ListOptions): Paginated<SequenceRun> {
    return Paginated.from(() =>
      whippyList(
        this.#http,
        `sequences/${encodeId(sequenceId, 'sequenceId')}/sequence_runs`,
        checkInput(SequenceRunListSchema, resolveFilter(filter) ?? {}, 'sequences.runs.list filter'),
        RunList,
        options,
      ),
    );
  }

  /**
   * Fetches one run.
   * @example const run = await whippy.sequences.runs.retrieve(seqId, runId);
   */
  retrieve(sequenceId: string, runId: string, options?: RequestOptions): APIPromise<SequenceRun> {
    return this.#http.request(
      () => ({
        method: 'GET',
        path: `sequences/${encodeId(sequenceId, 'sequenceId')}/sequence_runs/${encodeId(runId, 'runId')}`,
        decode: { prepare: unwrapData, schema: SequenceRunSchema },
      }),
      options,
    );
  }
}
