import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { encodeId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { unwrapData, whippyList } from '../envelopes.js';
import { SequenceListSchema, type SequenceListParams } from '../inputs.js';
import { listEnvelope, SequenceSchema, type Sequence } from '../models.js';
import { WhippyRuns } from './runs.js';
import { WhippySequenceContacts } from './sequence-contacts.js';

const SequenceList = listEnvelope(SequenceSchema);

/** Whippy sequences: `/sequences`, with their runs and contacts below. */
export class WhippySequences {
  /** Sequence runs: `/sequences/{id}/sequence_runs`. */
  readonly runs: WhippyRuns;
  /** Contacts in a sequence's steps: `/sequences/{id}/contacts`. */
  readonly contacts: WhippySequenceContacts;
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
    this.runs = new WhippyRuns(http);
    this.contacts = new WhippySequenceContacts(http);
  }

  /**
   * Lists sequences, optionally by title.
   * @example for await (const seq of whippy.sequences.list({ title: 'Welcome' })) console.log(seq.id);
   */
  list(params?: SequenceListParams, options?: ListOptions): Paginated<Sequence> {
    return Paginated.from(() =>
      whippyList(this.#http, 'sequences', checkInput(SequenceListSchema, params ?? {}, 'sequences.list params'), SequenceList, options),
    );
  }

  /**
   * Fetches one sequence with its settings and steps.
   * @example const seq = await whippy.sequences.retrieve('e4a747a3-…');
   */
  retrieve(sequenceId: string, options?: RequestOptions): APIPromise<Sequence> {
    return this.#http.request(
      () => ({
        method: 'GET',
        path: `sequences/${encodeId(sequenceId, 'sequenceId')}`,
        decode: { prepare: unwrapData, schema: SequenceSchema },
      }),
      options,
    );
  }
}
