/**
 * `sequence-apis/redis`: one rate-limit budget shared by every process on a credential, kept in
 * Redis. Pass the store as `rateLimitStore` to each client; the Redis client is yours (ioredis
 * or node-redis), this entry opens no connection of its own.
 * @packageDocumentation
 */
import { bytesToHex } from '../core/hex.js';
import type { AcquireRequest, AcquireResult, RateLimitScope, RateLimitStore, SettleReport } from '../core/rate-limit-store.js';
import { PACER_SCRIPT } from './script.js';

/** An ioredis client (or cluster): anything with `call(command, ...args)`. */
export interface IoRedisLike {
  /** Sends one raw command. */
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A node-redis client: anything with `sendCommand(args)`. */
export interface NodeRedisLike {
  /** Sends one raw command. */
  sendCommand(args: string[]): Promise<unknown>;
}

/** Options of {@link redisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** A connected ioredis or node-redis client; you own it (connect, close). */
  client: IoRedisLike | NodeRedisLike;
  /** Prefix of every key (default `sequence-apis:rl`). Keys: `<prefix>:{<vendor>:<credential hash>}:…`. */
  keyPrefix?: string;
}

/** A {@link RateLimitStore} in Redis that also counts its round trips (for benchmarks). */
export interface RedisRateLimitStore extends RateLimitStore {
  /** Commands sent to Redis so far (a NOSCRIPT retry counts twice). */
  readonly roundTrips: number;
}

type Reply = [number, number, string, number];

function sha1Hex(text: string): Promise<string> {
  return globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)).then((digest) => bytesToHex(new Uint8Array(digest)));
}

/**
 * A rate-limit store in Redis: every acquire and every settle is one atomic Lua script (EVALSHA),
 * timed by Redis's clock. Keys are namespaced per vendor and per SHA-256 of the credential (never
 * the credential), share one Cluster hash slot, and expire once unused (after the longest window,
 * wait or timeout the client knows, plus a second). If Redis fails or is slow, clients pace alone
 * (one warning) and come back to the shared budget once it answers.
 * @example
 * const store = redisRateLimitStore({ client: new Redis(process.env.REDIS_URL) });
 * const whippy = new WhippyClient({ rateLimitStore: store });
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStore {
  const { client } = options;
  const prefix = options.keyPrefix ?? 'sequence-apis:rl';
  const send = (args: string[]): Promise<unknown> =>
    typeof (client as IoRedisLike).call === 'function'
      ? (client as IoRedisLike).call(args[0]!, ...args.slice(1))
      : (client as NodeRedisLike).sendCommand(args);
  let sha: Promise<string> | undefined;
  let roundTrips = 0;
  // Redis's clock minus ours, learnt from each answer: turns the caller's timeout into a deadline in Redis time.
  let offset: number | undefined;

  async function run(keys: string[], args: string[]): Promise<unknown> {
    sha ??= sha1Hex(PACER_SCRIPT);
    const tail = [String(keys.length), ...keys, ...args];
    roundTrips++;
    try {
      return await send(['EVALSHA', await sha, ...tail]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      roundTrips++;
      return send(['EVAL', PACER_SCRIPT, ...tail]);
    }
  }
  const keysOf = (scope: RateLimitScope, logs: readonly string[]) => {
    const base = `${prefix}:{${scope.vendor}:${scope.id}}`;
    return [`${base}:state`, `${base}:inflight`, ...logs.map((name) => `${base}:log:${name}`)];
  };
  const deadline = (timeoutMs: number | undefined) =>
    offset === undefined || timeoutMs === undefined ? '0' : String(Math.round(Date.now() + offset + timeoutMs));

  return {
    get roundTrips() {
      return roundTrips;
    },
    async acquire(scope: RateLimitScope, request: AcquireRequest): Promise<AcquireResult> {
      const args = ['acquire', deadline(request.timeoutMs), String(request.leaseMs), String(Math.ceil(request.ttlMs))];
      args.push(String(request.holds.length), ...request.holds, String(request.budgets.length));
      for (const budget of request.budgets) {
        args.push(budget.name, budget.kind, String(budget.limit), String(budget.windowMs), String(budget.burst ?? budget.limit));
      }
      args.push(request.track === false ? '0' : '1');
      const reply = (await run(
        keysOf(
          scope,
          request.budgets.map((budget) => budget.name),
        ),
        args,
      )) as Reply;
      const [ticket, ms, reason, redisNow] = reply.map((value, index) => (index === 2 ? String(value) : Number(value))) as Reply;
      offset = redisNow - Date.now();
      if (ticket < 0) throw new Error('Redis ran the acquire after the caller stopped waiting');
      return ticket === 0 ? { waitMs: ms, reason } : { ticket, delayMs: ms, reason };
    },
    async settle(scope: RateLimitScope, report: SettleReport): Promise<void> {
      const { hold, window } = report;
      await run(keysOf(scope, []), [
        'settle',
        deadline(report.timeoutMs),
        String(Math.ceil(report.ttlMs)),
        String(report.ticket),
        hold?.name ?? '',
        String(hold?.ms ?? 0),
        window ? String(window.remaining) : '',
        String(window?.resetMs ?? 0),
      ]);
    },
  };
}
export { redisDedupeStore } from './dedupe.js';
export type { RedisDedupeStoreOptions } from './dedupe.js';
