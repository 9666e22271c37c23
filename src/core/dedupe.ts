import { SequenceSdkError } from './errors.js';

/** What {@link DedupeStore.claim} found: the key is now ours, already done, or held by another live claim. */
export type ClaimResult =
  | { state: 'claimed' }
  | { state: 'done' }
  | {
      state: 'busy';
      /** Until the other holder's lease runs out, in ms. */
      retryAfterMs: number;
    };

/**
 * Where "this event was handled" is kept, shared by every replica that receives the same events.
 * Every method is atomic on its own; times are ms since the epoch, given by the caller (one
 * clock for the whole receiver, injectable in tests).
 */
export interface DedupeStore {
  /** Claims `key` for `leaseMs` unless it is done, or claimed by a lease that has not run out. */
  claim(key: string, token: string, leaseMs: number, now: number): Promise<ClaimResult>;
  /** Marks `key` done (kept for the store's retention), whoever holds it now. */
  complete(key: string, now: number): Promise<void>;
  /** Gives up the claim, if `token` still holds it, so the next delivery runs again. */
  release(key: string, token: string): Promise<void>;
  /** The highest value raised for `name` (Close ordering: an object's last applied `date_updated`). */
  watermark(name: string, now: number): Promise<number | undefined>;
  /** Raises the watermark of `name` to `value` if it is higher (kept for the store's retention). */
  raiseWatermark(name: string, value: number, now: number): Promise<void>;
}

/** Options every dedupe store takes. */
export interface DedupeStoreOptions {
  /** How long a done key (and a watermark) is kept, in seconds (default 7 days: longer than every vendor's retries). */
  retentionSeconds?: number;
}

/** Seven days, in ms: Close retries for 72 h, the others for less. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** The retention in ms, checked. */
export function retentionMs(options: DedupeStoreOptions | undefined): number {
  const seconds = options?.retentionSeconds;
  if (seconds === undefined) return DEFAULT_RETENTION_MS;
  if (typeof seconds !== 'number' || !(seconds > 0) || !Number.isFinite(seconds))
    throw new SequenceSdkError('retentionSeconds must be a positive number of seconds');
  return seconds * 1000;
}

/** A dedupe store failed (down, locked, unreachable): nothing was decided, the delivery must be retried. */
export class DedupeStoreError extends SequenceSdkError {
  override name = 'DedupeStoreError';
}

/** A fresh claim token. */
export function claimToken(): string {
  return crypto.randomUUID();
}
