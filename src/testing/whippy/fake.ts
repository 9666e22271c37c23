import { FakeApi, json, type FakeRecord, type RouteContext } from '../fake-api.js';
import { seededRandom, uuidMaker } from '../ids.js';
import { WebhookOutbox } from '../webhook-outbox.js';
import { contactSequenceEntry, enrolmentRecords, SEED_PEOPLE, sequenceRecord, whippyTime } from './records.js';
import { sendStepContactEvents, type WhippyFakeWebhooks } from './webhooks.js';

/** Options of {@link WhippyFake}. */
export interface WhippyFakeOptions {
  /** API key the fake accepts in `X-WHIPPY-KEY` (default `test_whippy_key`). */
  apiKey?: string;
  /** Seed realistic sequences, contacts and runs (default true). */
  seed?: boolean;
  /** Send `step_contact.*` and `sequence_run.*` webhooks here when contacts are added or removed over the API. */
  webhooks?: WhippyFakeWebhooks;
}

const MAX_LIMIT = 500;
const MAX_CONTACTS = 4_000;
function bool(value: string | null): boolean | undefined {
  return value === null ? undefined : value === 'true';
}

/**
 * A stateful in-memory Whippy API: sequences with embedded steps, contacts, step contacts and
 * runs. Enrolled contacts appear in the run list, the sequence's contact list and the contact's
 * sequences. `offset`/`limit` paging with `total`, `X-WHIPPY-KEY` auth, Whippy's
 * `{errors:[{description}], status}` shape and its `X-RateLimit-Remaining-Interval-Milliseconds`.
 */
export class WhippyFake extends FakeApi {
  /** Sequences by id. */
  readonly sequences = new Map<string, FakeRecord>();
  /** Organization contacts by id. */
  readonly contacts = new Map<string, FakeRecord>();
  /** Step contacts (a contact in a step) by id. */
  readonly stepContacts = new Map<string, FakeRecord>();
  /** Sequence runs by id. */
  readonly runs = new Map<string, FakeRecord>();
  /** Enrol and remove calls received, with the contacts each carried. */
  readonly writes: { method: string; sequenceId: string; contacts: number }[] = [];
  /** Webhooks sent. */
  readonly outbox = new WebhookOutbox();
  readonly #webhooks: WhippyFakeWebhooks | undefined;
  readonly #apiKey: string;
  readonly #uuid = uuidMaker(seededRandom(11));
  // Whether each step contact responded: a filter the docs offer but the samples do not show.
  readonly #responded = new Set<string>();
  // Indexes that keep enrolling thousands of contacts linear.
  readonly #contactByPhone = new Map<string, FakeRecord>();
  readonly #stepContactsOf = new Map<string, FakeRecord[]>();
  readonly #runOf = new Map<string, FakeRecord>();

  constructor(options: WhippyFakeOptions = {}, basePath = '/v1') {
    super(basePath);
    this.#apiKey = options.apiKey ?? 'test_whippy_key';
    this.#webhooks = options.webhooks;
    this.#routes();
    if (options.seed !== false) this.#seed();
  }

  protected authorize(request: Request): boolean {
    return request.headers.get('x-whippy-key') === this.#apiKey;
  }

  protected errorBody(status: number, message: string): unknown {
    return { errors: [{ description: message }], status };
  }

  protected rateLimitHeaders(_limit: number, remaining: number, resetMs: number): Record<string, string> {
    return remaining === 0 ? { 'x-ratelimit-remaining-interval-milliseconds': String(Math.ceil(resetMs)) } : {};
  }

  /** Creates a sequence with `steps` titled steps; returns it. */
  addSequence(title: string, stepTitles: string[], status = 'active'): FakeRecord {
    const sequence = sequenceRecord(this.#uuid, title, stepTitles, status);
    this.sequences.set(String(sequence.id), sequence);
    return sequence;
  }

  /** Adds `count` runs (and step contacts) to a sequence, started a minute apart from `start`. */
  seedRuns(sequenceId: string, count: number, start = Date.parse('2026-01-01T00:00:00Z')): void {
    for (let i = 0; i < count; i++) {
      const [name, phone] = SEED_PEOPLE[i % SEED_PEOPLE.length]!;
      const contact = this.#contactFor({ name: `${name} ${i}`, phone: `${phone.slice(0, -4)}${String(i % 10_000).padStart(4, '0')}` });
      this.#enrol(this.sequences.get(sequenceId)!, contact, undefined, new Date(start + i * 60_000));
    }
  }

  #seed(): void {
    const welcome = this.addSequence('Welcome series', ['Welcome', 'Check-in', 'Feedback']);
    this.addSequence('Appointment reminders', ['Reminder'], 'draft');
    SEED_PEOPLE.forEach(([name, phone], index) => {
      const contact = this.#contactFor({ name, phone });
      const stepContact = this.#enrol(welcome, contact, undefined, new Date(Date.parse('2026-01-01T09:00:00Z') + index * 86_400_000));
      if (index % 3 === 0) this.#responded.add(String(stepContact.id));
      if (index === 5) this.#finish(stepContact);
    });
  }

  #routes(): void {
    this.route('GET', '/sequences', (ctx) => {
      const title = ctx.query.get('title');
      const all = [...this.sequences.values()].filter((s) => title === null || String(s.title).toLowerCase().includes(title.toLowerCase()));
      return this.#page(ctx.query, all);
    });
    this.route('GET', '/sequences/:id', (ctx) => this.#withSequence(ctx, (sequence) => json(200, { data: sequence })));
    this.route('GET', '/sequences/:id/sequence_runs', (ctx) => this.#withSequence(ctx, (sequence) => this.#listRuns(ctx, sequence)));
    this.route('GET', '/sequences/:id/sequence_runs/:runId', (ctx) => {
      const run = this.runs.get(ctx.params.runId!);
      return run && run.sequence_id === ctx.params.id ? json(200, { data: run }) : this.error(404, 'Sequence run not found');
    });
    this.route('GET', '/sequences/:id/contacts', (ctx) => this.#withSequence(ctx, (sequence) => this.#listStepContacts(ctx, sequence)));
    this.route('POST', '/sequences/:id/contacts', (ctx) => this.#withSequence(ctx, (sequence) => this.#write(ctx, sequence, 'to')));
    this.route('DELETE', '/sequences/:id/contacts', (ctx) => this.#withSequence(ctx, (sequence) => this.#write(ctx, sequence, 'contacts')));
    this.route('POST', '/contacts/:id/sequences', (ctx) => this.#contactSequences(ctx));
  }

  #page(query: URLSearchParams | FakeRecord, items: FakeRecord[]): Response {
    const read = (key: string) =>
      query instanceof URLSearchParams ? query.get(key) : query[key] === undefined ? null : `${query[key] as string | number}`;
    const asked = Number(read('limit') ?? 50);
    const offset = Number(read('offset') ?? 0);
    // 500 is documented only on a contact's sequences (the one list read from a body); the other
    // lists' maxima are unpublished, so there the fake caps the page silently, as servers do.
    const documented = !(query instanceof URLSearchParams);
    if (!Number.isInteger(asked) || asked < 1 || (documented && asked > MAX_LIMIT))
      return this.error(422, `limit must be between 1 and ${MAX_LIMIT}`);
    const limit = Math.min(asked, MAX_LIMIT);
    if (!Number.isInteger(offset) || offset < 0) return this.error(422, 'offset must be 0 or more');
    return json(200, { data: items.slice(offset, offset + limit), total: items.length });
  }

  #withSequence(ctx: RouteContext, then: (sequence: FakeRecord) => Response): Response {
    return this.withItem(this.sequences, ctx.params.id!, 'Sequence not found', then);
  }

  #listRuns(ctx: RouteContext, sequence: FakeRecord): Response {
    const q = ctx.query;
    const before = q.has('before') ? Date.parse(q.get('before')!) : Number.POSITIVE_INFINITY;
    const after = q.has('after') ? Date.parse(q.get('after')!) : Number.NEGATIVE_INFINITY;
    if (Number.isNaN(before) || Number.isNaN(after)) return this.error(422, 'before and after must be ISO 8601 date-times');
    const runs = [...this.runs.values()].filter((run) => {
      const started = Date.parse(String(run.created_at));
      return (
        run.sequence_id === sequence.id &&
        (!q.has('phone') || (run.contact as FakeRecord).phone === q.get('phone')) &&
        (!q.has('status') || run.status === q.get('status')) &&
        (!q.has('channel_id') || run.channel_id === q.get('channel_id')) &&
        started <= before &&
        started >= after
      );
    });
    return this.#page(q, runs);
  }

  #listStepContacts(ctx: RouteContext, sequence: FakeRecord): Response {
    const q = ctx.query;
    const stepIds = q.get('step_ids')?.split(',');
    const responded = bool(q.get('responded'));
    const items = [...this.stepContacts.values()].filter(
      (sc) =>
        sc.sequence_id === sequence.id &&
        (!q.has('status') || sc.status === q.get('status')) &&
        (stepIds === undefined || stepIds.includes(String(sc.step_id))) &&
        (responded === undefined || this.#responded.has(String(sc.id)) === responded) &&
        (!q.has('unsubscribed') || sc.unsubscribed === bool(q.get('unsubscribed'))) &&
        (!q.has('clicked_link') || sc.clicked_link === bool(q.get('clicked_link'))),
    );
    return this.#page(q, items);
  }

  #write(ctx: RouteContext, sequence: FakeRecord, key: 'to' | 'contacts'): Response {
    const list = (ctx.body as FakeRecord | undefined)?.[key];
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CONTACTS) {
      return this.error(422, `${key} must be a list of 1 to ${MAX_CONTACTS} contacts`);
    }
    if (list.some((item) => typeof (item as FakeRecord)?.phone !== 'string'))
      return this.error(422, `every contact in ${key} needs a phone`);
    this.writes.push({ method: ctx.request.method, sequenceId: String(sequence.id), contacts: list.length });
    for (const item of list as FakeRecord[]) {
      const contact = this.#contactFor(item);
      if (key === 'contacts') {
        for (const sc of this.#stepContactsIn(sequence, contact)) {
          const was = sc.status;
          this.#finish(sc);
          if (was !== 'finished') this.#notify('updated', sc);
        }
      } else if (sequence.status !== 'draft') {
        const busy = this.#stepContactsIn(sequence, contact).some((sc) => ['active', 'pending'].includes(String(sc.status)));
        if (!busy) this.#notify('created', this.#enrol(sequence, contact, (ctx.body as FakeRecord).step_id as string | undefined));
      }
    }
    return json(202, {
      data: { message: key === 'to' ? 'Contacts are being added to the sequence' : 'Contacts are being removed from the sequence' },
    });
  }

  #notify(action: 'created' | 'updated', stepContact: FakeRecord): void {
    if (this.#webhooks)
      sendStepContactEvents(this.outbox, this.#webhooks, action, stepContact, this.#runOf.get(String(stepContact.id)), this.#uuid());
  }

  #stepContactsIn(sequence: FakeRecord, contact: FakeRecord): FakeRecord[] {
    return this.#stepContactsOf.get(`${String(sequence.id)}/${String(contact.id)}`) ?? [];
  }

  #contactFor(input: FakeRecord): FakeRecord {
    const existing = this.#contactByPhone.get(String(input.phone));
    if (existing) return existing;
    const contact: FakeRecord = { id: this.#uuid(), name: input.name ?? null, email: input.email ?? '', phone: input.phone };
    this.contacts.set(String(contact.id), contact);
    this.#contactByPhone.set(String(contact.phone), contact);
    return contact;
  }

  #enrol(sequence: FakeRecord, contact: FakeRecord, stepId: string | undefined, at = new Date()): FakeRecord {
    const steps = sequence.steps as FakeRecord[];
    const step = steps.find((s) => s.id === stepId) ?? steps[0]!;
    const { stepContact, run } = enrolmentRecords(this.#uuid, sequence, contact, step, whippyTime(at));
    this.stepContacts.set(String(stepContact.id), stepContact);
    const key = `${String(sequence.id)}/${String(contact.id)}`;
    this.#stepContactsOf.set(key, [...(this.#stepContactsOf.get(key) ?? []), stepContact]);
    this.runs.set(String(run.id), run);
    this.#runOf.set(String(stepContact.id), run);
    return stepContact;
  }

  #finish(stepContact: FakeRecord): void {
    stepContact.status = 'finished';
    stepContact.updated_at = whippyTime();
    const run = this.#runOf.get(String(stepContact.id));
    if (!run) return;
    run.status = 'finished';
    for (const part of run.step_contacts as FakeRecord[]) if (part.id === stepContact.id) part.status = 'finished';
  }

  #contactSequences(ctx: RouteContext): Response {
    const contact = this.contacts.get(ctx.params.id!);
    if (!contact) return this.error(404, 'Contact not found');
    const body = (ctx.body ?? {}) as FakeRecord;
    const entries: FakeRecord[] = [];
    for (const sequence of this.sequences.values()) {
      const latest = this.#stepContactsIn(sequence, contact).at(-1);
      if (latest) entries.push(contactSequenceEntry(sequence, latest));
    }
    const matches = entries.filter(
      (e) =>
        (body.sequence_id === undefined || (e.sequence as FakeRecord).id === body.sequence_id) &&
        (body.contact_status === undefined || e.contact_status === body.contact_status) &&
        (body.sequence_status === undefined || (e.sequence as FakeRecord).status === body.sequence_status),
    );
    return this.#page(body, matches);
  }
}
