/**
 * `pnpm bench` entry: runs each benchmark in its own child process, prints a table and writes a
 * JSON results file (fields documented in README.md).
 *
 *   --quick        small counts, for CI (< 60 s)
 *   --only P1,P5   run a subset
 *   --out FILE     results file (default bench-results.json, or bench-results-quick.json)
 */
import { fork } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchmarks } from './benchmarks.js';
import { type MachineInfo, machineInfo } from './harness/machine.js';
import type { BenchmarkResult } from './harness/result.js';
import { renderTable } from './harness/table.js';
import type { RunReply, RunRequest } from './run-benchmark.js';

/** The results file. */
export interface ResultsFile {
  schemaVersion: 1;
  mode: 'full' | 'quick';
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  benchmarks: BenchmarkResult[];
}

const BENCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(BENCH_ROOT, '../..');
const CHILD = fileURLToPath(new URL('./run-benchmark.ts', import.meta.url));

async function runInChild(request: RunRequest, timeoutMs: number): Promise<RunReply> {
  const child = fork(CHILD, [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: 'inherit' });
  return new Promise<RunReply>((resolveReply) => {
    let reply: RunReply | undefined;
    const timer = setTimeout(() => {
      reply ??= { ok: false, error: `timed out after ${timeoutMs / 1000} s` };
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message: RunReply) => {
      reply ??= message;
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveReply(
        reply ?? { ok: false, error: `child exited (${signal ?? code}) without a result` },
      );
    });
    child.send(request);
  });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: bench [--quick] [--only P1,P2,…] [--out FILE]');
    return 0;
  }
  const quick = values.quick;
  const only = values.only?.split(',').map((id) => id.trim().toUpperCase());
  const selected = benchmarks.filter((b) => !only || only.includes(b.id));
  if (selected.length === 0) {
    console.error(`no benchmark matches --only ${values.only}`);
    return 2;
  }
  const startedAt = new Date();
  const started = performance.now();
  const machine = machineInfo(REPO_ROOT);
  const scratchDir = resolve(BENCH_ROOT, '.tmp', `run-${process.pid}`);
  await mkdir(scratchDir, { recursive: true });
  console.error(
    `bench (${quick ? 'quick' : 'full'}): node ${machine.node}, ${machine.cpuCount} × ${machine.cpuModel}, load ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const results: BenchmarkResult[] = [];
  try {
    for (const entry of selected) {
      console.error(`${entry.id} ${entry.title}`);
      const t0 = performance.now();
      const reply = await runInChild(
        { id: entry.id, quick, repoRoot: REPO_ROOT, benchRoot: BENCH_ROOT, scratchDir },
        quick ? entry.timeoutMs.quick : entry.timeoutMs.full,
      );
      const durationMs = performance.now() - t0;
      const base = { id: entry.id, title: entry.title, durationMs };
      results.push(
        reply.ok
          ? { ...base, status: 'ok', ...reply.outcome }
          : {
              ...base,
              status: 'failed',
              reason: reply.error,
              params: {},
              variants: [],
              ratios: [],
              notes: [],
            },
      );
    }
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }

  const file: ResultsFile = {
    schemaVersion: 1,
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    machine,
    benchmarks: results,
  };
  const out = resolve(
    process.cwd(),
    values.out ?? (quick ? 'bench-results-quick.json' : 'bench-results.json'),
  );
  await writeFile(out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`\n${renderTable(results)}`);
  console.log(`total ${(file.durationMs / 1000).toFixed(1)} s; results in ${out}`);
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length > 0) console.error(`failed: ${failed.map((r) => r.id).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
