import { json, type FakeRecord, type RouteContext, type RouteHandler } from '../fake-api.js';
import { signCloseWebhook } from '../webhook-signers.js';
import { WebhookOutbox } from '../webhook-outbox.js';

// The server's own copy of the supported `/event/` filter combinations (Close's spec), so the
// fake refuses what Close refuses even if the client's check were wrong.
const COMBINATIONS = [
  'object_id,object_type',
  'action,object_type',
  'action,object_id',
  'lead_id,object_type',
  'action,lead_id,object_type',
  'lead_id,object_type,user_id',
  'action,lead_id,object_type,user_id',
  'lead_id,user_id',
  'object_id,user_id',
  'action,object_id,user_id',
  'object_type,user_id',
  'action,object_type,user_id',
  'lead_id',
  'user_id',
  'request_id',
  '',
];
const SCOPES = ['object_type', 'object_id', 'action', 'lead_id', 'user_id', 'request_id'];
const MAX_EVENTS = 50;
/** How long Close keeps an event: 30 days. */
const RETENTION_MS = 30 * 86_400_000;

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Adds one route to a fake (its protected `route`, handed over). */
export type RouteRegistrar = (method: string, path: string, handler: RouteHandler) => void;

/**
 * The Close fake's event log and webhook subscriptions: every change the fake makes is logged
 * as an event, served on `/event/` (latest first, cursor-paged), and delivered, signed with the
 * subscription's own key, to each active `/webhook/` subscription that asked for it.
 */
export class CloseEventLog {
  /** Events, oldest first. */
  readonly events: FakeRecord[] = [];
  /** Webhook subscriptions by id (with their `signature_key`). */
  readonly webhooks = new Map<string, FakeRecord>();
  /** Webhooks sent. */
  readonly outbox = new WebhookOutbox();
  readonly #newId: (prefix: string) => string;
  readonly #base: FakeRecord;
  readonly #clock: () => Date;

  /** `clock` dates the events; entries older than 30 days on it are forgotten, as Close does. */
  constructor(newId: (prefix: string) => string, base: FakeRecord, clock: () => Date = () => new Date()) {
    this.#newId = newId;
    this.#base = base;
    this.#clock = clock;
  }

  /** Logs a change to an object and delivers it to matching subscriptions. */
  record(objectType: string, action: string, object: FakeRecord, previous?: FakeRecord): void {
    const now = this.#clock().toISOString();
    const changed = previous ? Object.keys(object).filter((key) => JSON.stringify(object[key]) !== JSON.stringify(previous[key])) : [];
    const event: FakeRecord = {
      ...this.#base,
      id: this.#newId('ev'),
      object_type: objectType,
      object_id: object.id,
      action,
      lead_id: object.lead_id ?? null,
      request_id: `req_${randomHex(8)}`,
      changed_fields: changed,
      data: structuredClone(object),
      previous_data: previous ? Object.fromEntries(changed.map((key) => [key, previous[key]])) : {},
      meta: {},
      date_created: now,
      date_updated: now,
    };
    this.events.push(event);
    for (const hook of this.webhooks.values()) {
      const wanted = (hook.events as FakeRecord[]).some((spec) => spec.object_type === objectType && spec.action === action);
      if (hook.status !== 'active' || !wanted) continue;
      const body = JSON.stringify({ subscription_id: hook.id, event });
      this.outbox.send(String(hook.url), body, () => signCloseWebhook(body, String(hook.signature_key)));
    }
  }

  /** Adds the `/event/` and `/webhook/` routes. */
  install(route: RouteRegistrar): void {
    route('GET', '/event/', (ctx) => this.#list(ctx));
    route('GET', '/event/:id/', (ctx) => this.#one(this.events.find((e) => e.id === ctx.params.id)));
    route('GET', '/webhook/', () =>
      json(200, { data: [...this.webhooks.values()].map(({ signature_key: _, ...hook }) => hook), has_more: false }),
    );
    route('POST', '/webhook/', (ctx) => this.#createWebhook(ctx.body as FakeRecord | undefined));
    route('GET', '/webhook/:id/', (ctx) => this.#one(this.#hook(ctx)));
    route('PUT', '/webhook/:id/', (ctx) => {
      const hook = this.#hook(ctx);
      return hook ? json(200, Object.assign(hook, ctx.body, { date_updated: new Date().toISOString() })) : this.#one(undefined);
    });
    route('DELETE', '/webhook/:id/', (ctx) => (this.webhooks.delete(ctx.params.id!) ? json(200, {}) : this.#one(undefined)));
  }

  #hook(ctx: RouteContext): FakeRecord | undefined {
    return this.webhooks.get(ctx.params.id!);
  }

  #one(item: FakeRecord | undefined): Response {
    if (!item) return json(404, { error: 'Not found' });
    const { signature_key: _, ...shown } = item;
    return json(200, shown);
  }

  #createWebhook(body: FakeRecord | undefined): Response {
    const events = body?.events;
    if (typeof body?.url !== 'string' || !Array.isArray(events) || events.length === 0) {
      return json(400, {
        errors: [],
        'field-errors': { ...(typeof body?.url === 'string' ? {} : { url: 'This field is required.' }), events: 'This field is required.' },
      });
    }
    const now = new Date().toISOString();
    const hook: FakeRecord = {
      verify_ssl: true,
      ...body,
      id: this.#newId('whsub'),
      status: 'active',
      signature_key: randomHex(32),
      date_created: now,
      date_updated: now,
    };
    this.webhooks.set(String(hook.id), hook);
    return json(201, hook);
  }

  /** Drops the events older than the log keeps (30 days on the clock). */
  #forget(): void {
    const oldest = new Date(this.#clock().getTime() - RETENTION_MS).toISOString();
    const keep = this.events.findIndex((event) => String(event.date_updated) >= oldest);
    this.events.splice(0, keep < 0 ? this.events.length : keep);
  }

  #list(ctx: RouteContext): Response {
    this.#forget();
    const q = ctx.query;
    const used = SCOPES.filter((key) => q.has(key))
      .sort()
      .join(',');
    if (!COMBINATIONS.includes(used)) return json(400, { error: `Unsupported filter combination: ${used}` });
    const limit = Math.min(Number(q.get('_limit') ?? MAX_EVENTS), MAX_EVENTS);
    const from = q.get('date_updated__gte');
    const to = q.get('date_updated__lte');
    let matches = [...this.events]
      .reverse()
      .filter((e) => SCOPES.every((key) => !q.has(key) || e[key] === q.get(key)))
      .filter((e) => (!from || String(e.date_updated) >= from) && (!to || String(e.date_updated) <= to));
    const cursor = q.get('_cursor');
    if (cursor) {
      const at = matches.findIndex((e) => e.id === cursor.slice(2));
      if (at < 0) return json(400, { error: 'Invalid cursor' });
      matches = cursor.startsWith('n_') ? matches.slice(at + 1) : matches.slice(Math.max(0, at - limit), at);
    }
    const page = matches.slice(0, limit);
    const more = matches.length > limit;
    return json(200, {
      data: page,
      cursor_next: more ? `n_${String(page.at(-1)!.id)}` : null,
      cursor_previous: page.length > 0 && cursor ? `p_${String(page[0]!.id)}` : null,
    });
  }
}
