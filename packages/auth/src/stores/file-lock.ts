import { randomUUID } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { JamfAuthError } from '../errors.js';
import { isOwnerDead, type LockOwner, ownerOfThisProcess } from './owner-liveness.js';

/** Timing of {@link acquireFileLock}; all in milliseconds. */
export interface FileLockTiming {
  /** Give up waiting after this long (on `now`); must exceed `staleMs`. */
  timeoutMs: number;
  /**
   * A lock not renewed for this long is taken to belong to a crashed process (on another host,
   * or whose pid was reused) and is removed. Holders renew every third of it.
   */
  staleMs: number;
  /** Pause between two attempts. */
  pollMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Releases a lock; only removes the lock file if it is still ours. */
export type ReleaseFileLock = () => Promise<void>;

interface LockRecord extends LockOwner {
  createdAt: number;
  renewedAt: number;
}

/**
 * Takes an exclusive lock by creating `lockPath` with O_EXCL (`wx`): the file system decides the
 * winner, across processes. The lock records its owner (pid, host, process start) and is renewed
 * while held; a waiter breaks it at once when the owner is a dead process on this host, or once
 * it has gone `staleMs` without renewal. Waiting is bounded by `timeoutMs` measured on `now`.
 */
export async function acquireFileLock(
  lockPath: string,
  timing: FileLockTiming,
): Promise<ReleaseFileLock> {
  const owner = ownerOfThisProcess(randomUUID());
  const deadline = timing.now() + timing.timeoutMs;
  for (;;) {
    const createdAt = timing.now();
    const record: LockRecord = { ...owner, createdAt, renewedAt: createdAt };
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(record));
      } finally {
        await handle.close();
      }
      return holdLock(lockPath, record, timing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await removeIfAbandoned(lockPath, timing)) continue;
    if (timing.now() >= deadline) {
      throw new JamfAuthError(
        'STORE_LOCK_TIMEOUT',
        `token store lock ${lockPath} still held after ${timing.timeoutMs} ms`,
      );
    }
    await timing.sleep(timing.pollMs);
  }
}

/** Renews the lock every third of `staleMs` until released. */
function holdLock(lockPath: string, record: LockRecord, timing: FileLockTiming): ReleaseFileLock {
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewing.then(() => renewIfOwned(lockPath, record, timing.now()));
    },
    Math.max(1, Math.floor(timing.staleMs / 3)),
  );
  // A held lock must not keep the process alive on its own.
  (timer as { unref?: () => void }).unref?.();
  return async () => {
    clearInterval(timer);
    await renewing;
    await releaseIfOwned(lockPath, record.id);
  };
}

async function readRecord(lockPath: string): Promise<{ text: string; record?: LockRecord }> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  try {
    return { text, record: JSON.parse(text) as LockRecord };
  } catch {
    return { text };
  }
}

/** Removes the lock at `lockPath` if its owner died or it went stale; true when it did. */
async function removeIfAbandoned(lockPath: string, timing: FileLockTiming): Promise<boolean> {
  const { text, record } = await readRecord(lockPath);
  if (!isOwnerDead(record)) {
    // A lock file with no record yet is being written, or its writer died right after creating
    // it: its modification time tells which.
    const renewedAt =
      record?.renewedAt ??
      record?.createdAt ??
      (await stat(lockPath).catch(() => undefined))?.mtimeMs;
    if (renewedAt === undefined || timing.now() - renewedAt < timing.staleMs) return false;
  }
  // Re-read right before removing so a lock taken over meanwhile is left alone.
  if ((await readRecord(lockPath)).text !== text) return false;
  return unlink(lockPath).then(
    () => true,
    () => false,
  );
}

async function renewIfOwned(lockPath: string, record: LockRecord, nowMs: number): Promise<void> {
  const { record: found } = await readRecord(lockPath);
  if (found?.id !== record.id) return;
  // Written beside and renamed over, so a reader never sees a half-written record.
  const temp = `${lockPath}.${randomUUID()}.renew`;
  try {
    await writeExclusive(temp, JSON.stringify({ ...record, renewedAt: nowMs }));
    await rename(temp, lockPath);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

async function writeExclusive(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

async function releaseIfOwned(lockPath: string, id: string): Promise<void> {
  const { record } = await readRecord(lockPath);
  if (record?.id === id) await unlink(lockPath).catch(() => undefined);
}
