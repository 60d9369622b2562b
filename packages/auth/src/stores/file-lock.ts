import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { JamfAuthError } from '../errors.js';

/** Timing of {@link acquireFileLock}; all in milliseconds. */
export interface FileLockTiming {
  /** Give up waiting after this long. */
  timeoutMs: number;
  /** A lock older than this is taken to belong to a crashed process and is removed. */
  staleMs: number;
  /** Pause between two attempts. */
  pollMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Releases a lock; only removes the lock file if it is still ours. */
export type ReleaseFileLock = () => Promise<void>;

interface LockRecord {
  owner: string;
  pid: number;
  createdAt: number;
}

/**
 * Takes an exclusive lock by creating `lockPath` with O_EXCL (`wx`): the file system decides the
 * winner, across processes. Waits with bounded polling; removes a lock older than `staleMs`.
 */
export async function acquireFileLock(
  lockPath: string,
  timing: FileLockTiming,
): Promise<ReleaseFileLock> {
  const owner = randomUUID();
  // Bounded by the time spent waiting, not by the clock, which tests may hold still.
  let waitedMs = 0;
  for (;;) {
    const record: LockRecord = { owner, pid: process.pid, createdAt: timing.now() };
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(record));
      } finally {
        await handle.close();
      }
      return () => releaseIfOwned(lockPath, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await removeIfStale(lockPath, timing)) continue;
    if (waitedMs >= timing.timeoutMs) {
      throw new JamfAuthError(
        'STORE_LOCK_TIMEOUT',
        `token store lock ${lockPath} still held after ${timing.timeoutMs} ms`,
      );
    }
    await timing.sleep(timing.pollMs);
    waitedMs += timing.pollMs;
  }
}

async function readRecord(lockPath: string): Promise<{ text: string; record?: LockRecord }> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  try {
    return { text, record: JSON.parse(text) as LockRecord };
  } catch {
    return { text };
  }
}

/** Removes the lock at `lockPath` if it is stale; true when it did. */
async function removeIfStale(lockPath: string, timing: FileLockTiming): Promise<boolean> {
  const { text, record } = await readRecord(lockPath);
  // A lock file with no record yet is being written, or its writer died right after creating it:
  // its modification time tells which.
  const createdAt = record?.createdAt ?? (await stat(lockPath).catch(() => undefined))?.mtimeMs;
  if (createdAt === undefined || timing.now() - createdAt < timing.staleMs) return false;
  // Re-read right before removing so a lock taken over meanwhile is left alone.
  if ((await readRecord(lockPath)).text !== text) return false;
  return unlink(lockPath).then(
    () => true,
    () => false,
  );
}

async function releaseIfOwned(lockPath: string, owner: string): Promise<void> {
  const { record } = await readRecord(lockPath);
  if (record?.owner === owner) await unlink(lockPath).catch(() => undefined);
}
