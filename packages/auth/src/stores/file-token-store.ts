import { createHash, randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JamfAuthError } from '../errors.js';
import type { StoredToken, TokenStore } from '../token-store.js';
import { acquireFileLock, type FileLockTiming } from './file-lock.js';
import { storedTokenOf } from './stored-token-shape.js';

/**
 * A failure of the file system (a folder that cannot be created or written, the path naming a
 * folder) as `STORE_UNAVAILABLE`, with the system error as its cause.
 */
function unavailable(action: string, cause: unknown): JamfAuthError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new JamfAuthError(
    'STORE_UNAVAILABLE',
    `fileTokenStore cannot ${action} its file${typeof code === 'string' ? ` (${code})` : ''}`,
    { cause },
  );
}

async function unavailableOnFailure<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // The lock's own refusal (STORE_LOCK_TIMEOUT) already says what happened.
    if (error instanceof JamfAuthError) throw error;
    throw unavailable(action, error);
  }
}

/** Options of {@link fileTokenStore}. */
export interface FileTokenStoreOptions {
  /** Longest wait for a lock held by another process, ms; must exceed `staleLockMs`. Default 60 000. */
  lockTimeoutMs?: number;
  /**
   * A lock not renewed for this long is presumed left by a crashed process and removed, ms
   * (holders renew every third of it; a dead holder on this host is detected at once by its
   * pid). Default 10 000.
   */
  staleLockMs?: number;
  /** Pause between attempts to take a held lock, ms. Default 25. */
  pollMs?: number;
  /** Clock in epoch milliseconds (lock ages). Default `Date.now`. */
  now?: () => number;
  /** Waits between lock attempts. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

type TokenFile = Record<string, StoredToken>;

/**
 * A {@link TokenStore} in one JSON file (mode 0600, written atomically by temp file + rename), so
 * processes on one machine — CLI runs, cron jobs, workers — share one token per expiry. Locks are
 * lock files created exclusively beside it (`<path>.<hash>.lock`).
 *
 * @example
 * const provider = clientCredentials({ baseUrl, clientId, clientSecret,
 *   store: fileTokenStore(join(homedir(), '.cache', 'jamf', 'tokens.json')) });
 */
export function fileTokenStore(path: string, options: FileTokenStoreOptions = {}): TokenStore {
  if (typeof path !== 'string' || path === '') {
    throw new JamfAuthError('STORE_OPTIONS_INVALID', 'fileTokenStore needs the path of its file');
  }
  const timing: FileLockTiming = {
    timeoutMs: options.lockTimeoutMs ?? 60_000,
    staleMs: options.staleLockMs ?? 10_000,
    pollMs: options.pollMs ?? 25,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  if (!(timing.timeoutMs > timing.staleMs) || !(timing.staleMs > 0) || !(timing.pollMs > 0)) {
    // A waiter that gives up before a dead holder's lock goes stale can never recover it.
    throw new JamfAuthError(
      'STORE_OPTIONS_INVALID',
      'fileTokenStore needs lockTimeoutMs > staleLockMs > 0 and pollMs > 0',
    );
  }
  const lockPathFor = (name: string) =>
    `${path}.${createHash('sha256').update(name).digest('hex').slice(0, 16)}.lock`;

  const locked = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const release = await unavailableOnFailure('lock', async () => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      return acquireFileLock(lockPathFor(name), timing);
    });
    try {
      return await fn();
    } finally {
      await release();
    }
  };

  const readAll = async (): Promise<TokenFile> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw unavailable('read', error);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      // An array would take the entries as properties JSON.stringify drops: nothing saved, ever.
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as TokenFile)
        : {};
    } catch {
      // A damaged cache only costs a token request; the next write replaces it.
      return {};
    }
  };

  const writeAll = async (tokens: TokenFile): Promise<void> => {
    const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(tokens));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await chmod(temp, 0o600);
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  };

  // Read-modify-write of the shared file, serialised by a file-wide lock separate from key locks.
  const update = (change: (tokens: TokenFile) => void): Promise<void> =>
    locked('\0file', async () => {
      const tokens = await readAll();
      change(tokens);
      await unavailableOnFailure('write', () => writeAll(tokens));
    });

  return {
    async get(key) {
      const tokens = await readAll();
      return Object.hasOwn(tokens, key) ? storedTokenOf(tokens[key]) : undefined;
    },
    set(key, token) {
      return update((tokens) => {
        tokens[key] = { ...token };
      });
    },
    delete(key) {
      return update((tokens) => {
        delete tokens[key];
      });
    },
    deleteIfToken(key, token) {
      return update((tokens) => {
        if (tokens[key]?.token === token) delete tokens[key];
      });
    },
    withLock(key, fn) {
      return locked(key, fn);
    },
  };
}
