/** One compared variant: a name and a function returning one sample per call. */
export interface Variant {
  name: string;
  run(): Promise<number>;
}

/** How many times to run every variant. */
export interface InterleaveOptions {
  /** Measured rounds; every variant runs once per round. */
  rounds: number;
  /** Rounds run first and discarded (JIT, connection pools, caches). */
  warmupRounds?: number;
  /** Called before each measured sample, e.g. to log progress. */
  onSample?: (round: number, variant: string) => void;
}

/**
 * Runs the variants in one process, alternating them within each round and rotating the starting
 * variant from round to round, so no variant always runs first or always follows the same one.
 * Returns the samples per variant name, in round order (sample i of every variant is from round i).
 */
export async function interleave(
  variants: readonly Variant[],
  options: InterleaveOptions,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const warmup = options.warmupRounds ?? 1;
  for (let round = -warmup; round < options.rounds; round++) {
    const start = ((round % variants.length) + variants.length) % variants.length;
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(start + k) % variants.length]!;
      if (round >= 0) options.onSample?.(round, variant.name);
      const value = await variant.run();
      if (round >= 0) samples.get(variant.name)!.push(value);
    }
  }
  return samples;
}
