/**
 * P1: what our stack costs per request. The same loopback node:http server (in a child process,
 * so its CPU is not charged to the client) answers a computer-inventory record; seven clients send
 * the same GET, interleaved round by round:
 *   - bare openapi-fetch with a static Authorization header (same bytes on the wire),
 *   - @jamf/pro-api with the same static header: what the client itself adds (its default
 *     timeout and User-Agent),
 *   - @jamf/pro-api with `auth` (OAuth client credentials, cached token): the recommended way,
 *   - the same with `timeoutMs: 0`: the auth layer alone, without the default timeout (whose
 *     per-request AbortSignal undici follows: most of what the client adds; bare openapi-fetch
 *     pays a follow too, for the copy `fetch` makes of its Request, which a client's prepared
 *     request does not need),
 *   - @jamf/pro-api with @jamf/auth's `authMiddleware` instead of `auth`: openapi-fetch's
 *     middleware machinery on every call,
 *   - the recommended full stack: `auth` with `layers: [retry(), concurrency()]`, and the same
 *     with `timeoutMs: 0` (what the layers cost without the timeout),
 *   - the same stack as openapi-fetch middleware (authMiddleware → retry → concurrency).
 * The concurrency layer's limit equals the load's concurrency, so it never queues: the ratio is
 * overhead, not throttling.
 */
import { authMiddleware, clientCredentials } from '@jamf/auth';
import { concurrency, retry } from '@jamf/auth/resilience';
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
    const stacks = {
      pro: createProClient({ baseUrl, headers: { authorization: 'Bearer bench-access-token' } }),
      auth: createProClient({ baseUrl, auth: provider() }),
      authAlone: createProClient({ baseUrl, auth: provider(), timeoutMs: 0 }),
      authMiddleware: createProClient({ baseUrl, middleware: [authMiddleware(provider())] }),
      full: createProClient({
        baseUrl,
        auth: provider(),
        layers: [retry(), concurrency({ max: inFlight })],
      }),
      fullAlone: createProClient({
        baseUrl,
        auth: provider(),
        layers: [retry(), concurrency({ max: inFlight })],
        timeoutMs: 0,
      }),
      fullMiddleware: createProClient({
        baseUrl,
        middleware: [authMiddleware(provider()), retry(), concurrency({ max: inFlight })],
      }),
    };

    const get =
      (client: unknown): Call =>
      async () => {
        const { data, response } = await (client as typeof bare).GET(COMPUTER_RECORD_PATH, {
          params: { path: { id: '1' } },
        });
        if (!response.ok || data?.id !== '1')
          throw new Error(`unexpected response ${response.status}`);
      };
    const names = {
      bare: 'openapi-fetch (bare)',
      pro: 'pro-api (static header)',
      auth: 'pro-api + auth',
      authAlone: 'pro-api + auth, timeoutMs 0',
      authMiddleware: 'pro-api + authMiddleware',
      full: 'pro-api + auth + retry + concurrency layers',
      fullAlone: 'pro-api + auth + layers, timeoutMs 0',
      fullMiddleware: 'pro-api + the same as middleware',
    } as const;
    type Variant = keyof typeof names;
    const clients: [string, Call][] = [
      [names.bare, get(bare)],
      ...(Object.keys(stacks) as Exclude<Variant, 'bare'>[]).map((key): [string, Call] => [
        names[key],
        get(stacks[key]),
      ]),
    ];

    const { requestsPerSecond: samples, clientCpuMicros: cpuSamples } = await interleavedLoad(
      clients,
      { warmupRequests, requests, inFlight, rounds, log: context.log },
    );
    const rate = (key: Variant) =>
      variantResult(names[key], 'req/s', samples.get(names[key])!, true);
    const cpu = (key: Variant) =>
      variantResult(`${names[key]}: client CPU`, 'µs/req', cpuSamples.get(names[key])!, false);
    const keys = Object.keys(names) as Variant[];
    const rates = Object.fromEntries(keys.map((key) => [key, rate(key)])) as Record<
      Variant,
      VariantResult
    >;
    const cpus = Object.fromEntries(keys.map((key) => [key, cpu(key)])) as Record<
      Variant,
      VariantResult
    >;
    const added = (key: Variant) => (cpus[key].median - cpus.bare.median).toFixed(1);
    return {
      params: clientLoadParams(shape),
      variants: [...keys.map((key) => rates[key]), ...keys.map((key) => cpus[key])],
      ratios: [
        ratioResult('pro-api + auth ÷ bare, req/s (goal ≥ 0.99)', rates.auth, rates.bare),
        ratioResult('full stack ÷ bare, req/s (goal ≥ 0.97)', rates.full, rates.bare),
        ratioResult(
          'pro-api + auth, timeoutMs 0 ÷ bare, req/s (auth alone)',
          rates.authAlone,
          rates.bare,
        ),
        ratioResult(
          'full stack, timeoutMs 0 ÷ bare, req/s (the layers alone)',
          rates.fullAlone,
          rates.bare,
        ),
        ratioResult('pro-api + authMiddleware ÷ bare, req/s', rates.authMiddleware, rates.bare),
        ratioResult('full stack as middleware ÷ bare, req/s', rates.fullMiddleware, rates.bare),
        ratioResult('pro-api ÷ bare, req/s (timeout + User-Agent)', rates.pro, rates.bare),
        ratioResult('pro-api + auth ÷ bare, client CPU', cpus.auth, cpus.bare),
        ratioResult('full stack ÷ bare, client CPU', cpus.full, cpus.bare),
      ],
      notes: [
        `client CPU added per request, difference of medians: pro-api ${added('pro')} µs, pro-api + auth ${added('auth')} µs, the same with timeoutMs 0 ${added('authAlone')} µs, authMiddleware ${added('authMiddleware')} µs, full stack ${added('full')} µs (timeoutMs 0 ${added('fullAlone')} µs, as middleware ${added('fullMiddleware')} µs)`,
      ],
    };
  } finally {
    await server.close();
  }
}
