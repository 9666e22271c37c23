import type { SyncSink } from './sink.js';
import type { PassState, StreamReport, StreamState, SyncVendor } from './types.js';

/** How far behind its start a pass sets the next watermark: the vendor's clock may differ from ours. */
export const CLOCK_MARGIN_MS = 5 * 60_000;

/** One stream's run: where it writes, its counters, its state. Every write goes through {@link commit}. */
export class StreamRun {
  readonly report: StreamReport = { mode: 'incremental', inserted: 0, updated: 0, deleted: 0, requests: 0, complete: true };
  state: StreamState;
  readonly vendor: SyncVendor;
  readonly stream: string;
  readonly table: string;
  readonly #sink: SyncSink;
  readonly #now: () => Date;
  readonly #warn: (line: string) => void;
  readonly signal: AbortSignal | undefined;
  /** Called after every commit (progress). */
  onCommit: ((run: StreamRun) => void) | undefined;

  constructor(init: {
    sink: SyncSink;
    vendor: SyncVendor;
    stream: string;
    state: StreamState | undefined;
    now: () => Date;
    warn: (line: string) => void;
    signal?: AbortSignal | undefined;
  }) {
    this.#sink = init.sink;
    this.vendor = init.vendor;
    this.stream = init.stream;
    this.table = `${init.vendor}_${init.stream}`;
    this.state = init.state ?? { version: 1 };
    this.#now = init.now;
    this.#warn = init.warn;
    this.signal = init.signal;
  }

  /** Now, on the sync's clock, as ISO 8601. */
  now(): string {
    return this.#now().toISOString();
  }

  /** A watermark for a pass that started at `startedAt`: a little earlier, for clock differences. */
  static watermarkOf(startedAt: string): string {
    return new Date(Date.parse(startedAt) - CLOCK_MARGIN_MS).toISOString();
  }

  /** Says something once, on its own line, prefixed by vendor and stream. */
  warn(message: string): void {
    this.#warn(`${this.vendor} ${this.stream}: ${message}`);
  }

  /** Counts a request the stream made. */
  asked(count = 1): void {
    this.report.requests += count;
  }

  /** Commits one page: rows, deletions, an optional sweep and the new state, in one transaction. */
  async commit(change: {
    upsert?: readonly unknown[];
    delete?: readonly (string | number)[];
    sweepBefore?: string;
    state: StreamState;
  }): Promise<void> {
    this.signal?.throwIfAborted();
    const tx = await this.#sink.begin();
    try {
      const counts = change.upsert?.length ? await tx.upsert(this.table, change.upsert, this.now()) : { inserted: 0, updated: 0 };
      let deleted = change.delete?.length ? await tx.delete(this.table, change.delete) : 0;
      if (change.sweepBefore !== undefined) deleted += await tx.deleteStale(this.table, change.sweepBefore);
      await tx.writeState(this.vendor, this.stream, change.state);
      await tx.commit();
      this.report.inserted += counts.inserted;
      this.report.updated += counts.updated;
      this.report.deleted += deleted;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
    this.state = change.state;
    this.onCommit?.(this);
  }

  /** Ends a pass: the watermark moves to its start; a snapshot's gaps replace the earlier ones, an incremental pass keeps them. */
  finished(pass: PassState): StreamState {
    const gaps = pass.mode === 'snapshot' ? pass.gaps : [...(this.state.gaps ?? []), ...pass.gaps];
    this.report.complete = gaps.length === 0;
    return { version: 1, watermark: StreamRun.watermarkOf(pass.startedAt), ...(gaps.length ? { gaps } : {}) };
  }
}
