/** A token as a {@link TokenStore} keeps it: plain data, so shared stores can serialise it. */
export interface StoredToken {
  type: 'user' | 'oauth';
  token: string;
  /** Expiry as epoch milliseconds. */
  expiresAt: number;
  scope?: string;
  /** Issue time as epoch milliseconds, when known (lets refresh policies size OAuth windows). */
  issuedAt?: number;
}

/**
 * Where providers keep tokens between calls; share one store between processes to share tokens.
 * Keys never contain a secret: they are made of the token kind, server, principal, scope and an
 * HMAC fingerprint of the credential (so a wrong password never meets a right one's token).
 */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Deletes the entry only while it still holds `token` (compare-and-delete), atomically for
   * the store's sharers. Optional: without it providers use {@link withLock} + get + delete.
   */
  deleteIfToken?(key: string, token: string): Promise<void>;
  /** Runs `fn` holding an exclusive lock for `key` (across processes for shared stores). */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A store that lives in this process only; the default when no `store` option is given.
 * Its lock serialises callers per key within the process.
 */
export function memoryTokenStore(): TokenStore {
  const tokens = new Map<string, StoredToken>();
  const tails = new Map<string, Promise<unknown>>();
  return {
    async get(key) {
      const found = tokens.get(key);
      return found === undefined ? undefined : { ...found };
    },
    async set(key, token) {
      tokens.set(key, { ...token });
    },
    async delete(key) {
      tokens.delete(key);
    },
    async deleteIfToken(key, token) {
      if (tokens.get(key)?.token === token) tokens.delete(key);
    },
    withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
  };
}
