import type { AcquireRequest, AcquireResult, RateBudget, RateLimitScope, RateLimitStore, SettleReport } from './rate-limit-store.js';

/** The server's window of one endpoint group (or of the whole credential: group `''`). */
interface GroupState {
  /** `announced`: the `remaining` of the answer it came from. */
  window: { remaining: number; resetAt: number; announced: number } | undefined;
  /** The longest reset announced: about the window's length. */
  windowLength: number;
  /** Ticket → time after which it no longer counts as in flight. */
  inFlight: Map<number, number>;
}

interface ScopeState {
  seq: number;
  buckets: Map<string, { tokens: number; at: number }>;
  /** Send times per sliding budget, ascending (reservations may lie in the future). */
  logs: Map<string, number[]>;
  groups: Map<string, GroupState>;
  holds: Map<string, number>;
  expiresAt: number;
}

function groupOf(state: ScopeState, group: string | undefined): GroupState {
  let found = state.groups.get(group ?? '');
  if (!found) state.groups.set(group ?? '', (found = { window: undefined, windowLength: 0, inFlight: new Map() }));
  return found;
}

/** The ms a bucket or a sliding budget makes a request wait from `now`. */
function budgetDelay(state: ScopeState, budget: RateBudget, now: number): number {
  if (budget.kind === 'bucket') {
    const size = budget.burst ?? budget.limit;
    const bucket = state.buckets.get(budget.name) ?? { tokens: size, at: now };
    const tokens = Math.min(size, bucket.tokens + ((now - bucket.at) * budget.limit) / budget.windowMs);
    state.buckets.set(budget.name, { tokens, at: now });
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * budget.windowMs) / budget.limit);
  }
  const log = (state.logs.get(budget.name) ?? []).filter((sentAt) => sentAt > now - budget.windowMs);
  state.logs.set(budget.name, log);
  return log.length < budget.limit ? 0 : Math.max(0, log[log.length - budget.limit]! + budget.windowMs - now);
}

/** The ms a hold or a spent server window makes a request wait (nothing to reserve), with why. */
function blocked(
  state: ScopeState,
  group: GroupState,
  holds: readonly string[],
  now: number,
): { waitMs: number; reason: string } | undefined {
  let waitMs = 0;
  let reason = '';
  for (const name of holds) {
    const until = state.holds.get(name) ?? 0;
    if (until > now && until - now > waitMs) [waitMs, reason] = [until - now, `hold:${name}`];
  }
  // A window past its reset is kept (settle tells its late answers apart) but stops nothing.
  const window = group.window;
  if (window && now < window.resetAt && window.remaining <= 0 && window.resetAt - now > waitMs) {
    [waitMs, reason] = [window.resetAt - now, 'window'];
  }
  return waitMs > 0 ? { waitMs, reason } : undefined;
}

/**
 * The in-process store: the default of every client (one per client). Pass one instance to
 * several clients with the same credential to share a budget inside one process.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #scopes = new Map<string, ScopeState>();

  #state(scope: RateLimitScope, ttlMs: number, now: number): ScopeState {
    const key = `${scope.vendor}:${scope.id}`;
    let state = this.#scopes.get(key);
    if (!state || state.expiresAt <= now) {
      for (const [name, old] of this.#scopes) if (old.expiresAt <= now) this.#scopes.delete(name);
      state = {
        seq: 0,
        buckets: new Map(),
        logs: new Map(),
        groups: new Map(),
        holds: new Map(),
        expiresAt: 0,
      };
      this.#scopes.set(key, state);
    }
    state.expiresAt = now + ttlMs;
    return state;
  }

  /** Reserves a slot for one request, or says how long to wait before asking again. */
  acquire(scope: RateLimitScope, request: AcquireRequest, now = Date.now()): AcquireResult {
    const state = this.#state(scope, request.ttlMs, now);
    const group = groupOf(state, request.group);
    const stop = blocked(state, group, request.holds, now);
    if (stop) return stop;
    let delayMs = 0;
    let reason = '';
    for (const budget of request.budgets) {
      const delay = budgetDelay(state, budget, now);
      if (delay > delayMs) [delayMs, reason] = [delay, budget.name];
    }
    // Reserve the slot in every budget at once: tokens may go below zero (the wait pays the debt).
    for (const budget of request.budgets) {
      if (budget.kind === 'bucket') state.buckets.get(budget.name)!.tokens -= 1;
      else state.logs.get(budget.name)!.push(now + delayMs);
    }
    if (group.window && now < group.window.resetAt) group.window.remaining -= 1;
    state.seq += 1;
    if (request.track !== false) group.inFlight.set(state.seq, now + delayMs + request.leaseMs);
    return { ticket: state.seq, delayMs, reason };
  }

  /** Ends a ticket, with what its answer said about the server's limit. */
  settle(scope: RateLimitScope, report: SettleReport, now = Date.now()): void {
    const state = this.#state(scope, report.ttlMs, now);
    const group = groupOf(state, report.group);
    group.inFlight.delete(report.ticket);
    for (const [ticket, until] of group.inFlight) if (until <= now) group.inFlight.delete(ticket);
    if (report.hold) state.holds.set(report.hold.name, Math.max(state.holds.get(report.hold.name) ?? 0, now + report.hold.ms));
    const announced = report.window;
    if (!announced) return;
    // Requests are answered out of order (across processes, across a reset): an answer from an
    // earlier window (its reset half a window or more before) says nothing; one from a later window
    // replaces it; within one window, the answer that left least is the latest the server counted
    // (whatever its ticket, whenever it arrives): one that left more says less.
    const window = group.window;
    group.windowLength = Math.max(group.windowLength, announced.resetMs);
    const resetAt = now + announced.resetMs;
    // (A window's answers agree on its reset within half a window; the last window is kept past its reset.)
    const half = group.windowLength / 2;
    if (window && resetAt <= window.resetAt + half) {
      if (resetAt < window.resetAt - half || now >= window.resetAt) return; // an earlier window, or the one that ended
      if (announced.remaining > window.announced) return;
    }
    // Every other request in flight may not have been counted by the server yet.
    group.window = { remaining: announced.remaining - group.inFlight.size, resetAt, announced: announced.remaining };
  }
}

/** A new in-process {@link RateLimitStore}: clients given the same one share their budget within this process. */
export function memoryRateLimitStore(): RateLimitStore {
  return new MemoryRateLimitStore();
}
