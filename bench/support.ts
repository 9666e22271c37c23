import { fork, type ChildProcess } from 'node:child_process';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Starts bench/server.ts in its own process; resolves with its URL and a stop function. */
export async function startBenchServer(): Promise<{ url: string; stop: () => void; child: ChildProcess }> {
  const child = fork(new URL('./server.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, child, stop: () => child.disconnect() };
}

/**
 * Times two contenders in alternating rounds (A then B, then B then A, …) so that machine noise
 * hits both alike; returns each one's per-operation durations in ms.
 */
export async function interleave(rounds: number, perRound: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const times = { a: [] as number[], b: [] as number[] };
  const run = async (fn: () => Promise<unknown>, into: number[]) => {
    for (let i = 0; i < perRound; i++) {
      const started = performance.now();
      await fn();
      into.push(performance.now() - started);
    }
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await run(a, times.a);
      await run(b, times.b);
    } else {
      await run(b, times.b);
      await run(a, times.a);
    }
  }
  return times;
}

/** One row of the results table. */
export interface Result {
  target: string;
  measured: string;
  limit: string;
  ok: boolean;
}
