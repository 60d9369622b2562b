/**
 * P5: what concurrent page fetching buys. `paginate` walks 10,000 computers, 100 per page, through
 * an injected fetch that answers every request after 20 ms (real timers: this is wall time), at
 * concurrency 5 and at concurrency 1, interleaved. The figure is items per second; the ratio is
 * the speed-up. paginate reads page 0 alone to learn `totalCount`, so the ideal speed-up at
 * concurrency 5 is pages ÷ (1 + ⌈(pages − 1) ÷ 5⌉) (4.76 for 100 pages).
 */
import { createProClient, paginate } from '@jamf/pro-api';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { interleave } from './harness/interleave.js';
import { ratioResult, variantResult } from './harness/result.js';
import { computerPage } from './harness/synthetic-computers.js';

const LATENCY_MS = 20;
const PAGE_SIZE = 100;

/** Runs P5; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const total = context.quick ? 1_000 : 10_000;
  const rounds = context.quick ? 2 : 3;
  const pages = Math.ceil(total / PAGE_SIZE);
  const bodies = Array.from({ length: pages }, (_, page) => computerPage(total, page, PAGE_SIZE));
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;

  const fetch = async (request: Request): Promise<Response> => {
    requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      request.signal.throwIfAborted();
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('page-size') ?? PAGE_SIZE);
      const body =
        size === PAGE_SIZE
          ? (bodies[page] ?? computerPage(total, page, size))
          : computerPage(total, page, size);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    } finally {
      inFlight--;
    }
  };
  const client = createProClient({ baseUrl: 'https://jamf.bench.test', fetch });

  const walk = (concurrency: number) => async () => {
    const started = performance.now();
    let count = 0;
    let expectedId = 1;
    for await (const computer of paginate(client, '/v1/computers-inventory', {
      pageSize: PAGE_SIZE,
      concurrency,
    })) {
      if (computer.id !== String(expectedId++))
        throw new Error(`out of order at item ${count}: ${computer.id}`);
      count++;
    }
    if (count !== total) throw new Error(`paginate yielded ${count} of ${total} items`);
    return count / ((performance.now() - started) / 1000);
  };

  const maxSeen: Record<string, number> = {};
  const samples = await interleave(
    [1, 5].map((concurrency) => ({
      name: `paginate, concurrency ${concurrency}`,
      run: async () => {
        maxInFlight = 0;
        const value = await walk(concurrency)();
        maxSeen[concurrency] = Math.max(maxSeen[concurrency] ?? 0, maxInFlight);
        return value;
      },
    })),
    {
      rounds,
      warmupRounds: 1,
      onSample: (round, name) => context.log(`round ${round + 1}/${rounds}: ${name}`),
    },
  );
  const c1 = variantResult(
    'paginate, concurrency 1',
    'items/s',
    samples.get('paginate, concurrency 1')!,
    true,
  );
  const c5 = variantResult(
    'paginate, concurrency 5',
    'items/s',
    samples.get('paginate, concurrency 5')!,
    true,
  );
  const ideal = pages / (1 + Math.ceil((pages - 1) / 5));
  return {
    params: { computers: total, pageSize: PAGE_SIZE, latencyMs: LATENCY_MS, rounds, pages },
    variants: [c1, c5],
    ratios: [ratioResult('concurrency 5 ÷ concurrency 1', c5, c1)],
    notes: [
      `ideal speed-up (page 0 first, then 5 at a time): ${ideal.toFixed(2)}×; lower bound for one walk at concurrency 1: ${pages * LATENCY_MS} ms`,
      `most requests in flight seen by the fetch: ${maxSeen[1]} at concurrency 1, ${maxSeen[5]} at concurrency 5; ${requests} requests in all`,
    ],
  };
}
