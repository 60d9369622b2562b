import { expect, it } from 'vitest';
import { interleave } from '../src/harness/interleave.js';

it('runs every variant once per round, rotating which goes first, and drops warm-up rounds', async () => {
  const order: string[] = [];
  let tick = 0;
  const variant = (name: string) => ({
    name,
    run: async () => {
      order.push(name);
      return tick++;
    },
  });
  const samples = await interleave([variant('a'), variant('b'), variant('c')], {
    rounds: 3,
    warmupRounds: 1,
  });
  expect(order.join(' ')).toBe('c a b a b c b c a c a b');
  // Samples are in round order and exclude the warm-up round (ticks 0-2).
  expect(samples.get('a')).toEqual([3, 8, 10]);
  expect(samples.get('b')).toEqual([4, 6, 11]);
  expect(samples.get('c')).toEqual([5, 7, 9]);
});
