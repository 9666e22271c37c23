import type { APIPromise } from '../../core/api-promise.js';
import { resolveFilter } from '../../core/filters.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource } from '../../core/resource.js';
import { checkInput } from '../../core/schema.js';
import { SequenceRunDecoder, SequenceRunListEnvelope } from '../decoders.js';
import type { RunsFilter } from '../filters.js';
import { SequenceRunListSchema, type SequenceRunListParams } from '../inputs.js';
import { whippyList } from '../list.js';
import type { SequenceRun } from '../models.js';

/** Sequence runs (one contact's pass through a sequence): `/sequences/{id}/sequence_runs`. */
export class WhippyRuns extends APIResource {
  /**
   * Lists a sequence's runs, filtered by phone, status, channel and a start-time window.
   * @example for await (const run of whippy.sequences.runs.list(seqId, runsFilter().status('active').after('2026-01-01'))) console.log(run.id);
   */
  list(sequenceId: string, filter?: SequenceRunListParams | RunsFilter, options?: ListOptions): Paginated<SequenceRun> {
    const checked = () => checkInput(SequenceRunListSchema, resolveFilter(filter) ?? {}, 'sequences.runs.list filter');
    return whippyList(this.http, path`sequences/${{ sequenceId }}/sequence_runs`, checked, SequenceRunListEnvelope, options);
  }

  /**
   * Fetches one run.
   * @example const run = await whippy.sequences.runs.retrieve(seqId, runId);
   */
  retrieve(sequenceId: string, runId: string, options?: RequestOptions): APIPromise<SequenceRun> {
    return this.get(path`sequences/${{ sequenceId }}/sequence_runs/${{ runId }}`, SequenceRunDecoder, options);
  }
}
