/**
 * P12: how fast the mock answers in process, the way test suites use it: msw's `getResponse`
 * over `createJamfMock().handlers` (one handler per route, ~1,200, literal paths first, the
 * Classic routes before the Pro ones), one request after another. Three requests at different
 * places in that list: a Pro read (`GET /api/v1/jamf-pro-version`), a Pro read by id
 * (`GET /api/v1/buildings/{id}`) and a Classic list (`GET /JSSResource/categories`), each with a
 * bearer token. The baseline is msw itself: `getResponse` over one bare `http.get` handler
 * answering the same body, so the ratio is what the mock adds (its handler list, authentication,
 * privileges, validation, state) to msw's own cost. µs per request; the variants interleave.
 */
import { createJamfMock } from '@jamf/mock-server';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { interleave } from './harness/interleave.js';
import { loadMockMsw, type Msw, type MswHandler } from './harness/mock-msw.js';
import { ratioResult, type VariantResult, variantResult } from './harness/result.js';

interface Target {
  name: string;
  path: string;
}

const TARGETS: readonly Target[] = [
  { name: 'Pro GET /api/v1/jamf-pro-version', path: '/api/v1/jamf-pro-version' },
  { name: 'Pro GET /api/v1/buildings/1', path: '/api/v1/buildings/1' },
  { name: 'Classic GET /JSSResource/categories', path: '/JSSResource/categories' },
];

/** Sends `count` requests through `handlers` one after another; µs per request. */
async function microsPerRequest(
  msw: Msw,
  handlers: readonly MswHandler[],
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await msw.getResponse(handlers, new Request(url, { headers }));
    if (response === undefined || response.status !== 200)
      throw new Error(`${url} answered ${response?.status ?? 'nothing'}`);
    await response.arrayBuffer();
  }
  return ((performance.now() - started) / count) * 1000;
}

/** Runs P12; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const requests = context.quick ? 200 : 2_000;
  const rounds = context.quick ? 1 : 5;
  const msw = loadMockMsw();
  const mock = createJamfMock({ seed: 1 });
  // The mock's handlers, as the msw they come from sees them.
  const handlers = mock.handlers as unknown as readonly MswHandler[];
  const token = await msw.getResponse(
    handlers,
    new Request(`${mock.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
    }),
  );
  if (token?.status !== 200) throw new Error(`mock token endpoint answered ${token?.status}`);
  const headers = {
    authorization: `Bearer ${((await token.json()) as { token: string }).token}`,
    accept: 'application/json',
  };
  const variants = [];
  for (const target of TARGETS) {
    const url = `${mock.baseUrl}${target.path}`;
    const captured = await msw.getResponse(handlers, new Request(url, { headers }));
    if (captured?.status !== 200) throw new Error(`${url} answered ${captured?.status}`);
    const body = await captured.text();
    const contentType = captured.headers.get('content-type') ?? 'application/json';
    const bare = [
      msw.http.get(
        url,
        () => new msw.HttpResponse(body, { headers: { 'content-type': contentType } }),
      ),
    ];
    variants.push(
      {
        name: `mock: ${target.name}`,
        run: () => microsPerRequest(msw, handlers, url, headers, requests),
      },
      {
        name: `bare msw: ${target.name}`,
        run: () => microsPerRequest(msw, bare, url, headers, requests),
      },
    );
  }
  const samples = await interleave(variants, {
    rounds,
    onSample: (round, name) => context.log(`round ${round + 1}/${rounds}: ${name}`),
  });
  const results: VariantResult[] = variants.map((variant) =>
    variantResult(variant.name, 'µs/req', samples.get(variant.name)!, false),
  );
  const ratios = TARGETS.map((target, index) =>
    ratioResult(`mock ÷ bare msw, ${target.name}`, results[index * 2]!, results[index * 2 + 1]!),
  );
  return {
    params: { requests, rounds, handlers: mock.handlers.length, sequential: true },
    variants: results,
    ratios,
    notes: [
      `${mock.handlers.length} msw handlers in the mock's list; msw offers a request to each in turn until one answers`,
    ],
  };
}
