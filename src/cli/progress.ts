import { SingleBar } from 'cli-progress';

/** Counts what a pull has done and shows it on stderr, only when stderr is a terminal. */
export class Progress {
  #items = 0;
  #pages = 0;
  #waits = 0;
  readonly #started = Date.now();
  readonly #bar: SingleBar | undefined;

  constructor(enabled: boolean) {
    // cli-progress draws nothing when its stream is not a TTY (noTTYOutput is off): pipes and CI stay quiet.
    this.#bar = enabled
      ? new SingleBar({
          stream: process.stderr,
          format: '{items} items | {pages} pages | {rate}/s | {waits} rate-limit waits',
          hideCursor: true,
          clearOnComplete: false,
        })
      : undefined;
    this.#bar?.start(0, 0, this.#payload());
  }

  /** One more item written. */
  item(): void {
    this.#items++;
    if (this.#items % 50 === 0) this.#render();
  }

  /** One more page fetched. */
  page(): void {
    this.#pages++;
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

  /** Draws the last state and leaves the line on screen. */
  stop(): void {
    this.#render();
    this.#bar?.stop();
  }

  #payload() {
    const seconds = Math.max(0.001, (Date.now() - this.#started) / 1000);
    return { items: this.#items, pages: this.#pages, waits: this.#waits, rate: Math.round(this.#items / seconds) };
  }

  #render(): void {
    this.#bar?.update(0, this.#payload());
  }
}
