import { bytesToHex } from '../core/hex.js';
import type { IoRedisLike, NodeRedisLike } from './index.js';

/** One raw command on the user's client, ioredis (`call`) or node-redis (`sendCommand`). */
export type RedisSend = (args: string[]) => Promise<unknown>;

/** The client adapter every Redis store uses: ioredis and node-redis take a raw command differently. */
export function redisSend(client: IoRedisLike | NodeRedisLike): RedisSend {
  return (args) =>
    typeof (client as IoRedisLike).call === 'function'
      ? (client as IoRedisLike).call(args[0]!, ...args.slice(1))
      : (client as NodeRedisLike).sendCommand(args);
}

function sha1Hex(text: string): Promise<string> {
  return globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)).then((digest) => bytesToHex(new Uint8Array(digest)));
}

/** Runs a Lua script by EVALSHA, loading it with EVAL when Redis does not have it (NOSCRIPT). */
export function luaScript(send: RedisSend, source: string): (keys: string[], args: string[]) => Promise<unknown> {
  let sha: Promise<string> | undefined;
  return async (keys, args) => {
    sha ??= sha1Hex(source);
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await send(['EVALSHA', await sha, ...tail]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return send(['EVAL', source, ...tail]);
    }
  };
}
