import { randomUUID } from 'node:crypto';
import { JamfAuthError } from '../errors.js';
import type { TokenStore } from '../token-store.js';
import { isOwnerDead, type LockOwner, ownerOfThisProcess } from './owner-liveness.js';
import { boundedSender, type RedisClientLike, redisCommandSender } from './redis-commands.js';
import { storedTokenOf } from './stored-token-shape.js';

/** Options of {@link redisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** Prefix of every key the store writes. Default `jamf-auth:`. */
  prefix?: string;
  /**
   * Lifetime of a lock, ms, renewed every third of it while its holder works: a holder that
   * dies on another host frees it after this (one on this host is detected at once by its pid).
   * Default 10 000.
   */
  lockTtlMs?: number;
  /** Longest wait for a lock, ms; must exceed `lockTtlMs`. Default 60 000. */
  lockTimeoutMs?: number;
  /** Pause between attempts to take a held lock, ms. Default 50. */
  pollMs?: number;
  /** Clock in epoch milliseconds, for token key expiry and lock waits. Default `Date.now`. */
  now?: () => number;
  /** Waits between lock attempts. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Longest wait for one Redis command, ms; past it the call fails with `STORE_UNAVAILABLE`
   * instead of waiting for a server that may never come. Default 5 000.
   */
  commandTimeoutMs?: number;
}

/** Deletes the lock only while it still holds our value, so a late release never frees another's lock. */
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;
/** Extends the lock only while it is still ours. */
const RENEW_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes a token entry only while it still holds the given token (compare-and-delete). */
const DELETE_IF_TOKEN_SCRIPT = `local v = redis.call("GET", KEYS[1])
if v then
  local ok, stored = pcall(cjson.decode, v)
  if ok and type(stored) == "table" and stored.token == ARGV[1] then return redis.call("DEL", KEYS[1]) end
end
return 0`;

function parseOwner(value: unknown): Partial<LockOwner> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as Partial<LockOwner>;
  } catch {
    return undefined;
  }
}

/**
 * A {@link TokenStore} in Redis, shared by every process and host using the same server: tokens
 * expire with their key, and the lock is `SET … NX PX` with a compare-and-delete release, renewed
 * while held. Accepts a connected ioredis or node-redis client (the caller owns and closes it).
 *
 * @example
 * const store = redisTokenStore(new Redis(process.env.REDIS_URL));
 */
export function redisTokenStore(
  client: RedisClientLike,
  options: RedisTokenStoreOptions = {},
): TokenStore {
  const commandTimeoutMs = options.commandTimeoutMs ?? 5_000;
  if (!(Number.isFinite(commandTimeoutMs) && commandTimeoutMs > 0)) {
    throw new JamfAuthError(
      'STORE_OPTIONS_INVALID',
      'redisTokenStore needs commandTimeoutMs > 0 (milliseconds)',
    );
  }
  const send = boundedSender(redisCommandSender(client), commandTimeoutMs);
  const prefix = options.prefix ?? 'jamf-auth:';
  const lockTtlMs = options.lockTtlMs ?? 10_000;
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 50;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  if (!(lockTimeoutMs > lockTtlMs) || !(lockTtlMs >= 3) || !(pollMs > 0)) {
    // A waiter that gives up before a dead holder's lock expires can never recover it.
    throw new JamfAuthError(
      'STORE_OPTIONS_INVALID',
      'redisTokenStore needs lockTimeoutMs > lockTtlMs >= 3 and pollMs > 0',
    );
  }

  /** Takes the lock, breaking it at once when its holder is a dead process on this host. */
  const acquire = async (lockKey: string, value: string): Promise<void> => {
    const deadline = now() + lockTimeoutMs;
    while ((await send('SET', lockKey, value, 'NX', 'PX', String(lockTtlMs))) !== 'OK') {
      const held = await send('GET', lockKey);
      if (isOwnerDead(parseOwner(held))) {
        await send('EVAL', RELEASE_SCRIPT, '1', lockKey, String(held));
        continue;
      }
      if (now() >= deadline) {
        throw new JamfAuthError(
          'STORE_LOCK_TIMEOUT',
          `Redis lock ${lockKey} still held after ${lockTimeoutMs} ms`,
        );
      }
      await sleep(pollMs);
    }
  };

  return {
    async get(key) {
      const value = await send('GET', prefix + key);
      if (typeof value !== 'string') return undefined;
      try {
        return storedTokenOf(JSON.parse(value));
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
    async deleteIfToken(key, token) {
      await send('EVAL', DELETE_IF_TOKEN_SCRIPT, '1', prefix + key, token);
    },
    async withLock(key, fn) {
      const lockKey = `${prefix}${key}:lock`;
      const value = JSON.stringify(ownerOfThisProcess(randomUUID()));
      await acquire(lockKey, value);
      let renewing: Promise<unknown> = Promise.resolve();
      const timer = setInterval(
        () => {
          renewing = renewing
            .then(() => send('EVAL', RENEW_SCRIPT, '1', lockKey, value, String(lockTtlMs)))
            .catch(() => undefined);
        },
        Math.floor(lockTtlMs / 3),
      );
      (timer as { unref?: () => void }).unref?.();
      try {
        return await fn();
      } finally {
        clearInterval(timer);
        await renewing;
        await send('EVAL', RELEASE_SCRIPT, '1', lockKey, value);
      }
    },
  };
}
