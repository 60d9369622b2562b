/**
 * Child-process entry: runs one benchmark and sends its outcome to the parent over IPC. Each
 * benchmark gets a fresh process (own heap, own JIT state, `--expose-gc`), so one cannot skew
 * the next.
 */
import { benchmarks } from './benchmarks.js';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';

/** The parent's request. */
export interface RunRequest {
  id: string;
  quick: boolean;
  repoRoot: string;
  benchRoot: string;
  scratchDir: string;
}

/** The child's answer. */
export type RunReply = { ok: true; outcome: BenchmarkOutcome } | { ok: false; error: string };

async function runRequested(request: RunRequest): Promise<RunReply> {
  const entry = benchmarks.find((b) => b.id === request.id);
  if (!entry) return { ok: false, error: `no benchmark ${request.id}` };
  const context: BenchmarkContext = {
    quick: request.quick,
    repoRoot: request.repoRoot,
    benchRoot: request.benchRoot,
    scratchDir: request.scratchDir,
    log: (line) => process.stderr.write(`  [${request.id}] ${line}\n`),
  };
  try {
    const { run } = await entry.load();
    return { ok: true, outcome: await run(context) };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, error: text };
  }
}

if (process.send) {
  process.once('message', (request: RunRequest) => {
    void runRequested(request).then((reply) => {
      process.send?.(reply, () => {
        process.disconnect();
        // A handle a benchmark forgot (socket, timer) must not hold the run until its timeout.
        setTimeout(() => process.exit(0), 2_000).unref();
      });
    });
  });
}
