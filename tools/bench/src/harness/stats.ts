/** Median, extremes and relative spread of a set of samples. */
export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** (max − min) ÷ median, in percent; 0 for a single sample or a zero median. */
  spreadPct: number;
}

/**
 * The median of `values`: the middle value, or the mean of the two middle values when the count
 * is even. Throws on an empty list rather than inventing a number.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Summarises samples as median, min, max and spread; used for every figure the bench prints. */
export function summarize(values: readonly number[]): Summary {
  const med = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    n: values.length,
    median: med,
    min,
    max,
    spreadPct: med === 0 ? 0 : ((max - min) / Math.abs(med)) * 100,
  };
}

/**
 * Per-round ratios `numerator[i] ÷ denominator[i]`. Rounds are interleaved, so pairing samples of
 * the same round cancels load that drifts between rounds (other processes on the machine).
 */
export function pairedRatios(
  numerator: readonly number[],
  denominator: readonly number[],
): number[] {
  if (numerator.length !== denominator.length) {
    throw new RangeError(`unpaired samples: ${numerator.length} vs ${denominator.length}`);
  }
  return numerator.map((value, i) => value / denominator[i]!);
}
