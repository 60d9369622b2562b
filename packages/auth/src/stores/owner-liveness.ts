import { hostname } from 'node:os';

/** Who holds a lock: enough for a waiter on the same host to tell whether the holder is alive. */
export interface LockOwner {
  /** Unique per acquisition; a release or renewal only touches a lock with this id. */
  id: string;
  host: string;
  pid: number;
  /** When the holding process started (epoch ms), to tell a reused pid from the holder. */
  processStartedAt: number;
}

const processStartedAt = Math.round(Date.now() - process.uptime() * 1000);
const START_TIME_TOLERANCE_MS = 2_000;

/** A new owner record for this process. */
export function ownerOfThisProcess(id: string): LockOwner {
  return { id, host: hostname(), pid: process.pid, processStartedAt };
}

/**
 * True when `owner` certainly no longer runs: it was on this host and its pid is gone (or now
 * belongs to a process started later). Owners on other hosts are never declared dead here;
 * their locks expire instead.
 */
export function isOwnerDead(owner: Partial<LockOwner> | undefined): boolean {
  if (owner === undefined || owner.host !== hostname() || typeof owner.pid !== 'number') {
    return false;
  }
  if (owner.pid === process.pid) {
    // Our own pid: this process (any of its threads) holds it, unless the record is from an
    // earlier process that had the same pid. Start times are compared loosely: each thread
    // computes its own from a wall clock that may have been adjusted since.
    return (
      typeof owner.processStartedAt === 'number' &&
      Math.abs(owner.processStartedAt - processStartedAt) > START_TIME_TOLERANCE_MS
    );
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so something is alive there.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return false;
}
