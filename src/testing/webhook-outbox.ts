/** One webhook a fake sent. */
export interface WebhookDelivery {
  url: string;
  /** The exact body sent. */
  body: string;
  headers: Record<string, string>;
  /** The receiver's status, or undefined when the request failed. */
  status?: number;
  /** Why the request failed (connection refused, …). */
  error?: string;
}

/**
 * Where a fake's webhooks leave from: each is POSTed over real HTTP once (no retries), and kept
 * in `deliveries`. `settled()` waits for those queued, so a test can await them.
 */
export class WebhookOutbox {
  /** Deliveries made, oldest first (the latest 500). */
  readonly deliveries: WebhookDelivery[] = [];
  // One after another, in the order the changes happened, as a receiver would expect.
  #tail: Promise<void> = Promise.resolve();

  /** Queues one webhook, sent in the background; signing (async) happens just before the POST. */
  send(url: string, body: string, sign: () => Promise<Record<string, string>>): void {
    this.#tail = this.#tail.then(() => this.#deliver(url, body, sign));
  }

  /** Resolves once every queued delivery is done. */
  async settled(): Promise<void> {
    let tail;
    do {
      tail = this.#tail;
      await tail;
    } while (tail !== this.#tail);
  }

  async #deliver(url: string, body: string, sign: () => Promise<Record<string, string>>): Promise<void> {
    const delivery: WebhookDelivery = { url, body, headers: {} };
    if (this.deliveries.length >= 500) this.deliveries.shift();
    this.deliveries.push(delivery);
    try {
      delivery.headers = { 'content-type': 'application/json', ...(await sign()) };
      // A receiver that never answers must not hold every later delivery (they go out in order).
      const response = await fetch(url, { method: 'POST', headers: delivery.headers, body, signal: AbortSignal.timeout(10_000) });
      delivery.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }
}
