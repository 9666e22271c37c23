import type { WithResponse } from './api-promise.js';
import { SequenceSdkError } from './errors.js';

/** One chunk of a batch as it was sent. */
export interface BatchChunk<Item> {
  /** Position of the chunk (0-based). */
  index: number;
  /** Index, in the caller's list, of the chunk's first item. */
  start: number;
  /** The items of this chunk. */
  items: Item[];
}

/** A chunk that succeeded, with what the vendor answered for it. */
export interface CompletedChunk<Result> {
  /** Position of the chunk (0-based). */
  index: number;
  /** Index, in the caller's list, of the chunk's first item. */
  start: number;
  /** Items in the chunk. */
  count: number;
  /** What the vendor answered. */
  result: Result;
}

/**
 * A chunked batch failed part-way. The chunks before the failing one were sent and accepted:
 * `completed` says which, so nothing already done is hidden; `cause` is the failing call's error.
 */
export class BatchError<Result = unknown> extends SequenceSdkError {
  override name = 'BatchError';
  /** Chunks that succeeded before the failure. */
  declare readonly completed: CompletedChunk<Result>[];
  /** Index, in the caller's list, of the first item that was not accepted. */
  declare readonly failedAt: number;
  /** Items in the caller's list. */
  declare readonly total: number;

  constructor(what: string, completed: CompletedChunk<Result>[], failedAt: number, total: number, cause: unknown) {
    const done = completed.reduce((sum, chunk) => sum + chunk.count, 0);
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${what} failed at item ${failedAt} of ${total}: ${done} item(s) in ${completed.length} earlier call(s) were already accepted (items 0-${failedAt - 1}). ${reason}`,
      { cause },
    );
    this.completed = completed;
    this.failedAt = failedAt;
    this.total = total;
  }
}

/** Splits `items` into chunks of at most `size`. */
export function chunk<Item>(items: readonly Item[], size: number): BatchChunk<Item>[] {
  const chunks: BatchChunk<Item>[] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push({ index: chunks.length, start, items: items.slice(start, start + size) });
  }
  return chunks;
}

/**
 * Sends chunks one after another. If a chunk fails after others succeeded, throws
 * {@link BatchError} naming what was done; if the first fails, nothing was done and its own error is thrown.
 */
export async function sendInChunks<Item, Result>(
  what: string,
  items: readonly Item[],
  size: number,
  send: (chunk: BatchChunk<Item>) => Promise<Result>,
): Promise<CompletedChunk<Result>[]> {
  const completed: CompletedChunk<Result>[] = [];
  for (const part of chunk(items, size)) {
    try {
      completed.push({ index: part.index, start: part.start, count: part.items.length, result: await send(part) });
    } catch (error) {
      if (completed.length === 0) throw error;
      throw new BatchError(what, completed, part.start, items.length, error);
    }
  }
  return completed;
}

/** A batch's merged result with the last call's response (a batch makes at least one call: empty lists are refused). */
export function withLastResponse<T>(calls: readonly WithResponse<unknown>[], data: T): WithResponse<T> {
  const final = calls[calls.length - 1];
  if (final === undefined) throw new Error('no call made');
  return {
    data,
    response: final.response,
    get rateLimit() {
      return final.rateLimit;
    },
  };
}
