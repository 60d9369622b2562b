import type { BenchmarkResult } from './result.js';

/** What a benchmark gets from the runner. */
export interface BenchmarkContext {
  /** Small counts so CI can run everything in well under a minute. */
  quick: boolean;
  /** The monorepo root (…/main). */
  repoRoot: string;
  /** tools/bench. */
  benchRoot: string;
  /** A scratch folder under tools/bench/.tmp (gitignored), created for the run. */
  scratchDir: string;
  /** Progress lines (stderr); results go in the returned value. */
  log(line: string): void;
}

/** What a benchmark module's `run` returns; the runner adds id, title and duration. */
export type BenchmarkOutcome = Pick<BenchmarkResult, 'params' | 'variants' | 'ratios' | 'notes'> &
  Partial<Pick<BenchmarkResult, 'status' | 'reason'>>;

/** The one export every benchmark module has. */
export type RunBenchmark = (context: BenchmarkContext) => Promise<BenchmarkOutcome>;

/** An outcome for a benchmark that cannot run here, with the reason shown to the reader. */
export function skip(reason: string): BenchmarkOutcome {
  return { status: 'skipped', reason, params: {}, variants: [], ratios: [], notes: [] };
}
