/**
 * P2: how many token requests concurrent callers cause, and how many callers have to wait.
 * An OAuth client-credentials provider talks to an injected fetch that answers token requests
 * one macrotask later (so callers served from cache, which resolve in microtasks, are told apart
 * from callers that waited for a token response). The clock is injected.
 *
 * Scenarios, 3 rounds each (they are deterministic; the rounds show it):
 *   - cold: 1,000 concurrent calls on a fresh provider;
 *   - steady: a warm-up burst, then 10,000 calls over 10 token lifetimes in 1,000 bursts of 10, the
 *     clock stepping a hundredth of a lifetime between bursts (traffic that never pauses). Token
 *     requests and waiting callers after the warm-up burst are reported on their own: the goal
 *     is one token request per lifetime (10 for 10) and no caller waiting;
 *   - after idle: 10 bursts of 1,000 calls, the clock stepping 1.5 lifetimes between them (every
 *     burst finds the token expired).
 * A caller "waited" when its call completed only after a token response that arrived after the
 * call began.
 */
import { clientCredentials } from '@jamf/auth';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

const LIFETIME_S = 600;
const BASE_URL = 'https://jamf.bench.test';

interface Tally {
  calls: number;
  tokenRequests: number;
  waited: number;
  /** Token requests after the first burst. */
  tokenRequestsAfterWarmup: number;
  /** Callers of the bursts after the first that waited for a token response. */
  waitedAfterWarmup: number;
}

function tokenServer() {
  const state = { requests: 0, responses: 0, inFlight: 0 };
  const fetch = async (): Promise<Response> => {
    state.requests++;
    state.inFlight++;
    await new Promise((resolve) => setImmediate(resolve));
    state.inFlight--;
    state.responses++;
    const body = {
      access_token: `token-${state.requests}`,
      token_type: 'Bearer',
      expires_in: LIFETIME_S,
      scope: 'api-role:1',
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { state, fetch: fetch as unknown as typeof globalThis.fetch };
}

async function scenario(bursts: number, callsPerBurst: number, stepMs: number): Promise<Tally> {
  const server = tokenServer();
  let clock = Date.UTC(2026, 10, 23);
  const provider = clientCredentials({
    baseUrl: BASE_URL,
    clientId: 'bench',
    clientSecret: 'bench-secret',
    fetch: server.fetch,
    now: () => clock,
  });
  let waited = 0;
  let warmupRequests = 0;
  let warmupWaited = 0;
  const call = async () => {
    const before = server.state.responses;
    await provider.getToken();
    if (server.state.responses > before) waited++;
  };
  for (let burst = 0; burst < bursts; burst++) {
    if (burst === 1) {
      warmupRequests = server.state.requests;
      warmupWaited = waited;
    }
    if (burst > 0) clock += stepMs;
    await Promise.all(Array.from({ length: callsPerBurst }, call));
    // Let a background refresh started by this burst finish before time moves on.
    while (server.state.inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await provider.close();
  if (bursts === 1) {
    warmupRequests = server.state.requests;
    warmupWaited = waited;
  }
  return {
    calls: bursts * callsPerBurst,
    tokenRequests: server.state.requests,
    waited,
    tokenRequestsAfterWarmup: server.state.requests - warmupRequests,
    waitedAfterWarmup: waited - warmupWaited,
  };
}

/** Runs P2; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const scale = context.quick ? 10 : 1;
  const rounds = context.quick ? 1 : 3;
  const lifetimeMs = LIFETIME_S * 1000;
  const scenarios = {
    cold: () => scenario(1, 1_000 / scale, 0),
    // One warm-up burst, then 1,000 bursts over exactly 10 lifetimes.
    steady: () => scenario(1_001, 10 / scale, lifetimeMs / 100),
    'after idle': () => scenario(10, 1_000 / scale, lifetimeMs * 1.5),
  };
  const tallies = new Map<string, Tally[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, runScenario] of Object.entries(scenarios)) {
      context.log(`round ${round + 1}/${rounds}: ${name}`);
      const list = tallies.get(name) ?? [];
      list.push(await runScenario());
      tallies.set(name, list);
    }
  }
  const variants: VariantResult[] = [];
  const ratios = [];
  const notes: string[] = [];
  for (const [name, list] of tallies) {
    const calls = variantResult(
      `${name}: calls`,
      'calls',
      list.map((t) => t.calls),
      false,
    );
    const requests = variantResult(
      `${name}: token requests`,
      'requests',
      list.map((t) => t.tokenRequests),
      false,
    );
    const waited = variantResult(
      `${name}: callers that waited`,
      'callers',
      list.map((t) => t.waited),
      false,
    );
    variants.push(requests, waited);
    ratios.push(ratioResult(`${name}: token requests ÷ calls`, requests, calls));
    if (name === 'steady') {
      variants.push(
        variantResult(
          'steady after warm-up: token requests (goal 10 for 10 lifetimes)',
          'requests',
          list.map((t) => t.tokenRequestsAfterWarmup),
          false,
        ),
        variantResult(
          'steady after warm-up: callers that waited (goal 0)',
          'callers',
          list.map((t) => t.waitedAfterWarmup),
          false,
        ),
      );
    }
    notes.push(`${name}: ${list[0]!.calls.toLocaleString('en-US')} calls`);
  }
  return {
    params: {
      tokenLifetimeSeconds: LIFETIME_S,
      rounds,
      provider: 'clientCredentials (OAuth)',
      tokenResponse: 'one macrotask after the request',
    },
    variants,
    ratios,
    notes,
  };
}
