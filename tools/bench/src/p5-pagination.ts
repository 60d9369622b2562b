/**
 * P5: what concurrent page fetching buys. `paginate` walks 10,000 computers, 100 per page, through
 * an injected fetch that answers every request after 20 ms (real timers: this is wall time), at
 * concurrency 5 and at concurrency 1, interleaved. The figure is items per second; the ratio is
 * the speed-up. paginate reads page 0 alone to learn `totalCount`, so the ideal speed-up at
 * concurrency 5 is pages ÷ (1 + ⌈(pages − 1) ÷ 5⌉) (4.76 for 100 pages).
 *
 * A third variant is the same walk at concurrency 5 against a server that answers 5 % of the
 * pages (every 20th, first attempt only) with HTTP 429 and `Retry-After: 1`, through
 * `@jamf/auth`'s `retry()` layer: the walk must still yield every item in order with at most 5
 * requests in flight; its items/s shows what the waits cost.
 */
import { retry } from '@jamf/auth/resilience';
import { createProClient, paginate } from '@jamf/pro-api';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { interleave } from './harness/interleave.js';
import { ratioResult, variantResult } from './harness/result.js';
import { computerPage } from './harness/synthetic-computers.js';

const LATENCY_MS = 20;
const PAGE_SIZE = 100;
/** Every 20th page (5 %) is refused once with 429. */
const RATE_LIMITED_EVERY = 20;
const RATE_LIMITED_OFFSET = 7;

/** Runs P5; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const total = context.quick ? 1_000 : 10_000;
  const rounds = context.quick ? 2 : 3;
  const pages = Math.ceil(total / PAGE_SIZE);
  const bodies = Array.from({ length: pages }, (_, page) => computerPage(total, page, PAGE_SIZE));
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  let rateLimited = 0;
  /** Pages refused once already in the current walk. */
  const refused = new Set<number>();
  let isRateLimiting = false;

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
      if (
        isRateLimiting &&
        page % RATE_LIMITED_EVERY === RATE_LIMITED_OFFSET &&
        !refused.has(page)
      ) {
        refused.add(page);
        rateLimited++;
        return new Response(
          JSON.stringify({ httpStatus: 429, errors: [{ code: 'TOO_MANY_REQUESTS' }] }),
          { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' } },
        );
      }
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
  const retrying = createProClient({
    baseUrl: 'https://jamf.bench.test',
    fetch,
    middleware: [retry()],
  });

  const walk =
    (concurrency: number, over = client) =>
    async () => {
      const started = performance.now();
      let count = 0;
      let expectedId = 1;
      for await (const computer of paginate(over, '/v1/computers-inventory', {
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
  const LIMITED = 'paginate, concurrency 5, 429 on 5 % of pages (Retry-After: 1) + retry()';
  const samples = await interleave(
    [
      ...[1, 5].map((concurrency) => ({
        name: `paginate, concurrency ${concurrency}`,
        run: async () => {
          maxInFlight = 0;
          const value = await walk(concurrency)();
          maxSeen[concurrency] = Math.max(maxSeen[concurrency] ?? 0, maxInFlight);
          return value;
        },
      })),
      {
        name: LIMITED,
        run: async () => {
          maxInFlight = 0;
          refused.clear();
          isRateLimiting = true;
          try {
            const value = await walk(5, retrying as unknown as typeof client)();
            if (maxInFlight > 5) throw new Error(`${maxInFlight} requests in flight (limit 5)`);
            maxSeen.limited = Math.max(maxSeen.limited ?? 0, maxInFlight);
            return value;
          } finally {
            isRateLimiting = false;
          }
        },
      },
    ],
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
  const limited = variantResult(LIMITED, 'items/s', samples.get(LIMITED)!, true);
  const ideal = pages / (1 + Math.ceil((pages - 1) / 5));
  return {
    params: {
      computers: total,
      pageSize: PAGE_SIZE,
      latencyMs: LATENCY_MS,
      rounds,
      pages,
      rateLimitedPages: `every ${RATE_LIMITED_EVERY}th (page % ${RATE_LIMITED_EVERY} = ${RATE_LIMITED_OFFSET}), once, Retry-After: 1`,
    },
    variants: [c1, c5, limited],
    ratios: [
      ratioResult('concurrency 5 ÷ concurrency 1', c5, c1),
      ratioResult('with 429s ÷ without, concurrency 5', limited, c5),
    ],
    notes: [
      `ideal speed-up (page 0 first, then 5 at a time): ${ideal.toFixed(2)}×; lower bound for one walk at concurrency 1: ${pages * LATENCY_MS} ms`,
      `most requests in flight seen by the fetch: ${maxSeen[1]} at concurrency 1, ${maxSeen[5]} at concurrency 5, ${maxSeen.limited} with 429s (limit 5); ${requests} requests in all, ${rateLimited} answered 429`,
      'with 429s: every item yielded in order (checked per item); each refused page waits its Retry-After (1 s) in retry() while the other slots go on',
    ],
  };
}
