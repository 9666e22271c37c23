import type { DedupeStore } from '../core/dedupe.js';
import { checkOptionKinds, isPlainObject } from '../core/client-options.js';
import { InvalidRequestError, type ValidationIssue } from '../core/errors.js';
import { handleOnce, leaseMs } from '../core/exactly-once.js';
import type { DateInput } from '../core/filter-builder.js';
import { closeEventKey, closeOrderingMark, type CloseReceivedEvent } from './dedupe.js';
import type { CloseEvent } from './event-types.js';
import type { EventListFilter } from './events.js';
import type { Paginated } from '../core/pagination.js';

/** Options of `close.events.catchUp`. */
export interface CatchUpOptions {
  /** Where to start: events updated at or after this (e.g. the last delivery's time, minus a margin). */
  since: DateInput;
  /** The receiver's `onEvent`: runs once per event not already handled (by a webhook or an earlier run). */
  onEvent: (event: CloseReceivedEvent) => void | Promise<void>;
  /** The webhook receiver's store, so deliveries and the log form one stream. */
  dedupe: DedupeStore;
  /** Narrows the walk (a combination Close supports, e.g. `object_type` + `action`). */
  filter?: Omit<EventListFilter, 'date_updated__gte' | 'date_updated__lte' | '_cursor' | '_limit'>;
  /** As the receiver's (default 60). */
  leaseSeconds?: number;
  /** As the receiver's (default `'on'`: an `updated` older than the object's last applied is skipped). */
  ordering?: 'on' | 'off';
  /** The clock, ms since the epoch (default `Date.now`); the walk ends at its time when called. */
  now?: () => number;
}

/** What a catch-up did. */
export interface CatchUpResult {
  /** Events in the window. */
  seen: number;
  /** Events whose `onEvent` ran now. */
  ran: number;
  /** Events handled before (by a webhook delivery or an earlier run). */
  duplicates: number;
  /** Updates older than the object's last applied one: skipped. */
  stale: number;
  /** Events another process was handling at that moment (its delivery answers once it is done). */
  busy: number;
}

const WHAT = 'events.catchUp options';

/** Refuses wrong options before the walk starts, naming each (the filter's own fields are checked by `events.list`). */
function checkCatchUpOptions(options: unknown): asserts options is CatchUpOptions {
  if (!isPlainObject(options)) throw new InvalidRequestError(WHAT, [{ path: WHAT, message: 'must be { since, onEvent, dedupe }' }]);
  checkOptionKinds(
    options,
    {
      since: 'date',
      onEvent: 'function',
      dedupe: 'object',
      filter: 'plainObject',
      leaseSeconds: 'positive',
      ordering: 'string',
      now: 'function',
    },
    WHAT,
  );
  const issues: ValidationIssue[] = [];
  if (options.since === undefined) issues.push({ path: 'since', message: 'is required (where the walk starts)' });
  if (typeof options.onEvent !== 'function') issues.push({ path: 'onEvent', message: 'is required (a function)' });
  const dedupe = options.dedupe as Partial<DedupeStore> | undefined;
  if (typeof dedupe?.claim !== 'function' || typeof dedupe.complete !== 'function' || typeof dedupe.release !== 'function')
    issues.push({ path: 'dedupe', message: "is required: the receiver's dedupe store (claim, complete, release)" });
  if (options.ordering !== undefined && options.ordering !== 'on' && options.ordering !== 'off')
    issues.push({ path: 'ordering', message: "must be 'on' or 'off'" });
  if (issues.length > 0) throw new InvalidRequestError(WHAT, issues);
}

/**
 * Walks the event log from `since` to now, oldest first, through the dedupe store: each event's
 * `onEvent` runs unless a webhook delivery (or an earlier catch-up) already handled it. The
 * window's events are held in memory to be replayed oldest first (Close lists latest first), so
 * pick `since` near the gap. An `onEvent` that throws stops the walk (its claim released) and
 * rejects with its error; a second run continues where it stopped.
 */
export async function catchUpEvents(
  list: (filter: EventListFilter) => Paginated<CloseEvent>,
  options: CatchUpOptions,
): Promise<CatchUpResult> {
  checkCatchUpOptions(options);
  const now = options.now ?? Date.now;
  const run = { leaseMs: leaseMs(options.leaseSeconds), now };
  const window: CloseEvent[] = [];
  for await (const event of list({ ...options.filter, date_updated__gte: options.since, date_updated__lte: new Date(now()) }))
    window.push(event);
  const result: CatchUpResult = { seen: window.length, ran: 0, duplicates: 0, stale: 0, busy: 0 };
  const counts = { ran: 'ran', duplicate: 'duplicates', stale: 'stale', busy: 'busy' } as const;
  for (const event of window.reverse()) {
    const received: CloseReceivedEvent = { vendor: 'close', key: closeEventKey(event) ?? `close:${event.id}`, event: { event } };
    const mark = options.ordering === 'off' ? undefined : closeOrderingMark(event);
    const outcome = await handleOnce(options.dedupe, received.key, mark, run, async () => {
      await options.onEvent(received);
    });
    result[counts[outcome.outcome]]++;
  }
  return result;
}
