/**
 * P4: how fast the standalone mock answers. The `jamf-mock-server` bin (child process, 127.0.0.1,
 * port 0, --quiet) is loaded with a computer-inventory page (GET /api/v1/computers-inventory,
 * 100 per page, Bearer token) and with the token endpoint (POST /api/v1/auth/token, Basic).
 * The baseline is a plain node:http server (also a child process) answering the same status,
 * content type and body, captured from the mock first. A reference line shows msw's own share:
 * the same bodies from bare msw handlers behind the mock's kind of node:http adapter (Request in,
 * `getResponse`, Response out). A keep-alive node:http client sends the requests, 16 in flight;
 * the six variants are interleaved.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import {
  type ChildServer,
  processCpuMs,
  startFixedResponseServer,
  startListeningCommand,
  startMswResponseServer,
} from './harness/child-server.js';
import { loadClient } from './harness/http-client.js';
import { interleave } from './harness/interleave.js';
import { closedLoop } from './harness/load.js';
import { ratioResult, variantResult } from './harness/result.js';

const BASIC = `Basic ${Buffer.from('admin:jamf1234').toString('base64')}`;
const INVENTORY = '/api/v1/computers-inventory?section=GENERAL&page=0&page-size=100';
const TOKEN = '/api/v1/auth/token';
const IN_FLIGHT = 16;

/** Path of the `jamf-mock-server` bin of the installed `@jamf/mock-server`. */
export function mockBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@jamf/mock-server/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['jamf-mock-server'];
  if (!bin) throw new Error('@jamf/mock-server declares no jamf-mock-server bin');
  return join(dirname(manifestPath), bin);
}

/** Runs P4; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  // Requests per sample, the same count for every server: each full sample lasts a few hundred
  // milliseconds (the msw reference about a second), long enough for the server CPU read from
  // /proc in 10 ms ticks; 100-request samples lasted under 10 ms once the mock got fast.
  const inventoryRequests = context.quick ? 200 : 3_000;
  const tokenRequests = context.quick ? 500 : 5_000;
  const rounds = context.quick ? 1 : 5;
  const warmupPasses = context.quick ? 1 : 2;
  const computers = 1_000;
  const servers: ChildServer[] = [];
  const clients: ReturnType<typeof loadClient>[] = [];
  try {
    const mock = await startListeningCommand(
      process.execPath,
      [mockBin(), '--port', '0', '--quiet', '--computers', String(computers)],
      { cwd: context.benchRoot, timeoutMs: 30_000 },
    );
    servers.push(mock);
    const tokenResponse = await fetch(`${mock.origin}${TOKEN}`, {
      method: 'POST',
      headers: { authorization: BASIC },
    });
    const tokenBody = await tokenResponse.text();
    if (tokenResponse.status !== 200)
      throw new Error(`mock token endpoint answered ${tokenResponse.status}: ${tokenBody}`);
    let bearer = `Bearer ${(JSON.parse(tokenBody) as { token: string }).token}`;
    // The mock keeps at most 10,000 live tokens, dropping the oldest: after the token samples the
    // first bearer may be gone, so each inventory sample on the mock starts with a fresh one.
    const freshBearer = async () => {
      const response = await fetch(`${mock.origin}${TOKEN}`, {
        method: 'POST',
        headers: { authorization: BASIC },
      });
      if (response.status !== 200)
        throw new Error(`mock token endpoint answered ${response.status}`);
      bearer = `Bearer ${((await response.json()) as { token: string }).token}`;
    };
    const pageResponse = await fetch(`${mock.origin}${INVENTORY}`, {
      headers: { authorization: bearer },
    });
    const pageBody = await pageResponse.text();
    if (pageResponse.status !== 200)
      throw new Error(`mock inventory answered ${pageResponse.status}: ${pageBody.slice(0, 500)}`);
    const capturedRoutes = [
      {
        method: 'GET',
        path: INVENTORY.split('?')[0]!,
        status: 200,
        contentType: pageResponse.headers.get('content-type') ?? 'application/json',
        body: pageBody,
      },
      {
        method: 'POST',
        path: TOKEN,
        status: 200,
        contentType: tokenResponse.headers.get('content-type') ?? 'application/json',
        body: tokenBody,
      },
    ];
    const plain = await startFixedResponseServer(capturedRoutes);
    servers.push(plain);
    const msw = await startMswResponseServer(capturedRoutes);
    servers.push(msw);

    const mockClient = loadClient(mock.origin, IN_FLIGHT);
    const plainClient = loadClient(plain.origin, IN_FLIGHT);
    const mswClient = loadClient(msw.origin, IN_FLIGHT);
    clients.push(mockClient, plainClient, mswClient);
    const inventory =
      (client: typeof mockClient, count = inventoryRequests) =>
      async () => {
        if (client === mockClient) await freshBearer();
        return closedLoop(count, IN_FLIGHT, () =>
          client.send('GET', INVENTORY, { authorization: bearer, accept: 'application/json' }),
        );
      };
    const token =
      (client: typeof mockClient, count = tokenRequests) =>
      () =>
        closedLoop(count, IN_FLIGHT, () =>
          client.send('POST', TOKEN, { authorization: BASIC, accept: 'application/json' }),
        );
    const variants = [
      { name: 'mock: inventory page', server: mock, load: inventory(mockClient) },
      { name: 'plain: inventory page', server: plain, load: inventory(plainClient) },
      { name: 'mock: token', server: mock, load: token(mockClient) },
      { name: 'plain: token', server: plain, load: token(plainClient) },
      { name: 'msw reference: inventory page', server: msw, load: inventory(mswClient) },
      { name: 'msw reference: token', server: msw, load: token(mswClient) },
    ];
    // Steady state is what is compared: V8 needs a few thousand requests to optimise the mock's
    // (much longer) path: each pass sends 8,000 requests per server.
    context.log('warm-up');
    for (let pass = 0; pass < warmupPasses; pass++) {
      for (const client of [mockClient, plainClient, mswClient]) {
        await inventory(client)();
        await token(client)();
      }
    }
    // The server's CPU per request (from /proc, Linux only) beside req/s: it moves far less than
    // wall time when other processes compete for the cores.
    const cpuSamples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    const samples = await interleave(
      variants.map((v) => ({
        name: v.name,
        run: async () => {
          const before = processCpuMs(v.server.pid);
          const load = await v.load();
          const after = processCpuMs(v.server.pid);
          if (before !== undefined && after !== undefined) {
            cpuSamples.get(v.name)!.push((after - before) / load.requests);
          }
          return load.requestsPerSecond;
        },
      })),
      {
        rounds,
        warmupRounds: 0,
        onSample: (round, name) => context.log(`round ${round + 1}/${rounds}: ${name}`),
      },
    );
    const speed = variants.map((v) => variantResult(v.name, 'req/s', samples.get(v.name)!, true));
    const hasCpu = [...cpuSamples.values()].every(
      (list) => list.length === rounds && list.every((value) => value > 0),
    );
    const cpu = hasCpu
      ? variants.map((v) =>
          variantResult(`${v.name}: server CPU`, 'ms/req', cpuSamples.get(v.name)!, false),
        )
      : [];
    const ratios = [
      ratioResult('mock ÷ plain, inventory page, req/s', speed[0]!, speed[1]!),
      ratioResult('mock ÷ plain, token, req/s', speed[2]!, speed[3]!),
      ratioResult('msw reference ÷ plain, inventory page, req/s', speed[4]!, speed[1]!),
      ratioResult('msw reference ÷ plain, token, req/s', speed[5]!, speed[3]!),
    ];
    if (hasCpu) {
      ratios.push(
        ratioResult('mock ÷ plain, inventory page, server CPU', cpu[0]!, cpu[1]!),
        ratioResult('mock ÷ plain, token, server CPU', cpu[2]!, cpu[3]!),
        ratioResult('msw reference ÷ plain, inventory page, server CPU', cpu[4]!, cpu[1]!),
        ratioResult('msw reference ÷ plain, token, server CPU', cpu[5]!, cpu[3]!),
      );
    }
    return {
      params: {
        computers,
        inventoryRequests,
        tokenRequests,
        concurrency: IN_FLIGHT,
        rounds,
        warmupPasses,
        inventoryPath: INVENTORY,
      },
      variants: [...speed, ...cpu],
      ratios,
      notes: [
        `inventory page body ${Buffer.byteLength(pageBody).toLocaleString('en-US')} B; token body ${Buffer.byteLength(tokenBody)} B`,
        hasCpu
          ? 'server CPU from /proc/PID/stat in 10 ms ticks: coarse for the plain server'
          : 'server CPU not reported (no /proc, or a sample shorter than one 10 ms tick)',
      ],
    };
  } finally {
    for (const client of clients) client.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}
