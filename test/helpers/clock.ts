// A fake clock for code that only waits on timers (no sockets): setTimeout, clearTimeout and Date
// are vitest's fakes, and whenever the test waits the clock jumps to the next timer. Waits cost no
// real time, and an elapsed interval is exact, whatever the machine's load.
import { afterEach, beforeEach, vi } from 'vitest';

/** Puts every test of the calling file on the jumping fake clock, starting at 0. */
export function useJumpingClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setTimerTickMode('nextTimerAsync');
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** The fake ms `task` took to settle (it must succeed). */
export async function elapsed(task: () => unknown): Promise<number> {
  const started = Date.now();
  await task();
  return Date.now() - started;
}
