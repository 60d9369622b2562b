/** Outcome of one closed-loop load run. */
export interface LoadRun {
  requests: number;
  elapsedMs: number;
  requestsPerSecond: number;
}

/**
 * Sends `total` calls with at most `concurrency` in flight (closed loop: each worker starts its
 * next call when the previous one finishes) and times the whole run. Any failed call aborts the
 * run: a benchmark must never report the speed of errors.
 */
export async function closedLoop(
  total: number,
  concurrency: number,
  call: (index: number) => Promise<void>,
): Promise<LoadRun> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      await call(index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const elapsedMs = performance.now() - started;
  return { requests: total, elapsedMs, requestsPerSecond: total / (elapsedMs / 1000) };
}
