import { SingleBar } from 'cli-progress';
import type { PullState } from '../pull/walk.js';
import { progressLine, summaryLine, type ProgressSnapshot } from './progress-line.js';

/** Counts what a pull has done and shows it on stderr, only when stderr is a terminal. */
export class Progress {
  #items = 0;
  #resumedAt = 0;
  #pages = 0;
  #total: number | undefined;
  #waits = 0;
  #note = '';
  readonly #started = Date.now();
  readonly #bar: SingleBar | undefined;

  constructor(enabled: boolean) {
    // cli-progress draws nothing when its stream is not a TTY (noTTYOutput is off): pipes and CI stay quiet.
    this.#bar = enabled ? new SingleBar({ stream: process.stderr, format: '{line}', hideCursor: true, clearOnComplete: false }) : undefined;
    this.#bar?.start(0, 0, { line: progressLine(this.snapshot()) });
  }

  /** Where a resumed pull starts counting from. */
  resumeFrom(state: PullState): void {
    this.#items = this.#resumedAt = state.items;
    this.#pages = state.pages;
    this.#total = state.total;
  }

  /** A page was committed: the pull's state now. */
  update(state: PullState): void {
    this.#items = state.items;
    this.#pages = state.pages;
    this.#total = state.total;
    this.#note = '';
    this.#render();
  }

  /** The client waits `ms` for a rate limit (e.g. Whippy's 10 writes a minute): shown until the next page. */
  pacing(ms: number, what: string): void {
    this.#waits++;
    this.#note = ` | waiting ${(ms / 1000).toFixed(1)} s for ${what}`;
    this.#render();
  }

  /** The client waited out a 429. */
  waited(): void {
    this.#waits++;
    this.#render();
  }

  /** Items written so far. */
  get items(): number {
    return this.#items;
  }

  /** Counts as of now. */
  snapshot(): ProgressSnapshot {
    const elapsedMs = Date.now() - this.#started;
    return { items: this.#items, resumedAt: this.#resumedAt, pages: this.#pages, total: this.#total, waits: this.#waits, elapsedMs };
  }

  /** The closing one-line summary. */
  summary(): string {
    return summaryLine(this.snapshot());
  }

  /** Draws the last state and leaves the line on screen. */
  stop(): void {
    this.#render();
    this.#bar?.stop();
  }

  #render(): void {
    this.#bar?.update(0, { line: progressLine(this.snapshot()) + this.#note });
  }
}
