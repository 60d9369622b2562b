/**
 * P11: the standalone mock's memory under a long run. The `jamf-mock-server` bin (child process,
 * 127.0.0.1, --quiet, 1,000 computers) gets a warm-up, then N token requests
 * (POST /api/v1/auth/token, Basic) and N inventory pages (GET /api/v1/computers-inventory,
 * 10 per page, Bearer), 16 in flight. The child's resident set size (VmRSS of /proc/PID/status,
 * Linux) is read after the warm-up, after the tokens and after the pages, each time after a full
 * GC the child runs on SIGUSR2 (`harness/gc-on-signal-preload.mjs`): growth past the warm-up is
 * what the mock keeps (issued tokens are collected on its clock and capped). Goal: under +20 MB
 * after 100,000 of each.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { BenchmarkContext, BenchmarkOutcome } from './harness/benchmark.js';
import { skip } from './harness/benchmark.js';
import { type ChildServer, startListeningCommand } from './harness/child-server.js';
import { loadClient } from './harness/http-client.js';
import { closedLoop } from './harness/load.js';
import { variantResult } from './harness/result.js';
import { mockBin } from './p4-mock.js';

const BASIC = `Basic ${Buffer.from('admin:jamf1234').toString('base64')}`;
const TOKEN = '/api/v1/auth/token';
const PAGE = (page: number) =>
  `/api/v1/computers-inventory?section=GENERAL&page=${page % 100}&page-size=10`;
const IN_FLIGHT = 16;
const BUDGET_MB = 20;
const GC_PRELOAD = fileURLToPath(new URL('./harness/gc-on-signal-preload.mjs', import.meta.url));

/** Resident set size of process `pid` in MB (MiB), from /proc; undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** RSS of the child after asking it for a full GC (SIGUSR2) and letting it run. */
async function rssAfterGc(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  process.kill(pid, 'SIGUSR2');
  await delay(500);
  return rssMb(pid);
}

/** Runs P11; see the module comment. */
export async function run(context: BenchmarkContext): Promise<BenchmarkOutcome> {
  const requests = context.quick ? 2_000 : 100_000;
  const warmup = context.quick ? 500 : 5_000;
  let server: ChildServer | undefined;
  let client: ReturnType<typeof loadClient> | undefined;
  try {
    server = await startListeningCommand(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        GC_PRELOAD,
        mockBin(),
        '--port',
        '0',
        '--quiet',
        '--computers',
        '1000',
      ],
      { cwd: context.benchRoot, timeoutMs: 30_000 },
    );
    if (rssMb(server.pid) === undefined) return skip('no /proc/PID/status to read RSS from');
    const origin = server.origin;
    // A fresh token per phase: the mock keeps at most 10,000 live tokens, so the token phase
    // retires the one taken before it (by design; see the mock's fidelity ledger).
    const freshBearer = async () => {
      const response = await fetch(`${origin}${TOKEN}`, {
        method: 'POST',
        headers: { authorization: BASIC },
      });
      if (response.status !== 200)
        throw new Error(`mock token endpoint answered ${response.status}`);
      return `Bearer ${((await response.json()) as { token: string }).token}`;
    };
    let bearer = await freshBearer();
    const http = loadClient(origin, IN_FLIGHT);
    client = http;
    const tokens = (count: number) =>
      closedLoop(count, IN_FLIGHT, () =>
        http.send('POST', TOKEN, { authorization: BASIC, accept: 'application/json' }),
      );
    const pages = (count: number) =>
      closedLoop(count, IN_FLIGHT, (index) =>
        http.send('GET', PAGE(index), { authorization: bearer, accept: 'application/json' }),
      );
    context.log(`warm-up: ${warmup} token requests and ${warmup} pages`);
    await tokens(warmup);
    await pages(warmup);
    const pid = server.pid;
    const start = (await rssAfterGc(pid))!;
    context.log(`${requests} token requests`);
    const tokenRun = await tokens(requests);
    const afterTokens = (await rssAfterGc(pid))!;
    context.log(`${requests} inventory pages`);
    bearer = await freshBearer();
    const pageRun = await pages(requests);
    const afterPages = (await rssAfterGc(pid))!;
    const grewTokens = afterTokens - start;
    const grewPages = afterPages - afterTokens;
    const verdict = (grew: number) =>
      grew < BUDGET_MB ? `within +${BUDGET_MB} MB` : `OVER the +${BUDGET_MB} MB budget`;
    return {
      params: { requests, warmup, concurrency: IN_FLIGHT, computers: 1_000, pageSize: 10 },
      variants: [
        variantResult('RSS after warm-up', 'MB', [start], false),
        variantResult(`RSS after ${requests} token requests`, 'MB', [afterTokens], false),
        variantResult(`RSS after ${requests} more inventory pages`, 'MB', [afterPages], false),
        variantResult('token requests', 'req/s', [tokenRun.requestsPerSecond], true),
        variantResult('inventory pages', 'req/s', [pageRun.requestsPerSecond], true),
      ],
      ratios: [],
      notes: [
        `token requests: RSS ${grewTokens >= 0 ? '+' : ''}${grewTokens.toFixed(1)} MB (${verdict(grewTokens)})`,
        `inventory pages: RSS ${grewPages >= 0 ? '+' : ''}${grewPages.toFixed(1)} MB (${verdict(grewPages)})`,
        'RSS from /proc/PID/status (VmRSS), read between phases after a full GC in the child (SIGUSR2)',
      ],
    };
  } finally {
    client?.close();
    await server?.close();
  }
}
