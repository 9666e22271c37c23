import type { CloseClient } from '../close/client.js';
import type { CloseEvent } from '../close/event-types.js';
import { ApiError, NotFoundError } from '../core/errors.js';
import { listAll, runPass, type ListPlan } from './list-pass.js';
import type { StreamRun } from './stream.js';

/** Close's streams, in the order a sync runs them; `events` (the log itself) only when asked for. */
export const CLOSE_STREAMS = ['sequences', 'subscriptions', 'events'] as const;
/** The streams a sync runs when none are named. */
export const CLOSE_DEFAULT_STREAMS = ['sequences', 'subscriptions'] as const;
const OBJECT_TYPES = ['sequence', 'sequence_subscription'] as const;

/** The event log keeps 30 days: a watermark older than that cannot be caught up from it. */
const LOG_DAYS = 30;
const DAY_MS = 86_400_000;
/** One list per action: Close refuses `object_type` alone (the combinations in close/events.ts). */
const ACTIONS = ['created', 'updated', 'deleted'] as const;
const RANK: Record<string, number> = { created: 0, updated: 1, deleted: 2 };

/** Close's 400 past a list's `_skip` maximum, as a gap line; undefined for any other error. */
function skipRefusal(error: unknown, offset: number, parent: string | undefined): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400 || offset === 0) return undefined;
  const said = error.fieldErrors._skip ?? error.errors.find((message) => message.includes('_skip'));
  if (said === undefined) return undefined;
  const of = parent ? ` of sequence ${parent}` : '';
  return `incomplete: Close refused _skip=${offset}${of} (its _skip maximum: "${said}"); the rows read before it are kept, the rest of that list is not`;
}

function snapshotPlan(client: CloseClient, stream: string, signal: AbortSignal | undefined): ListPlan {
  const options = { signal };
  if (stream === 'sequences') return { list: (_, offset) => client.sequences.list({ _skip: offset }, options), refusal: skipRefusal };
  return {
    parents: (run) => listAll(run, client.sequences.list({}, options)),
    list: (parent, offset) => client.subscriptions.list({ sequence_id: parent!, _skip: offset }, options),
    refusal: skipRefusal,
  };
}

/** Keeps, per object, the latest change: by date, then deleted over updated over created. */
function keepLatest(latest: Map<string, CloseEvent>, event: CloseEvent): void {
  const known = latest.get(event.object_id);
  if (!known) return void latest.set(event.object_id, event);
  const [a, b] = [Date.parse(event.date_updated ?? ''), Date.parse(known.date_updated ?? '')];
  if (a > b || (a === b && (RANK[event.action] ?? 0) > (RANK[known.action] ?? 0))) latest.set(event.object_id, event);
}

/** The object after an event: the event's `data`, or (when the entry carries none) the object itself, fetched. */
async function objectAfter(run: StreamRun, client: CloseClient, event: CloseEvent): Promise<unknown> {
  const data = event.data as { id?: unknown } | null | undefined;
  if (data && data.id === event.object_id) return data;
  run.asked();
  const resource = run.stream === 'sequences' ? client.sequences : client.subscriptions;
  try {
    return await resource.retrieve(event.object_id, { signal: run.signal });
  } catch (error) {
    if (error instanceof NotFoundError) return undefined; // gone since: a later delete event says so
    throw error;
  }
}

/** Reads the event log from the watermark (one list per action) and applies every change in one commit. */
async function incremental(run: StreamRun, client: CloseClient): Promise<void> {
  run.report.mode = 'incremental';
  const startedAt = run.now();
  const objectType = run.stream === 'sequences' ? 'sequence' : 'sequence_subscription';
  const latest = new Map<string, CloseEvent>();
  for (const action of ACTIONS) {
    const filter = { object_type: objectType, action, date_updated__gte: run.state.watermark! };
    for await (const page of client.events.list(filter, { signal: run.signal }).pages()) {
      run.asked();
      for (const event of page.data) keepLatest(latest, event);
    }
  }
  const upsert: unknown[] = [];
  const remove: string[] = [];
  for (const event of latest.values()) {
    const object = event.action === 'deleted' ? undefined : await objectAfter(run, client, event);
    if (object === undefined) remove.push(event.object_id);
    else upsert.push(object);
  }
  // One commit for the run: events come newest first, so applying them page by page could let an
  // older change overwrite a newer one. A killed run reads the same events again next time.
  await run.commit({ upsert, delete: remove, state: run.finished({ mode: 'incremental', startedAt, index: 0, offset: 0, gaps: [] }) });
}

/**
 * The `events` stream: the log's entries about sequences and subscriptions, kept as rows (by
 * event id), read from the watermark (the first run: the 30 days the log keeps), in one commit.
 */
async function events(run: StreamRun, client: CloseClient): Promise<void> {
  const startedAt = run.now();
  const since = run.state.watermark ?? new Date(Date.parse(startedAt) - LOG_DAYS * DAY_MS).toISOString();
  run.report.mode = run.state.watermark ? 'incremental' : 'snapshot';
  const rows: CloseEvent[] = [];
  for (const object_type of OBJECT_TYPES) {
    for (const action of ACTIONS) {
      for await (const page of client.events.list({ object_type, action, date_updated__gte: since }, { signal: run.signal }).pages()) {
        run.asked();
        rows.push(...page.data);
      }
    }
  }
  await run.commit({ upsert: rows, state: run.finished({ mode: run.report.mode, startedAt, index: 0, offset: 0, gaps: [] }) });
}

/** Syncs one Close stream: continues a snapshot under way, takes one (first run, or past the log's 30 days), or applies the changes. */
export async function syncCloseStream(run: StreamRun, client: CloseClient): Promise<void> {
  if (run.stream === 'events') return events(run, client);
  const { watermark, pass } = run.state;
  const plan = snapshotPlan(client, run.stream, run.signal);
  if (pass || watermark === undefined) return runPass(run, plan, 'snapshot');
  if (Date.parse(watermark) < Date.parse(run.now()) - LOG_DAYS * DAY_MS) {
    run.warn(`last synced ${watermark}, longer ago than the event log's ${LOG_DAYS} days: taking a new snapshot`);
    return runPass(run, plan, 'snapshot');
  }
  return incremental(run, client);
}
