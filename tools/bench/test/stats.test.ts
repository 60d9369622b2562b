import { describe, expect, it } from 'vitest';
import { median, pairedRatios, summarize } from '../src/harness/stats.js';

describe('median', () => {
  it('is the middle value of an odd count, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([100, 9, 25])).toBe(25);
  });

  it('leaves the samples in their order', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports median, extremes and spread relative to the median', () => {
    expect(summarize([90, 110, 100])).toEqual({
      n: 3,
      median: 100,
      min: 90,
      max: 110,
      spreadPct: 20,
    });
  });

  it('has no spread for one sample or a zero median', () => {
    expect(summarize([7]).spreadPct).toBe(0);
    expect(summarize([0, 0, 0]).spreadPct).toBe(0);
  });
});

describe('pairedRatios', () => {
  it('divides samples of the same round', () => {
    expect(pairedRatios([10, 30], [5, 10])).toEqual([2, 3]);
  });

  it('refuses samples that do not pair up', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(RangeError);
  });
});
