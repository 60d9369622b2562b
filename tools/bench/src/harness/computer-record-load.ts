import { type ChildServer, startFixedResponseServer } from './child-server.js';
import type { FixedRoute } from './fixed-response-server.js';
import { syntheticComputer } from './synthetic-computers.js';

/** The operation the client-overhead benchmarks (P1, P9) call. */
export const COMPUTER_RECORD_PATH = '/v1/computers-inventory-detail/{id}' as const;

/** How P1 and P9 load a client: warm-up, then interleaved closed-loop samples. */
export interface ClientLoadShape {
  /** Requests per measured sample of each variant. */
  requests: number;
  rounds: number;
  warmupRequests: number;
  inFlight: number;
}

/**
 * 40,000 requests per variant as 20 interleaved samples of 2,000 (more rounds pair better against
 * load that drifts while the run lasts: with 10, one run's ratios spread by up to a third on a
 * shared machine), 16 in flight; 1,000 in 2 for `--quick`.
 */
export function clientLoadShape(quick: boolean): ClientLoadShape {
  const totalRequests = quick ? 1_000 : 40_000;
  const rounds = quick ? 2 : 20;
  return {
    requests: totalRequests / rounds,
    rounds,
    warmupRequests: quick ? 300 : 2_000,
    inFlight: 16,
  };
}

/** The `params` a benchmark run with `shape` against the computer-record server reports. */
export function clientLoadParams(shape: ClientLoadShape): Record<string, string | number> {
  return {
    requestsPerVariant: shape.requests * shape.rounds,
    requestsPerSample: shape.requests,
    concurrency: shape.inFlight,
    rounds: shape.rounds,
    warmupRequests: shape.warmupRequests,
    server: 'node:http child process on 127.0.0.1',
  };
}

/**
 * A node:http child process answering `GET /api/v1/computers-inventory-detail/1` with a
 * synthetic computer record, plus `extraRoutes`.
 */
export function startComputerRecordServer(extraRoutes: FixedRoute[] = []): Promise<ChildServer> {
  return startFixedResponseServer([
    {
      method: 'GET',
      path: '/api/v1/computers-inventory-detail/1',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(syntheticComputer(0)),
    },
    ...extraRoutes,
  ]);
}
