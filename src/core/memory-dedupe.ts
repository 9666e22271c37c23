import { retentionMs, type ClaimResult, type DedupeStore, type DedupeStoreOptions } from './dedupe.js';

type Entry = { done: false; token: string; until: number } | { done: true; until: number };

/**
 * A {@link DedupeStore} in this process's memory: the default. Right for one process; with
 * several replicas behind a load balancer each has its own, so use the SQLite store (one host) or
 * the Redis store (many). Expired entries are dropped as new keys come in.
 * @example const receive = webhookReceiver({ dedupe: memoryDedupeStore({ retentionSeconds: 86_400 }), onEvent });
 */
export function memoryDedupeStore(options?: DedupeStoreOptions): DedupeStore {
  const retention = retentionMs(options);
  const keys = new Map<string, Entry>();
  const marks = new Map<string, { value: number; until: number }>();
  let writes = 0;
  // Maps keep insertion order, and every write re-inserts: the oldest deadlines come first, mostly.
  const sweep = (now: number) => {
    if (++writes % 1024 !== 0) return;
    for (const map of [keys, marks] as Map<string, { until: number }>[])
      for (const [key, entry] of map) if (entry.until <= now) map.delete(key);
  };
  const put = <T>(map: Map<string, T>, key: string, value: T) => {
    map.delete(key);
    map.set(key, value);
  };
  return {
    claim(key, token, leaseMs, now): Promise<ClaimResult> {
      const entry = keys.get(key);
      if (entry && entry.until > now)
        return Promise.resolve(entry.done ? { state: 'done' } : { state: 'busy', retryAfterMs: entry.until - now });
      sweep(now);
      put(keys, key, { done: false, token, until: now + leaseMs });
      return Promise.resolve({ state: 'claimed' });
    },
    complete(key, now) {
      put(keys, key, { done: true, until: now + retention });
      return Promise.resolve();
    },
    release(key, token) {
      const entry = keys.get(key);
      if (entry && !entry.done && entry.token === token) keys.delete(key);
      return Promise.resolve();
    },
    watermark(name, now) {
      const mark = marks.get(name);
      return Promise.resolve(mark && mark.until > now ? mark.value : undefined);
    },
    raiseWatermark(name, value, now) {
      const mark = marks.get(name);
      put(marks, name, { value: mark && mark.until > now ? Math.max(mark.value, value) : value, until: now + retention });
      return Promise.resolve();
    },
  };
}
