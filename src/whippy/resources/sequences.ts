import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import type { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { SequenceDecoder, SequenceListEnvelope } from '../decoders.js';
import { SequenceListSchema, type SequenceListParams } from '../inputs.js';
import { whippyList } from '../list.js';
import type { Sequence } from '../models.js';
import { WhippyRuns } from './runs.js';
import { WhippySequenceContacts } from './sequence-contacts.js';

/** Whippy sequences: `/sequences`, with their runs and contacts below. */
export class WhippySequences extends APIResource {
  /** Sequence runs: `/sequences/{id}/sequence_runs`. */
  readonly runs: WhippyRuns;
  /** Contacts in a sequence's steps: `/sequences/{id}/contacts`. */
  readonly contacts: WhippySequenceContacts;

  /** @internal */
  constructor(http: HttpClient) {
    super(http);
    this.runs = new WhippyRuns(http);
    this.contacts = new WhippySequenceContacts(http);
  }

  /**
   * Lists sequences, optionally by title.
   * @example for await (const seq of whippy.sequences.list({ title: 'Welcome' })) console.log(seq.id);
   */
  list(params?: SequenceListParams, options?: ListOptions): Paginated<Sequence> {
    const checked = input(SequenceListSchema, params ?? {}, 'sequences.list params');
    return whippyList(this.http, path`sequences`, checked, SequenceListEnvelope, options);
  }

  /**
   * Fetches one sequence with its settings and steps.
   * @example const seq = await whippy.sequences.retrieve('e4a747a3-…');
   */
  retrieve(sequenceId: string, options?: RequestOptions): APIPromise<Sequence> {
    return this.get(path`sequences/${{ sequenceId }}`, SequenceDecoder, options);
  }
}
