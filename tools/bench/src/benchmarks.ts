import type { RunBenchmark } from './harness/benchmark.js';

/** A benchmark as the runner knows it: loaded lazily so one unbuilt package fails only its own. */
export interface BenchmarkEntry {
  id: string;
  title: string;
  load(): Promise<{ run: RunBenchmark }>;
  /** Hard limit for the child process running it. */
  timeoutMs: { full: number; quick: number };
}

/** Every benchmark, in the order they run and print. */
export const benchmarks: readonly BenchmarkEntry[] = [
  {
    id: 'P1',
    title: 'overhead: req/s of @jamf/pro-api stacks ÷ bare openapi-fetch (loopback node:http)',
    load: () => import('./p1-overhead.js'),
    timeoutMs: { full: 480_000, quick: 60_000 },
  },
  {
    id: 'P2',
    title: 'single-flight: token requests and waiting callers (injected clock)',
    load: () => import('./p2-single-flight.js'),
    timeoutMs: { full: 60_000, quick: 20_000 },
  },
  {
    id: 'P3',
    title: 'types: codegen ÷ raw openapi-typescript; tsc of a consumer ÷ raw types + openapi-fetch',
    load: () => import('./p3-types.js'),
    timeoutMs: { full: 300_000, quick: 150_000 },
  },
  {
    id: 'P4',
    title: 'mock: req/s of the standalone mock ÷ a plain node:http handler with the same body',
    load: () => import('./p4-mock.js'),
    timeoutMs: { full: 180_000, quick: 60_000 },
  },
  {
    id: 'P5',
    title: 'pagination: paginate() at concurrency 5 ÷ concurrency 1 (20 ms injected latency)',
    load: () => import('./p5-pagination.js'),
    timeoutMs: { full: 60_000, quick: 20_000 },
  },
  {
    id: 'P6',
    title: 'size: min+gzip bundles (esbuild, node:zlib) beside openapi-fetch alone',
    load: () => import('./p6-size.js'),
    timeoutMs: { full: 60_000, quick: 30_000 },
  },
  {
    id: 'P7',
    title: 'memory: heap growth over many requests with a 401-and-replay every 100th (after gc)',
    load: () => import('./p7-memory.js'),
    timeoutMs: { full: 300_000, quick: 60_000 },
  },
  {
    id: 'P8',
    title:
      'webhooks: events/s of the @jamf/webhooks receiver ÷ a bare handler that only parses JSON',
    load: () => import('./p8-webhook-receiver.js'),
    timeoutMs: { full: 180_000, quick: 30_000 },
  },
  {
    id: 'P9',
    title: 'observability: req/s and client CPU with logRequests / otelMiddleware ÷ without',
    load: () => import('./p9-observability.js'),
    timeoutMs: { full: 480_000, quick: 60_000 },
  },
  {
    id: 'P10',
    title:
      'upload: uploadPackage of a 2 GiB sparse file to the mock (MiB/s, RSS added) beside fetch',
    load: () => import('./p10-upload.js'),
    timeoutMs: { full: 600_000, quick: 120_000 },
  },
  {
    id: 'P11',
    title: 'mock memory: RSS of the standalone mock after 100,000 token requests and 100,000 pages',
    load: () => import('./p11-mock-memory.js'),
    timeoutMs: { full: 1_800_000, quick: 120_000 },
  },
  {
    id: 'P12',
    title:
      'mock in process: µs per request through msw getResponse over the mock ÷ one bare handler',
    load: () => import('./p12-mock-in-process.js'),
    timeoutMs: { full: 180_000, quick: 60_000 },
  },
];
