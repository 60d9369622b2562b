/**
 * P7: does the auth path leak? 100,000 GETs (16 in flight) through @jamf/pro-api with @jamf/auth's
 * middleware, against an in-process fake server (injected fetch) that answers every 100th API
 * request with Jamf's 401 INVALID_TOKEN, so the middleware drops the token, fetches a new one and
 * replays. The provider's clock is injected and steps 50 ms per request (tokens also expire on
 * time). Heap is read after full GCs (--expose-gc) and event-loop turns at 10 checkpoints; the figure is growth
 * from the first checkpoint (after a warm-up) to the last. Bare openapi-fetch with the same server
 * (401s passed through, no replay) is the baseline.
 */
import { authMiddleware, clientCredentials } from '@jamf/auth';
import { createProClient, type paths } from '@jamf/pro-api';
import createClient from 'openapi-fetch';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { closedLoop } from './harness/load.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';
import { syntheticComputer } from './harness/synthetic-computers.js';

const BASE_URL = 'https://jamf.bench.test';
const PATH = '/v1/computers-inventory-detail/{id}' as const;
const RECORD = JSON.stringify(syntheticComputer(0));
const UNAUTHORIZED = JSON.stringify({
  httpStatus: 401,
  errors: [{ code: 'INVALID_TOKEN', field: null, description: 'Unauthorized', id: '0' }],
});
const CHECKPOINTS = 10;

/**
 * Heap in use after full collections. undici frees a Request's abort-signal links from a
 * FinalizationRegistry, whose callbacks run only after a GC and a turn of the event loop, so
 * collecting synchronously would count garbage as growth: alternate GC and event-loop turns.
 */
async function collectGarbage(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (the bench runner does)');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  gc();
  return process.memoryUsage().heapUsed;
}

function fakeServer(advanceClock: () => void) {
  const counts = { api: 0, unauthorized: 0, token: 0 };
  const fetch = async (input: Request | string | URL): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/oauth/token')) {
      counts.token++;
      const body = {
        access_token: `token-${counts.token}`,
        token_type: 'Bearer',
        expires_in: 1200,
        scope: 'api-role:1',
      };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    advanceClock();
    counts.api++;
    if (counts.api % 100 === 0) {
      counts.unauthorized++;
      return new Response(UNAUTHORIZED, {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(RECORD, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { counts, fetch };
}

interface HeapRun {
  growthBytes: number;
  checkpoints: number[];
  counts: { api: number; unauthorized: number; token: number };
  failures: number;
}

async function measure(requests: number, withAuth: boolean): Promise<HeapRun> {
  let clock = Date.UTC(2026, 10, 23);
  const server = fakeServer(() => {
    clock += 50;
  });
  const client = withAuth
    ? (createProClient({
        baseUrl: BASE_URL,
        fetch: server.fetch,
        middleware: [
          authMiddleware(
            clientCredentials({
              baseUrl: BASE_URL,
              clientId: 'bench',
              clientSecret: 'bench-secret',
              fetch: server.fetch as typeof fetch,
              now: () => clock,
            }),
          ),
        ],
      }) as unknown as ReturnType<typeof createClient<paths>>)
    : createClient<paths>({
        baseUrl: `${BASE_URL}/api`,
        fetch: server.fetch,
        headers: { authorization: 'Bearer static' },
      });
  let failures = 0;
  const call = async () => {
    const { response } = await client.GET(PATH, { params: { path: { id: '1' } } });
    if (!response.ok) failures++;
  };
  await closedLoop(Math.min(1_000, requests / 10), 16, call);
  failures = 0;
  const checkpoints = [await collectGarbage()];
  const perCheckpoint = Math.ceil(requests / CHECKPOINTS);
  for (let done = 0; done < requests; done += perCheckpoint) {
    await closedLoop(Math.min(perCheckpoint, requests - done), 16, call);
    checkpoints.push(await collectGarbage());
  }
  return {
    growthBytes: checkpoints.at(-1)! - checkpoints[0]!,
    checkpoints,
    counts: server.counts,
    failures,
  };
}

function endAndStart(run: HeapRun): [VariantResult, VariantResult] {
  return [
    variantResult('heap at end', 'B', [run.checkpoints.at(-1)!], false),
    variantResult('heap at start', 'B', [run.checkpoints[0]!], false),
  ];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Runs P7; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const requests = context.quick ? 5_000 : 100_000;
  context.log(`bare openapi-fetch, ${requests} requests`);
  const bare = await measure(requests, false);
  context.log(`pro-api + auth, ${requests} requests`);
  const auth = await measure(requests, true);
  const bareResult = variantResult(
    'openapi-fetch (bare), heap growth',
    'KB',
    [bare.growthBytes / 1024],
    false,
  );
  const authResult = variantResult(
    'pro-api + auth with 401 replays, heap growth',
    'KB',
    [auth.growthBytes / 1024],
    false,
  );
  const notes = [
    `pro-api + auth: ${auth.counts.api} API responses (${auth.counts.unauthorized} × 401), ${auth.counts.token} token requests, ${auth.failures} calls not ok after replay; ${((auth.growthBytes / requests) * 1000).toFixed(0)} B per 1,000 requests`,
    `pro-api + auth heap after gc at checkpoints: ${auth.checkpoints.map(kb).join(', ')}`,
    `bare heap after gc at checkpoints: ${bare.checkpoints.map(kb).join(', ')}`,
  ];
  const replayed = auth.counts.unauthorized > 0 && auth.failures === 0;
  return {
    status: replayed ? 'ok' : 'failed',
    reason: replayed ? undefined : `401s were not all replayed (${auth.failures} calls not ok)`,
    params: {
      requests,
      concurrency: 16,
      unauthorizedEvery: 100,
      clockStepMs: 50,
      checkpoints: CHECKPOINTS,
    },
    variants: [bareResult, authResult],
    ratios: [
      ratioResult('pro-api + auth: heap at end ÷ at start', ...endAndStart(auth)),
      ratioResult('bare: heap at end ÷ at start', ...endAndStart(bare)),
    ],
    notes,
  };
}
