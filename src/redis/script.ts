/**
 * The pacer's state as one Lua script, so every acquire and every settle is one atomic round
 * trip (EVALSHA). Time is Redis's own clock (`TIME`), the same for every process.
 * KEYS: state hash, the group's in-flight set, then one send log per budget (used by sliding budgets only).
 * acquire ARGV: 'acquire', deadline, leaseMs, ttlMs, holds count, holds…, budgets count,
 *   then name, kind, limit, windowMs, burst per budget, then track (1/0), then the group ('' for none).
 *   Returns {ticket, delayMs, reason, now} or {0, waitMs, reason, now}; {-1, 0, '', now} when it ran
 *   after the caller's deadline (nothing done).
 * settle ARGV: 'settle', deadline, ttlMs, ticket, hold name, hold ms, window remaining, window reset ms, group.
 * The server's window lives in the state hash's `w:…` fields, `w:<group>:…` for an endpoint group.
 */
export const PACER_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state, inflight = KEYS[1], KEYS[2]
local deadline = tonumber(ARGV[2])
local late = deadline > 0 and now > deadline
local function num(field, default)
  local value = redis.call('HGET', state, field)
  if value then return tonumber(value) end
  return default
end
local function wfield(group, name)
  if group == '' then return 'w:' .. name end
  return 'w:' .. group .. ':' .. name
end
if ARGV[1] == 'settle' then
  local g = ARGV[9] or ''
  local ttl, ticket = tonumber(ARGV[3]), tonumber(ARGV[4])
  redis.call('ZREM', inflight, ticket)
  if late then return 0 end
  redis.call('ZREMRANGEBYSCORE', inflight, '-inf', now)
  if ARGV[5] ~= '' then
    local hold = now + tonumber(ARGV[6])
    if hold > num('h:' .. ARGV[5], 0) then redis.call('HSET', state, 'h:' .. ARGV[5], hold) end
  end
  if ARGV[7] ~= '' then
    local reset, current = now + tonumber(ARGV[8]), num(wfield(g, 'reset'), 0)
    local length = math.max(num(wfield(g, 'len'), 0), tonumber(ARGV[8]))
    redis.call('HSET', state, wfield(g, 'len'), length)
    -- Out-of-order answers: one from an earlier window (reset half a window before) says nothing, one
    -- from a later window replaces it, and within a window one that left more (counted earlier) says less.
    -- (A window's answers agree on its reset within half a window; the last window is kept past its reset.)
    local remaining = tonumber(ARGV[7])
    local stale = false
    if current > 0 and reset <= current + length / 2 then
      stale = reset < current - length / 2 or now >= current or remaining > num(wfield(g, 'ann'), 0)
    end
    if not stale then
      local others = redis.call('ZCARD', inflight)
      redis.call('HSET', state, wfield(g, 'rem'), remaining - others, wfield(g, 'reset'), reset, wfield(g, 'ann'), remaining)
    end
  end
  redis.call('PEXPIRE', state, ttl)
  return 1
end
if late then return {-1, 0, '', now} end
local lease, ttl = tonumber(ARGV[3]), tonumber(ARGV[4])
local nholds = tonumber(ARGV[5])
local wait, reason = 0, ''
for h = 1, nholds do
  local hold = num('h:' .. ARGV[5 + h], 0)
  if hold - now > wait then wait, reason = hold - now, 'hold:' .. ARGV[5 + h] end
end
local n = tonumber(ARGV[6 + nholds])
local first = 7 + nholds
local g = ARGV[first + n * 5 + 1] or ''
local wreset = num(wfield(g, 'reset'), 0)
local haswindow = wreset > now
if haswindow and num(wfield(g, 'rem'), 0) <= 0 and wreset - now > wait then wait, reason = wreset - now, 'window' end
if wait > 0 then return {0, math.ceil(wait), reason, now} end
local delay, why, tokens = 0, '', {}
for b = 1, n do
  local at = first + (b - 1) * 5
  local name, kind, limit, window = ARGV[at], ARGV[at + 1], tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3])
  local d = 0
  if kind == 'bucket' then
    local size = tonumber(ARGV[at + 4])
    local left = math.min(size, num('b:' .. name, size) + (now - num('a:' .. name, now)) * limit / window)
    tokens[b] = left
    if left < 1 then d = math.ceil((1 - left) * window / limit) end
  else
    local log = KEYS[2 + b]
    redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
    local count = redis.call('ZCARD', log)
    if count >= limit then
      local oldest = redis.call('ZRANGE', log, count - limit, count - limit, 'WITHSCORES')
      d = math.max(0, tonumber(oldest[2]) + window - now)
    end
  end
  if d > delay then delay, why = d, name end
end
local seq = redis.call('HINCRBY', state, 'seq', 1)
for b = 1, n do
  local at = first + (b - 1) * 5
  local name, kind, window = ARGV[at], ARGV[at + 1], tonumber(ARGV[at + 3])
  if kind == 'bucket' then
    redis.call('HSET', state, 'b:' .. name, tostring(tokens[b] - 1), 'a:' .. name, now)
  else
    redis.call('ZADD', KEYS[2 + b], now + delay, seq)
    redis.call('PEXPIRE', KEYS[2 + b], window + delay + 1000)
  end
end
if haswindow then redis.call('HINCRBY', state, wfield(g, 'rem'), -1) end
if ARGV[first + n * 5] ~= '0' then
  redis.call('ZADD', inflight, now + delay + lease, seq)
  redis.call('PEXPIRE', inflight, ttl + delay)
end
redis.call('PEXPIRE', state, ttl)
return {seq, delay, why, now}
`;
