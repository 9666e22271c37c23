import { FakeApi, json, type FakeRecord, type RouteContext } from '../fake-api.js';
import { prefixedIdMaker, seededRandom } from '../ids.js';
import { CloseEventLog } from './events.js';
import { CLOSE_SEED_CONTACTS, CLOSE_SEED_SEQUENCES } from './seed.js';
import { pickFields } from './fields.js';
import { closePage, type PagingLimits } from './paging.js';
import {
  bulkActionRecord,
  closeNow,
  leadRecords,
  EMAIL_ACCOUNT,
  missingFields,
  ORG_ID,
  stamped,
  stepRecord,
  subscriptionRecord,
  TOO_LONG_DELAY,
  tooLongDelay,
  USER_ID,
} from './records.js';

/** Options of {@link CloseFake}. */
export interface CloseFakeOptions {
  /** API key the fake accepts over HTTP Basic (default `test_close_key`). */
  apiKey?: string;
  /** OAuth token the fake accepts as Bearer (default `test_close_token`). */
  accessToken?: string;
  /** Seed realistic sequences and subscriptions (default true). */
  seed?: boolean;
  /** Largest `_limit` accepted (default 1,000). */
  maxLimit?: number;
  /**
   * Deepest `_skip` accepted (default: none). Close has such a maximum per resource, unpublished
   * (35,000 measured on `/lead/`); deeper pages get its 400 with a `field-errors` body.
   */
  maxSkip?: number;
  /** The fake's clock (default the real one): record dates and the event log's 30 days follow it. */
  clock?: () => Date;
}

/**
 * A stateful in-memory Close API: sequences, subscriptions and bulk actions, `_skip`/`_limit`
 * paging with `has_more`, Basic and Bearer auth, Close's error shapes and its `RateLimit` header.
 */
export class CloseFake extends FakeApi {
  /** Sequences by id. */
  readonly sequences = new Map<string, FakeRecord>();
  /** Subscriptions by id, in creation order. */
  readonly subscriptions = new Map<string, FakeRecord>();
  /** Bulk actions by id. */
  readonly bulkActions = new Map<string, FakeRecord>();
  /** Objects created through POST, by path: a retried create shows up here twice. */
  readonly creates: Record<string, number> = {};
  /** The event log (`/event/`) and webhook subscriptions (`/webhook/`); changes made over the API are delivered, signed. */
  readonly eventLog: CloseEventLog;
  readonly #apiKey: string;
  readonly #accessToken: string;
  readonly #paging: PagingLimits;
  readonly #clock: () => Date;
  readonly #newId = prefixedIdMaker(seededRandom(7));
  /** Close enforces its limits "per endpoint group" (methods and paths): one window per route here. */
  protected override readonly limitsPerEndpoint = true;

  constructor(options: CloseFakeOptions = {}, basePath = '/api/v1') {
    super(basePath);
    this.#apiKey = options.apiKey ?? 'test_close_key';
    this.#accessToken = options.accessToken ?? 'test_close_token';
    this.#paging = { maxLimit: options.maxLimit ?? 1_000, maxSkip: options.maxSkip ?? Number.POSITIVE_INFINITY };
    this.#clock = options.clock ?? (() => new Date());
    this.eventLog = new CloseEventLog(this.#newId, { user_id: USER_ID, organization_id: ORG_ID }, this.#clock);
    this.#routes();
    if (options.seed !== false) this.#seed();
  }

  protected authorize(request: Request): boolean {
    const header = request.headers.get('authorization') ?? '';
    if (header === `Bearer ${this.#accessToken}`) return true;
    if (!header.startsWith('Basic ')) return false;
    try {
      return atob(header.slice(6)) === `${this.#apiKey}:`;
    } catch {
      return false;
    }
  }

  protected errorBody(_status: number, message: string): unknown {
    return { error: message };
  }

  protected rateLimitHeaders(limit: number, remaining: number, resetMs: number): Record<string, string> {
    return {
      ratelimit: `limit=${limit}, remaining=${remaining}, reset=${(resetMs / 1000).toFixed(3)}`,
      ...(remaining === 0 ? { 'retry-after': String(Math.ceil(resetMs / 1000)) } : {}),
    };
  }

  /** Adds `count` subscriptions to a sequence (for bulk and memory tests); returns their ids' count. */
  seedSubscriptions(sequenceId: string, count: number): number {
    for (let i = 0; i < count; i++) {
      const [name, email] = CLOSE_SEED_CONTACTS[i % CLOSE_SEED_CONTACTS.length]!;
      this.#addSubscription({
        sequence_id: sequenceId,
        contact_id: this.#newId('cont'),
        contact_email: email.replace('@', `+${i}@`),
        sender_account_id: EMAIL_ACCOUNT,
        sender_name: name,
        sender_email: 'sales@fake-close.example',
        calls_assigned_to: [USER_ID],
      });
    }
    return count;
  }

  /**
   * Removes a subscription, logging a `deleted` event: Close has no route for it, but a
   * subscription goes when its contact or lead is deleted. Returns whether it existed.
   */
  removeSubscription(id: string): boolean {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return false;
    this.subscriptions.delete(id);
    this.eventLog.record('sequence_subscription', 'deleted', subscription);
    return true;
  }

  #now(): string {
    return closeNow(this.#clock());
  }

  #seed(): void {
    for (const template of CLOSE_SEED_SEQUENCES) {
      const sequence = this.#createSequence(structuredClone(template));
      this.seedSubscriptions(String(sequence.id), 4);
    }
  }

  #routes(): void {
    this.route('GET', '/sequence/', (ctx) =>
      closePage(
        ctx,
        this.#paging,
        [...this.sequences.values()].map(({ subscription_counts_by_status: _, ...rest }) => rest),
      ),
    );
    this.route('POST', '/sequence/', (ctx) => this.#createSequenceRoute(ctx));
    this.route('GET', '/sequence/:id/', (ctx) => this.#withSequence(ctx, (seq) => json(200, this.#withCounts(seq))));
    this.route('PUT', '/sequence/:id/', (ctx) => this.#withSequence(ctx, (seq) => this.#updateSequence(seq, ctx.body as FakeRecord)));
    this.route('DELETE', '/sequence/:id/', (ctx) =>
      this.#withSequence(ctx, (seq) => {
        this.sequences.delete(String(seq.id));
        this.eventLog.record('sequence', 'deleted', seq);
        return json(200, {});
      }),
    );
    this.route('GET', '/sequence_subscription/', (ctx) => this.#listSubscriptions(ctx));
    this.route('POST', '/sequence_subscription/', (ctx) => this.#subscribe(ctx.body as FakeRecord));
    this.route('GET', '/sequence_subscription/:id/', (ctx) => this.#withSubscription(ctx, (sub) => json(200, sub)));
    this.route('PUT', '/sequence_subscription/:id/', (ctx) =>
      this.#withSubscription(ctx, (sub) => this.#updateSubscription(sub, ctx.body as FakeRecord)),
    );
    this.route('GET', '/bulk_action/sequence_subscription/', (ctx) =>
      closePage(
        ctx,
        this.#paging,
        [...this.bulkActions.values()].map((action) => pickFields(ctx.query, action)),
      ),
    );
    this.route('POST', '/bulk_action/sequence_subscription/', (ctx) => this.#createBulkAction(ctx.body as FakeRecord));
    this.route('GET', '/bulk_action/sequence_subscription/:id/', (ctx) =>
      this.withItem(this.bulkActions, ctx.params.id!, 'Not found', (action) => json(200, pickFields(ctx.query, action))),
    );
    this.eventLog.install((method, path, handler) => this.route(method, path, handler));
    // Not a sequence endpoint: the leads the subscriptions name, so the escape hatch
    // (`close.get('lead/')`, `close.paginate('lead/')`) has a list of Close's shape to walk.
    this.route('GET', '/lead/', (ctx) => closePage(ctx, this.#paging, leadRecords(this.subscriptions.values())));
  }

  #listSubscriptions(ctx: RouteContext): Response {
    const filters = (['sequence_id', 'contact_id', 'lead_id'] as const).filter((key) => ctx.query.has(key));
    if (filters.length === 0) {
      return json(400, { errors: ['At least one of sequence_id, contact_id or lead_id is required.'], 'field-errors': {} });
    }
    const matches = [...this.subscriptions.values()].filter((sub) => filters.every((key) => sub[key] === ctx.query.get(key)));
    return closePage(ctx, this.#paging, matches);
  }

  #withSequence(ctx: RouteContext, then: (sequence: FakeRecord) => Response): Response {
    return this.withItem(this.sequences, ctx.params.id!, 'Not found', then);
  }

  #withSubscription(ctx: RouteContext, then: (subscription: FakeRecord) => Response): Response {
    return this.withItem(this.subscriptions, ctx.params.id!, 'Not found', then);
  }

  #countCreate(path: string): void {
    this.creates[path] = (this.creates[path] ?? 0) + 1;
  }

  #createSequenceRoute(ctx: RouteContext): Response {
    const body = (ctx.body ?? {}) as FakeRecord;
    const fieldErrors: Record<string, string> = {};
    if (typeof body.name !== 'string' || body.name === '') fieldErrors.name = 'This field is required.';
    if (typeof body.timezone !== 'string' || body.timezone === '') fieldErrors.timezone = 'This field is required.';
    if (!Array.isArray(body.steps) || body.steps.length === 0) fieldErrors.steps = 'This field is required.';
    if (Object.keys(fieldErrors).length > 0) return json(400, { errors: [], 'field-errors': fieldErrors });
    if (tooLongDelay(body.steps)) return this.error(400, TOO_LONG_DELAY);
    this.#countCreate('/sequence/');
    const sequence = this.#createSequence(body);
    this.eventLog.record('sequence', 'created', sequence);
    return json(200, sequence);
  }

  #createSequence(body: FakeRecord): FakeRecord {
    const now = this.#now();
    // Close removed `schedule_id` (2023-08-29): a sequence no longer has one.
    const { schedule_id: _removed, ...fields } = body;
    const sequence: FakeRecord = {
      ...fields,
      id: this.#newId('seq'),
      status: body.status ?? 'active',
      schedule: body.schedule ?? null,
      steps: (body.steps as FakeRecord[]).map((step) => stepRecord(this.#newId, step, now)),
      organization_id: ORG_ID,
      ...stamped(now),
    };
    this.sequences.set(String(sequence.id), sequence);
    return sequence;
  }

  #updateSequence(sequence: FakeRecord, body: FakeRecord): Response {
    const now = this.#now();
    const before = structuredClone(sequence);
    const { steps, schedule_id: _removed, ...fields } = body ?? {};
    if (tooLongDelay(steps)) return this.error(400, TOO_LONG_DELAY);
    Object.assign(sequence, fields, { date_updated: now, updated_by_id: USER_ID });
    if (Array.isArray(steps)) {
      // Close's rule: steps left out are deleted; `{id}` keeps a step, objects without id are new.
      const existing = new Map((sequence.steps as FakeRecord[]).map((step) => [step.id, step]));
      const next: FakeRecord[] = [];
      for (const step of steps as FakeRecord[]) {
        if (step.id === undefined) next.push(stepRecord(this.#newId, step, now));
        else if (existing.has(step.id)) next.push({ ...existing.get(step.id), ...step, date_updated: now });
        else return json(400, { errors: [`Step ${step.id as string} does not belong to this sequence.`], 'field-errors': {} });
      }
      sequence.steps = next;
    }
    this.eventLog.record('sequence', 'updated', sequence, before);
    return json(200, this.#withCounts(sequence));
  }

  #withCounts(sequence: FakeRecord): FakeRecord {
    const counts: Record<string, number> = { active: 0, error: 0, finished: 0, goal: 0, paused: 0 };
    for (const sub of this.subscriptions.values()) {
      if (sub.sequence_id === sequence.id) counts[String(sub.status)] = (counts[String(sub.status)] ?? 0) + 1;
    }
    return { ...sequence, subscription_counts_by_status: counts };
  }

  #subscribe(body: FakeRecord): Response {
    const missing = missingFields(body, ['sequence_id', 'contact_id', 'contact_email', 'sender_account_id', 'sender_name', 'sender_email']);
    if (missing) return json(400, missing);
    if (!this.sequences.has(String(body.sequence_id)))
      return json(400, { errors: [], 'field-errors': { sequence_id: 'Sequence not found.' } });
    this.#countCreate('/sequence_subscription/');
    const subscription = this.#addSubscription(body);
    this.eventLog.record('sequence_subscription', 'created', subscription);
    return json(201, subscription);
  }

  #addSubscription(body: FakeRecord): FakeRecord {
    const subscription = subscriptionRecord(this.#newId, body, this.#now());
    this.subscriptions.set(String(subscription.id), subscription);
    return subscription;
  }

  #updateSubscription(subscription: FakeRecord, body: FakeRecord): Response {
    const status = body?.status;
    if (status !== undefined && !['active', 'paused'].includes(status as string)) {
      return json(400, { errors: [], 'field-errors': { status: 'Status can only be set to active or paused.' } });
    }
    const before = structuredClone(subscription);
    Object.assign(subscription, body, { date_updated: this.#now() });
    if (status === 'paused') subscription.status_reason = 'manual';
    if (status === 'active') subscription.status_reason = null;
    this.eventLog.record('sequence_subscription', 'updated', subscription, before);
    return json(200, subscription);
  }

  #createBulkAction(body: FakeRecord): Response {
    if (typeof body?.action_type !== 'string') return json(400, { errors: [], 'field-errors': { action_type: 'This field is required.' } });
    this.#countCreate('/bulk_action/sequence_subscription/');
    const action = bulkActionRecord(this.#newId, body);
    this.bulkActions.set(String(action.id), action);
    return json(200, action);
  }
}
