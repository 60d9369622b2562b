import { randomUUID } from 'node:crypto';
import { JamfAuthError } from '../errors.js';
import type { StoredToken, TokenStore } from '../token-store.js';
import { type RedisClientLike, redisCommandSender } from './redis-commands.js';

/** Options of {@link redisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** Prefix of every key the store writes. Default `jamf-auth:`. */
  prefix?: string;
  /** Lifetime of a lock, ms: a holder that dies frees it after this. Default 60 000. */
  lockTtlMs?: number;
  /** Longest wait for a lock, ms. Default 30 000. */
  lockTimeoutMs?: number;
  /** Pause between attempts to take a held lock, ms. Default 50. */
  pollMs?: number;
  /** Clock in epoch milliseconds, for the expiry of token keys. Default `Date.now`. */
  now?: () => number;
  /** Waits between lock attempts. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** Deletes the lock only while it still holds our token, so a late release never frees another's lock. */
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/**
 * A {@link TokenStore} in Redis, shared by every process and host using the same server: tokens
 * expire with their key, and the lock is `SET … NX PX` with a compare-and-delete release. Accepts
 * a connected ioredis or node-redis client (the caller owns and closes it).
 *
 * @example
 * const store = redisTokenStore(new Redis(process.env.REDIS_URL));
 */
export function redisTokenStore(
  client: RedisClientLike,
  options: RedisTokenStoreOptions = {},
): TokenStore {
  const send = redisCommandSender(client);
  const prefix = options.prefix ?? 'jamf-auth:';
  const lockTtlMs = options.lockTtlMs ?? 60_000;
  const lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  return {
    async get(key) {
      const value = await send('GET', prefix + key);
      if (typeof value !== 'string') return undefined;
      try {
        return JSON.parse(value) as StoredToken;
      } catch {
        return undefined;
      }
    },
    async set(key, token) {
      const ttlMs = Math.floor(token.expiresAt - now());
      if (!(ttlMs > 0)) {
        await send('DEL', prefix + key);
        return;
      }
      await send('SET', prefix + key, JSON.stringify(token), 'PX', String(ttlMs));
    },
    async delete(key) {
      await send('DEL', prefix + key);
    },
    async withLock(key, fn) {
      const lockKey = `${prefix}${key}:lock`;
      const owner = randomUUID();
      // Bounded by the time spent waiting, not by the clock, which tests may hold still.
      let waitedMs = 0;
      while ((await send('SET', lockKey, owner, 'NX', 'PX', String(lockTtlMs))) !== 'OK') {
        if (waitedMs >= lockTimeoutMs) {
          throw new JamfAuthError(
            'STORE_LOCK_TIMEOUT',
            `Redis lock ${lockKey} still held after ${lockTimeoutMs} ms`,
          );
        }
        await sleep(pollMs);
        waitedMs += pollMs;
      }
      try {
        return await fn();
      } finally {
        await send('EVAL', RELEASE_SCRIPT, '1', lockKey, owner);
      }
    },
  };
}
