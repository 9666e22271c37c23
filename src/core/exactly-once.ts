import { SequenceSdkError } from './errors.js';
import { claimToken, DedupeStoreError, type DedupeStore } from './dedupe.js';

/** What {@link runOnce} did. */
export type RunOutcome =
  | { outcome: 'ran' }
  | { outcome: 'duplicate' }
  | {
      outcome: 'busy';
      /** The other holder's lease left, in ms. */
      retryAfterMs: number;
    };

/** How {@link runOnce} claims. */
export interface RunOnceOptions {
  leaseMs: number;
  now: () => number;
}

/** Runs a store call; any failure becomes a {@link DedupeStoreError} (its cause kept). */
export async function storeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new DedupeStoreError(`the dedupe store failed to ${what}`, { cause });
  }
}

/**
 * Runs `effect` at most once per key to success, across every process on the store: claims the
 * key with a lease, marks it done when `effect` resolves, releases it when `effect` throws (and
 * rethrows, so the vendor's retry runs it again). A key done before is a duplicate; one claimed
 * by a live lease elsewhere is busy (not done yet: the caller must not acknowledge it).
 * Store failures throw {@link DedupeStoreError}.
 */
export async function runOnce(store: DedupeStore, key: string, options: RunOnceOptions, effect: () => Promise<void>): Promise<RunOutcome> {
  const token = claimToken();
  const claim = await storeCall('claim a key', () => store.claim(key, token, options.leaseMs, options.now()));
  if (claim.state === 'done') return { outcome: 'duplicate' };
  if (claim.state === 'busy') return { outcome: 'busy', retryAfterMs: claim.retryAfterMs };
  try {
    await effect();
  } catch (error) {
    // The effect's error matters more than a failed release: the lease runs out by itself.
    await store.release(key, token).catch(() => undefined);
    throw error;
  }
  await storeCall('mark a key done', () => store.complete(key, options.now()));
  return { outcome: 'ran' };
}

/** An ordering check: `name`'s watermark, and this event's place on it (Close: an object's `date_updated`). */
export interface OrderingMark {
  name: string;
  value: number;
}

/** What {@link handleOnce} did with one event. */
export type HandleOutcome = { outcome: 'ran' | 'duplicate' | 'stale' } | { outcome: 'busy'; retryAfterMs: number };

/**
 * One event through the store: skipped as stale when its mark is below the watermark, else
 * {@link runOnce}; a done event (now or before) raises the watermark. Shared by the webhook
 * receiver and Close's catch-up, so both form one stream.
 */
export async function handleOnce(
  store: DedupeStore,
  key: string,
  mark: OrderingMark | undefined,
  options: RunOnceOptions,
  effect: () => Promise<void>,
): Promise<HandleOutcome> {
  if (mark) {
    const last = await storeCall('read a watermark', () => store.watermark(mark.name, options.now()));
    if (last !== undefined && mark.value < last) return { outcome: 'stale' };
  }
  const result = await runOnce(store, key, options, effect);
  if (mark && result.outcome !== 'busy')
    await storeCall('raise a watermark', () => store.raiseWatermark(mark.name, mark.value, options.now()));
  return result;
}

/** `leaseSeconds` in ms, checked (default 60 s). */
export function leaseMs(leaseSeconds: number | undefined): number {
  if (leaseSeconds === undefined) return 60_000;
  if (typeof leaseSeconds !== 'number' || !(leaseSeconds >= 1) || !Number.isFinite(leaseSeconds))
    throw new SequenceSdkError('leaseSeconds must be a number of seconds, 1 or more');
  return leaseSeconds * 1000;
}
