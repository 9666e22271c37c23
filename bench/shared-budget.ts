// N processes on one credential against fakes that enforce the vendor's limit across all of them:
// shared through one Redis store, then each pacing alone (the overshoot the store removes).
// Used by `npm run bench` (bench/run.ts) and by test/redis/shared-budget.e2e.test.ts.
import { spawn } from 'node:child_process';
import type { FakeServer } from 'sequence-apis/testing';
import type { WorkerConfig, WorkerReport } from './shared-worker.ts';

/** How one vendor's limit was held over the run. */
export interface HeldLimit {
  /** Answers that were not 429, inside the run. */
  served: number;
  /** The most the fake would serve in that time. */
  allowed: number;
  /** Answers 429, inside the run. */
  limited: number;
  /** Requests the fake saw inside the run. */
  total: number;
  /** Calls that failed in the end (429s after every retry). */
  failed: number;
}

/** The outcome of one run of N processes. */
export interface SharedRun {
  whippy: HeldLimit;
  close: HeldLimit;
  /** Redis calls per request sent (0 when unshared). */
  roundTripsPerRequest: { whippy: number; close: number } | undefined;
}

/** Options of {@link runProcesses}. */
export interface SharedRunOptions {
  server: FakeServer;
  /** The command that starts a worker (the config JSON is appended). */
  worker: string[];
  processes: number;
  durationMs: number;
  /** A Redis URL to share the budget through, or undefined for processes pacing alone. */
  redisUrl: string | undefined;
  concurrency?: number;
}

const WHIPPY_RATE = 25;
const CLOSE_WINDOW = 20;

/** Seeds the fakes and switches on Whippy's 25 req/s token bucket and a Close RateLimit window of 20 per second. */
export function prepareFakes(server: FakeServer): { whippySequence: string; closeSequence: string } {
  const whippySequence = String(server.whippy.fake.addSequence('Shared budget', ['One']).id);
  server.whippy.fake.seedRuns(whippySequence, 50);
  const closeSequence = String(server.close.fake.sequences.values().next().value!.id);
  server.close.fake.seedSubscriptions(closeSequence, 50);
  return { whippySequence, closeSequence };
}

interface Worker {
  ready: Promise<void>;
  start(startAt: number, stopAt: number): void;
  report: Promise<WorkerReport>;
}

function spawnWorker(command: string[], config: WorkerConfig): Worker {
  const child = spawn(command[0]!, [...command.slice(1), JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as WorkerReport) : reject(new Error(`worker exited with ${code}`)),
    );
  });
  return { ready, report, start: (startAt, stopAt) => child.stdin.end(JSON.stringify({ startAt, stopAt })) };
}

/** Records every answer of a fake with its time, to count only what falls inside the run. */
function recordAnswers(fake: { handle(request: Request): Promise<Response> }): {
  answers: { t: number; status: number }[];
  stop: () => void;
} {
  const answers: { t: number; status: number }[] = [];
  const handle = fake.handle.bind(fake);
  fake.handle = async (request) => {
    const response = await handle(request);
    answers.push({ t: Date.now(), status: response.status });
    return response;
  };
  return { answers, stop: () => delete (fake as Partial<typeof fake>).handle };
}

/**
 * What the fake answered from its first answer of the run (processes on a busy machine start a
 * little late: the limit was not theirs to use before) to the common stop.
 */
function held(
  answers: { t: number; status: number }[],
  startAt: number,
  stopAt: number,
  allowed: (ms: number) => number,
  failed: number,
): HeldLimit {
  const inside = answers.filter((answer) => answer.t >= startAt && answer.t < stopAt);
  const from = inside[0]?.t ?? startAt;
  const limited = inside.filter((answer) => answer.status === 429).length;
  return { served: inside.length - limited, allowed: Math.floor(allowed(stopAt - from)), limited, total: inside.length, failed };
}

/** Runs N worker processes on one credential for `durationMs` (a whole number of seconds) and measures the fakes. */
export async function runProcesses(options: SharedRunOptions): Promise<SharedRun> {
  const { server, processes, durationMs } = options;
  const { whippySequence, closeSequence } = prepareFakes(server);
  server.whippy.fake.resetFaults();
  server.close.fake.resetFaults();
  const whippyRecord = recordAnswers(server.whippy.fake);
  const closeRecord = recordAnswers(server.close.fake);
  const [whippyAnswers, closeAnswers] = [whippyRecord.answers, closeRecord.answers];
  const keyPrefix = `shared-budget:${Date.now()}`;
  const workers = Array.from({ length: processes }, (_, index) =>
    spawnWorker(options.worker, {
      whippy: { baseUrl: server.whippy.baseUrl, sequenceId: whippySequence },
      close: { baseUrl: server.close.baseUrl, sequenceId: closeSequence },
      ...(options.redisUrl ? { redis: { url: options.redisUrl, library: index % 2 ? 'node-redis' : 'ioredis', keyPrefix } } : {}),
      concurrency: options.concurrency ?? 4,
    }),
  );
  // Every process is started and connected before the common start; the limits are switched on more
  // than a window earlier, so the first request finds a full bucket and opens a fresh window.
  await Promise.all(workers.map((worker) => worker.ready));
  server.whippy.fake.setRateLimit({ limit: WHIPPY_RATE, windowMs: 1_000, kind: 'bucket' });
  server.close.fake.setRateLimit({ limit: CLOSE_WINDOW, windowMs: 1_000 });
  const startAt = Date.now() + 1_100;
  const stopAt = startAt + durationMs;
  for (const worker of workers) worker.start(startAt, stopAt);
  const reports = await Promise.all(workers.map((worker) => worker.report));
  server.whippy.fake.setRateLimit(undefined);
  server.close.fake.setRateLimit(undefined);
  whippyRecord.stop();
  closeRecord.stop();
  const sum = (pick: (report: WorkerReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  // A full bucket, then its rate; a fixed window's limit in each window begun.
  const whippy = held(
    whippyAnswers,
    startAt,
    stopAt,
    (ms) => WHIPPY_RATE + (WHIPPY_RATE * ms) / 1_000,
    sum((r) => r.whippy.failed),
  );
  const close = held(
    closeAnswers,
    startAt,
    stopAt,
    (ms) => CLOSE_WINDOW * Math.ceil(ms / 1_000),
    sum((r) => r.close.failed),
  );
  const perRequest = (trips: number, sent: number) => (sent === 0 ? 0 : trips / sent);
  return {
    whippy,
    close,
    roundTripsPerRequest: options.redisUrl
      ? {
          whippy: perRequest(
            sum((r) => r.roundTrips.whippy),
            whippyAnswers.length,
          ),
          close: perRequest(
            sum((r) => r.roundTrips.close),
            closeAnswers.length,
          ),
        }
      : undefined,
  };
}

/** "96.0 % of the limit (240 of 250), 1 of 243 answered 429 (0.4 %)". */
export function describeHeld(limit: HeldLimit): string {
  const share = (limit.served / limit.allowed) * 100;
  const rejected = limit.total === 0 ? 0 : (limit.limited / limit.total) * 100;
  return `${share.toFixed(1)} % of the limit (${limit.served} of ${limit.allowed}), ${limit.limited} of ${limit.total} answered 429 (${rejected.toFixed(1)} %)`;
}
