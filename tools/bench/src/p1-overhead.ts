/**
 * P1: what our stack costs per request. The same loopback node:http server (in a child process,
 * so its CPU is not charged to the client) answers a computer-inventory record; three clients
 * send the same GET, interleaved round by round:
 *   - bare openapi-fetch with a static Authorization header (same bytes on the wire),
 *   - @jamf/pro-api with the same static header: what the client itself adds (its default
 *     timeout and User-Agent), so the auth layer's own cost reads as (pro-api + auth) ÷ pro-api,
 *   - @jamf/pro-api with @jamf/auth's middleware (OAuth client credentials, cached token),
 *   - @jamf/pro-api with the recommended stack: auth → retry → concurrency.
 * Middleware order as @jamf/auth documents it: auth first, then retry, then concurrency.
 * The concurrency layer's limit equals the load's concurrency, so it never queues: the ratio is
 * overhead, not throttling.
 */
import { authMiddleware, clientCredentials } from '@jamf/auth';
import { concurrency, retry, withConcurrency, withRetry } from '@jamf/auth/resilience';
import { createProClient, type paths } from '@jamf/pro-api';
import createClient from 'openapi-fetch';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import {
  COMPUTER_RECORD_PATH,
  clientLoadParams,
  clientLoadShape,
  startComputerRecordServer,
} from './harness/computer-record-load.js';
import { interleavedLoad } from './harness/interleaved-load.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

const TOKEN_BODY = JSON.stringify({
  access_token: 'bench-access-token',
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'api-role:1',
});

type Call = () => Promise<void>;

/** Runs P1; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const shape = clientLoadShape(context.quick);
  const { requests, rounds, warmupRequests, inFlight } = shape;
  const json = 'application/json';
  const server = await startComputerRecordServer([
    { method: 'POST', path: '/api/oauth/token', status: 200, contentType: json, body: TOKEN_BODY },
    {
      method: 'POST',
      path: '/api/v1/oauth/token',
      status: 200,
      contentType: json,
      body: TOKEN_BODY,
    },
  ]);
  try {
    const baseUrl = server.origin;
    const provider = () =>
      clientCredentials({ baseUrl, clientId: 'bench', clientSecret: 'bench-secret' });

    const bare = createClient<paths>({
      baseUrl: `${baseUrl}/api`,
      headers: { authorization: 'Bearer bench-access-token' },
    });
    const proOnly = createProClient({
      baseUrl,
      headers: { authorization: 'Bearer bench-access-token' },
    });
    const withAuth = createProClient({ baseUrl, auth: provider() });
    const withAuthMiddleware = createProClient({
      baseUrl,
      middleware: [authMiddleware(provider())],
    });
    const fullStack = createProClient({
      baseUrl,
      auth: provider(),
      middleware: [retry(), concurrency({ max: inFlight })],
    });
    const fullLayers = createProClient({
      baseUrl,
      auth: provider(),
      fetch: withConcurrency(
        withRetry((r) => globalThis.fetch(r)),
        { max: inFlight },
      ),
    });

    const get =
      (client: typeof bare): Call =>
      async () => {
        const { data, response } = await client.GET(COMPUTER_RECORD_PATH, {
          params: { path: { id: '1' } },
        });
        if (!response.ok || data?.id !== '1')
          throw new Error(`unexpected response ${response.status}`);
      };
    const clients: [string, Call][] = [
      ['openapi-fetch (bare)', get(bare)],
      ['pro-api (static header)', get(proOnly as unknown as typeof bare)],
      ['pro-api + auth', get(withAuth as unknown as typeof bare)],
      ['pro-api + authMiddleware', get(withAuthMiddleware as unknown as typeof bare)],
      ['pro-api + auth + retry + concurrency', get(fullStack as unknown as typeof bare)],
      ['pro-api + auth + withRetry + withConcurrency', get(fullLayers as unknown as typeof bare)],
    ];

    const { requestsPerSecond: samples, clientCpuMicros: cpuSamples } = await interleavedLoad(
      clients,
      { warmupRequests, requests, inFlight, rounds, log: context.log },
    );
    type Six = [
      VariantResult,
      VariantResult,
      VariantResult,
      VariantResult,
      VariantResult,
      VariantResult,
    ];
    const [base, pro, auth, authMw, full, layers] = clients.map(([name]) =>
      variantResult(name, 'req/s', samples.get(name)!, true),
    ) as Six;
    const [baseCpu, proCpu, authCpu, authMwCpu, fullCpu, layersCpu] = clients.map(([name]) =>
      variantResult(`${name}: client CPU`, 'µs/req', cpuSamples.get(name)!, false),
    ) as Six;
    return {
      params: clientLoadParams(shape),
      variants: [
        base,
        pro,
        auth,
        authMw,
        full,
        layers,
        baseCpu,
        proCpu,
        authCpu,
        authMwCpu,
        fullCpu,
        layersCpu,
      ],
      ratios: [
        ratioResult('pro-api + auth ÷ bare, req/s (goal ≥ 0.99)', auth, base),
        ratioResult('full stack ÷ bare, req/s (goal ≥ 0.97)', full, base),
        ratioResult('full stack as fetch layers ÷ bare, req/s', layers, base),
        ratioResult('pro-api + authMiddleware ÷ bare, req/s', authMw, base),
        ratioResult('pro-api ÷ bare, req/s (timeout + User-Agent)', pro, base),
        ratioResult('pro-api + auth ÷ pro-api, req/s (the auth layer)', auth, pro),
        ratioResult('pro-api + auth ÷ bare, client CPU', authCpu, baseCpu),
        ratioResult('full stack ÷ bare, client CPU', fullCpu, baseCpu),
      ],
      notes: [
        `client CPU added per request, difference of medians: pro-api ${(proCpu.median - baseCpu.median).toFixed(1)} µs, pro-api + auth ${(authCpu.median - baseCpu.median).toFixed(1)} µs, full stack ${(fullCpu.median - baseCpu.median).toFixed(1)} µs`,
      ],
    };
  } finally {
    await server.close();
  }
}
