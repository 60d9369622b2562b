import { pairedRatios, type Summary, summarize } from './stats.js';

/** One variant's figures in the results file. */
export interface VariantResult extends Summary {
  name: string;
  unit: string;
  /** Whether a larger value is the better one (req/s) or the worse one (ms, bytes). */
  higherIsBetter: boolean;
  /** Raw samples in round order. */
  samples: number[];
}

/** A ratio between two variants, summarised over per-round ratios. */
export interface RatioResult extends Summary {
  name: string;
  numerator: string;
  denominator: string;
  samples: number[];
}

/** What one benchmark reports; `status` says whether figures are present. */
export interface BenchmarkResult {
  id: string;
  title: string;
  status: 'ok' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
  /** Inputs of the run: counts, concurrency, latency… */
  params: Record<string, unknown>;
  variants: VariantResult[];
  ratios: RatioResult[];
  /** Figures that are not samples (counts, sizes) and remarks worth reading. */
  notes: string[];
  durationMs: number;
}

/** Builds a variant's result from its samples. */
export function variantResult(
  name: string,
  unit: string,
  samples: number[],
  higherIsBetter: boolean,
): VariantResult {
  return { name, unit, higherIsBetter, samples, ...summarize(samples) };
}

/** Builds the ratio `numerator ÷ denominator` from two variants sampled in the same rounds. */
export function ratioResult(
  name: string,
  numerator: VariantResult,
  denominator: VariantResult,
): RatioResult {
  const samples = pairedRatios(numerator.samples, denominator.samples);
  return {
    name,
    numerator: numerator.name,
    denominator: denominator.name,
    samples,
    ...summarize(samples),
  };
}
