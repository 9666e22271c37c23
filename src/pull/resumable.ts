import { InvalidRequestError } from '../core/errors.js';
import type { PullPosition, PullSource } from './position.js';
import { drivePull, type PullSink, type PullState } from './walk.js';

/** A sink that keeps a pull's state with its data, so a later run can continue it. */
export interface ResumableSink<T> extends PullSink<T> {
  /** The state saved by an earlier run, if any. */
  saved(): Promise<PullState | undefined>;
  /** Prepares to write, continuing `from` (the unfinished saved state) or starting afresh. */
  begin(from: PullState | undefined): Promise<void>;
  /** Flushes and closes; `final` is the last state, absent after a failure. */
  close(final: PullState | undefined): Promise<void>;
}

/**
 * The list to pull: a `list()` result, or a function building it from where a resumed pull
 * continues (`undefined`: from the start), e.g.
 * `(at) => whippy.sequences.runs.list(id, { offset: at && 'offset' in at ? at.offset : 0 })`.
 */
export type PullInput<T> = PullSource<T> | ((from: PullPosition | undefined) => PullSource<T>);

/** Options every pull takes. */
export interface PullOptions {
  /** Continue the unfinished pull saved in the output, if there is one (default false: start afresh). */
  resume?: boolean;
  /** Stop after this many items in all. */
  limit?: number;
  /** Called after every committed page with the state reached (items, pages, the vendor's total). */
  onPage?: (state: PullState) => void;
  /** Called once before the first request with the saved state the pull continues, if any. */
  onStart?: (from: PullState | undefined) => void;
}

/** Runs a pull into a resumable sink: reads the saved state, builds the list from it, walks it. */
export async function pullInto<T>(input: PullInput<T>, sink: ResumableSink<T>, options: PullOptions): Promise<PullState> {
  const saved = options.resume ? await sink.saved() : undefined;
  const from = saved && !saved.complete ? saved : undefined;
  if (from?.position && typeof input !== 'function') {
    throw new InvalidRequestError('pull', [
      { path: 'resume', message: 'needs the list as a function of the position to continue from, e.g. (at) => client.x.list({ offset })' },
    ]);
  }
  options.onStart?.(from);
  const source = typeof input === 'function' ? input(from?.position) : input;
  let final: PullState | undefined;
  try {
    await sink.begin(from);
    final = await drivePull(source, sink, { from, limit: options.limit, onPage: options.onPage });
    return final;
  } finally {
    await sink.close(final);
  }
}
