import { retentionMs, type ClaimResult, type DedupeStore, type DedupeStoreOptions } from '../core/dedupe.js';
import { SequenceSdkError } from '../core/errors.js';
import { luaScript, redisSend } from './client.js';
import type { IoRedisLike, NodeRedisLike } from './index.js';

/** Options of {@link redisDedupeStore}. */
export interface RedisDedupeStoreOptions extends DedupeStoreOptions {
  /** A connected ioredis or node-redis client; you own it (connect, close). */
  client: IoRedisLike | NodeRedisLike;
  /** Prefix of every key (default `sequence-apis:dedupe`). */
  keyPrefix?: string;
}

// One key per event: `lease:<token>:<until>` or `done::<until>`. Deadlines are the caller's clock
// (ARGV now) so tests can move time; PX also lets Redis drop the key when it runs out.
// ARGV: op, now, token, ms.  claim -> {'claimed'|'done'|'busy', ms left};  raise -> 1.
const SCRIPT = `
local op, now, token, ms = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
local current = redis.call('GET', KEYS[1])
if op == 'claim' then
  if current then
    local kind, holder, untilms = string.match(current, '^(%a+):([^:]*):(%d+)$')
    local left = tonumber(untilms) - now
    if left > 0 then
      if kind == 'done' then return {'done', 0} end
      return {'busy', left}
    end
  end
  redis.call('SET', KEYS[1], 'lease:' .. token .. ':' .. (now + ms), 'PX', ms)
  return {'claimed', 0}
elseif op == 'done' then
  redis.call('SET', KEYS[1], 'done::' .. (now + ms), 'PX', ms)
elseif op == 'release' then
  if current and string.sub(current, 1, 7 + #token) == 'lease:' .. token .. ':' then redis.call('DEL', KEYS[1]) end
elseif op == 'raise' then
  local value = tonumber(token)
  if current and tonumber(current) > value then value = tonumber(current) end
  redis.call('SET', KEYS[1], tostring(value), 'PX', ms)
end
return 1
`;

/**
 * A {@link DedupeStore} in Redis, for replicas on many hosts: every claim, completion and release
 * is one atomic Lua script (EVALSHA) on your ioredis or node-redis client. Done keys expire after
 * the retention (7 days by default). Lease deadlines use the receiving process's clock, so keep
 * replicas' clocks in sync (NTP) to within a small part of `leaseSeconds`.
 * @example const dedupe = redisDedupeStore({ client: new Redis(process.env.REDIS_URL) });
 */
export function redisDedupeStore(options: RedisDedupeStoreOptions): DedupeStore {
  if (!options?.client) throw new SequenceSdkError('redisDedupeStore needs { client }: a connected ioredis or node-redis client');
  const retention = retentionMs(options);
  const prefix = options.keyPrefix ?? 'sequence-apis:dedupe';
  const send = redisSend(options.client);
  const run = luaScript(send, SCRIPT);
  const call = (key: string, op: string, now: number, token: string, ms: number) =>
    run([key], [op, String(now), token, String(Math.ceil(ms))]);
  return {
    async claim(key, token, leaseMs, now): Promise<ClaimResult> {
      const [state, left] = (await call(`${prefix}:key:${key}`, 'claim', now, token, leaseMs)) as [string, number];
      if (state === 'claimed' || state === 'done') return { state };
      return { state: 'busy', retryAfterMs: Number(left) };
    },
    async complete(key, now) {
      await call(`${prefix}:key:${key}`, 'done', now, '', retention);
    },
    async release(key, token) {
      await call(`${prefix}:key:${key}`, 'release', 0, token, 0);
    },
    async watermark(name) {
      const value = await send(['GET', `${prefix}:mark:${name}`]);
      return value === null || value === undefined ? undefined : Number(value);
    },
    async raiseWatermark(name, value, now) {
      await call(`${prefix}:mark:${name}`, 'raise', now, String(value), retention);
    },
  };
}
