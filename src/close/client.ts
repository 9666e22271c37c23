import { checkClientOptionKinds, type OptionKind } from '../core/client-options.js';
import { baseUrlFromEnv } from '../core/env.js';
import { HttpClient } from '../core/http.js';
import type { ClientOptions } from '../core/options.js';
import { clientPipeline, pipelineOf } from '../core/client-pipeline.js';
import type { Paginated } from '../core/pagination.js';
import type { RawAnswer, RawListOptions } from '../core/raw-calls.js';
import { VendorClient } from '../core/with-options.js';
import type * as zc from 'zod/v4/core';
import { closeAuth, type CloseCredentials } from './auth.js';
import { closePaginate, type CloseListParams } from './list.js';
import { closeProfile } from './profile.js';
import { CloseBulkSubscriptions } from './resources/bulk-subscriptions.js';
import { CloseEvents } from './resources/events.js';
import { CloseWebhooks } from './resources/webhooks.js';
import { CloseSequences } from './resources/sequences.js';
import { CloseSubscriptions } from './resources/subscriptions.js';

/** The options only this client takes, by kind (checked with the shared ones in the constructor). */
export const CLOSE_OPTION_KINDS: Readonly<Record<string, OptionKind>> = { apiKey: 'string', accessToken: 'string' };

/** Options of {@link CloseClient}: the shared client options plus Close credentials. */
export interface CloseClientOptions extends ClientOptions, CloseCredentials {}

/**
 * Client for Close CRM's sequence APIs.
 * @example
 * const close = new CloseClient(); // reads CLOSE_API_KEY
 * const seq = await close.sequences.retrieve('seq_123');
 */
export class CloseClient extends VendorClient<CloseClientOptions> {
  /** Sequences: list, retrieve, create, update, delete. */
  declare readonly sequences: CloseSequences;
  /** Sequence subscriptions: list (filtered), retrieve, create, update, pause, resume. */
  declare readonly subscriptions: CloseSubscriptions;
  /** Bulk subscription actions: list, retrieve, create. */
  declare readonly bulkSubscriptions: CloseBulkSubscriptions;
  /** Webhook subscriptions: list, retrieve, create (returns the signature key), update, delete. */
  declare readonly webhooks: CloseWebhooks;
  /** The event log: list (cursor-paged, filtered), retrieve. */
  declare readonly events: CloseEvents;
  /** The API root this client talks to. */
  declare readonly baseUrl: string;

  constructor(options: CloseClientOptions = {}) {
    super();
    checkClientOptionKinds('close', options, CLOSE_OPTION_KINDS);
    const http = clientPipeline(
      this,
      options,
      (parent) => new HttpClient(closeProfile, baseUrlFromEnv(options, 'CLOSE_BASE_URL'), closeAuth(options), parent),
    );
    this.baseUrl = http.baseUrl;
    this.sequences = new CloseSequences(http);
    this.subscriptions = new CloseSubscriptions(http);
    this.bulkSubscriptions = new CloseBulkSubscriptions(http);
    this.webhooks = new CloseWebhooks(http);
    this.events = new CloseEvents(http);
  }

  /** Walks any Close list endpoint, `_skip`/`_limit` until `has_more` is false: `close.paginate('lead/', { query })`. */
  paginate<S extends zc.$ZodType | undefined = undefined>(
    path: string,
    params?: CloseListParams,
    options?: RawListOptions<S>,
  ): Paginated<RawAnswer<S>> {
    return closePaginate(pipelineOf(this), path, params, options);
  }
}
