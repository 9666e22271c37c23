import type { WebCryptoKey } from '../../core/webhook.js';
import { FakeApi, json, type FakeRecord, type RouteContext } from '../fake-api.js';
import { signClarionWebhook } from '../webhook-signers.js';
import { WebhookOutbox } from '../webhook-outbox.js';
import { callRecord, definitionRecord, iso, sequenceRecord } from './records.js';

/** Where the Clarion fake sends its webhooks, signed like Clarion's. */
export interface ClarionFakeWebhooks {
  /** The receiver's URL. */
  url: string;
  /** Signs `X-Clarion-Signature` (a P-256 key: see `createClarionTestKeys`); verify with its public key. */
  privateKey: WebCryptoKey | string;
  /** Sent as `X-Clarion-Secret` when set. */
  secret?: string;
}

/** Options of {@link ClarionFake}. */
export interface ClarionFakeOptions {
  /** Bearer token the fake accepts (default `test_clarion_token`). */
  token?: string;
  /** Seed a definition and sequences in several statuses (default true). */
  seed?: boolean;
  /** Send End of Call and End of Sequence Report webhooks (on `endCall()` and on stop). */
  webhooks?: ClarionFakeWebhooks;
}

const MAX_ROWS = 100;
const STOPPABLE = ['in-progress', 'queued', 'paused'];
const REQUIRED_ROW_KEYS = ['phoneNumber', 'firstName', 'lastName'];

/**
 * A stateful in-memory Clarion sequence manager: definitions, sequence instances, stop (with its
 * status rule) and batch upload (rows create sequences that list and retrieve then return).
 * Bearer auth, Clarion's `{error}` shape, its `{success, data}` envelopes where documented.
 * Its data is synthetic; no real patient data is involved.
 */
export class ClarionFake extends FakeApi {
  /** Sequence definitions by id. */
  readonly definitions = new Map<number, FakeRecord>();
  /** Sequence instances by id. */
  readonly sequences = new Map<number, FakeRecord>();
  /** Phone numbers the fake refuses in batch uploads, as a server-side row error. */
  readonly doNotCall = new Set<string>();
  /** Batch-upload calls received, with their row counts. */
  readonly uploads: { rows: number; validateOnly: boolean }[] = [];
  /** Webhooks sent. */
  readonly outbox = new WebhookOutbox();
  readonly #webhooks: ClarionFakeWebhooks | undefined;
  readonly #calls = new Map<number, FakeRecord[]>();
  readonly #token: string;
  #nextId = 1;
  #nextPatient = 5_001;

  constructor(options: ClarionFakeOptions = {}, basePath = '/v1') {
    super(basePath);
    this.#token = options.token ?? 'test_clarion_token';
    this.#webhooks = options.webhooks;
    this.#routes();
    if (options.seed !== false) this.#seed();
  }

  protected authorize(request: Request): boolean {
    return request.headers.get('authorization') === `Bearer ${this.#token}`;
  }

  protected errorBody(_status: number, message: string): unknown {
    return { error: message };
  }

  protected rateLimitHeaders(_limit: number, remaining: number, resetMs: number): Record<string, string> {
    // Clarion documents no rate limit; the fake answers a 429 with a standard Retry-After.
    return remaining === 0 ? { 'retry-after': String(Math.max(1, Math.ceil(resetMs / 1000))) } : {};
  }

  /** Adds a definition (a reminder call, then a follow-up message). */
  addDefinition(name: string): FakeRecord {
    const definition = definitionRecord(this.#nextId++, name);
    this.definitions.set(Number(definition.id), definition);
    return definition;
  }

  #seed(): void {
    const definition = this.addDefinition('Appointment reminder');
    const statuses = ['in-progress', 'queued', 'paused', 'completed', 'failed', 'cancelled'];
    statuses.forEach((status, index) => {
      this.#instantiate(
        definition,
        { phoneNumber: `+1555010${String(index).padStart(4, '0')}`, firstName: `Test${index}`, lastName: 'Patient' },
        undefined,
        status,
      );
    });
  }

  #routes(): void {
    const base = '/sequence-manager/sequences';
    this.route('GET', base, () => json(200, { success: true, data: [...this.sequences.values()] }));
    this.route('POST', base, (ctx) => this.#createSequence(ctx.body as FakeRecord));
    this.route('POST', `${base}/batch-upload`, (ctx) => this.#batchUpload(ctx.body as FakeRecord));
    this.route('GET', `${base}/:id`, (ctx) => this.#withSequence(ctx, (seq) => json(200, seq)));
    this.route('PUT', `${base}/:id`, (ctx) =>
      this.#withSequence(ctx, (seq) =>
        json(200, { success: true, data: Object.assign(seq, ctx.body as FakeRecord, { last_updated: iso() }) }),
      ),
    );
    this.route('POST', `${base}/:id/stop`, (ctx) =>
      this.#withSequence(ctx, (seq) => {
        if (!STOPPABLE.includes(String(seq.status))) return this.error(400, 'Sequence cannot be stopped');
        Object.assign(seq, { status: 'cancelled', ended_reason: 'stopped', last_updated: iso(), next_activity: null });
        const outreach = (this.#calls.get(Number(seq.id)) ?? []).map((call, index) => ({ type: 'call', step: index + 1, call }));
        this.#send({ id: seq.id, status: 'ended', outcome_description: 'Stopped', last_updated: seq.last_updated, outreach });
        return json(200, { success: true });
      }),
    );
    const defs = '/sequence-manager/sequence-definitions';
    this.route('POST', defs, (ctx) => this.#createDefinition(ctx.body as FakeRecord));
    this.route('GET', `${defs}/:id`, (ctx) => this.#withDefinition(ctx, (def) => json(200, def)));
    this.route('PUT', `${defs}/:id`, (ctx) =>
      this.#withDefinition(ctx, (def) => json(200, Object.assign(def, this.#definitionFields(ctx.body as FakeRecord)))),
    );
  }

  /** Acts out one finished call of a sequence: sends End of Call (when webhooks are on) and returns the call. */
  endCall(sequenceId: number, outcome = 'resolved'): FakeRecord {
    const call = callRecord(this.#nextId++, outcome);
    this.#calls.set(sequenceId, [...(this.#calls.get(sequenceId) ?? []), call]);
    this.#send(call);
    return call;
  }

  #send(payload: FakeRecord): void {
    const hooks = this.#webhooks;
    if (!hooks) return;
    const body = JSON.stringify(payload);
    this.outbox.send(hooks.url, body, () =>
      signClarionWebhook(body, hooks.privateKey, hooks.secret === undefined ? {} : { secret: hooks.secret }),
    );
  }

  #withSequence(ctx: RouteContext, then: (sequence: FakeRecord) => Response): Response {
    return this.withItem(this.sequences, Number(ctx.params.id), 'Sequence not found', then);
  }

  #withDefinition(ctx: RouteContext, then: (definition: FakeRecord) => Response): Response {
    return this.withItem(this.definitions, Number(ctx.params.id), 'Sequence definition not found', then);
  }

  #definitionFields(body: FakeRecord | undefined): FakeRecord {
    const { steps, ...rest } = body ?? {};
    if (!Array.isArray(steps)) return rest;
    return {
      ...rest,
      steps_definition: (steps as FakeRecord[]).map((step, index) => ({
        id: `step_${index + 1}`,
        type: step.type,
        order: step.order,
        delay_hours: 0,
        inputs: [],
      })),
    };
  }

  #createDefinition(body: FakeRecord | undefined): Response {
    if (typeof body?.name !== 'string' || !Array.isArray(body.steps)) return this.error(400, 'name and steps are required');
    const definition = this.addDefinition(body.name);
    Object.assign(definition, this.#definitionFields(body));
    return json(200, definition);
  }

  #createSequence(body: FakeRecord | undefined): Response {
    if (typeof body?.name !== 'string' || !Array.isArray(body.steps)) return this.error(400, 'name and steps are required');
    const definition = this.addDefinition(body.name);
    return json(200, { success: true, data: this.#instantiate(definition, {}, undefined, 'queued') });
  }

  #instantiate(definition: FakeRecord, row: FakeRecord, nextActivity: string | undefined, status = 'queued'): FakeRecord {
    const when = nextActivity ?? iso(new Date(Date.now() + 3_600_000));
    const sequence = sequenceRecord(definition, { id: this.#nextId++, patientId: this.#nextPatient++, row, when, status });
    this.sequences.set(Number(sequence.id), sequence);
    return sequence;
  }

  #batchUpload(body: FakeRecord | undefined): Response {
    const definition = this.definitions.get(Number(body?.sequence_definition_id));
    if (!definition) return this.error(404, 'Sequence definition not found');
    const rows = body?.rows;
    if (!Array.isArray(rows) || rows.length === 0) return this.error(400, 'rows is required');
    if (rows.length > MAX_ROWS) return this.error(400, `rows: Maximum array length: ${MAX_ROWS}`);
    const validateOnly = body?.validate_only === true;
    this.uploads.push({ rows: rows.length, validateOnly });
    const errors: FakeRecord[] = [];
    const warnings: FakeRecord[] = [];
    let created = 0;
    rows.forEach((row: FakeRecord, index) => {
      const missing = REQUIRED_ROW_KEYS.filter((key) => typeof row?.[key] !== 'string' || row[key] === '');
      if (missing.length > 0) {
        errors.push({ row: index, message: `Missing required field(s): ${missing.join(', ')}` });
        return;
      }
      if (this.doNotCall.has(String(row.phoneNumber))) {
        errors.push({ row: index, message: 'Phone number is on the do-not-call list' });
        return;
      }
      if (typeof row.dateOfBirth === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(row.dateOfBirth)) {
        warnings.push({ row: index, message: 'dateOfBirth is not YYYY-MM-DD; it was ignored' });
      }
      if (!validateOnly) {
        this.#instantiate(definition, row, body?.next_activity_date as string | undefined);
        created++;
      }
    });
    return json(200, {
      valid: errors.length === 0,
      total_attempted: rows.length,
      valid_count: rows.length - errors.length,
      created_count: created,
      errors,
      warnings,
    });
  }
}
