// Runs before every test file: the client's own backoff shrinks from 0.5 s, 1 s, 2 s … 8 s to
// 10 ms, 20 ms, 40 ms … 80 ms, so retry tests pin how often and why, not how long. The real
// schedule is pinned by test/core/retry-decision.test.ts, which passes DEFAULT_BACKOFF itself.
import { backoffTiming } from '../../src/core/retry-decision.js';

backoffTiming.baseMs = 10;
backoffTiming.maxMs = 80;
