import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Time, CPU and peak memory of one child Node process. */
export interface ChildMeasurement {
  exitCode: number | null;
  wallMs: number;
  userCpuMs: number;
  systemCpuMs: number;
  /** Peak resident set size of the child, from its own `process.resourceUsage()`. */
  maxRssBytes: number;
  /** Combined stdout and stderr, for error messages. */
  output: string;
}

const PRELOAD = pathToFileURL(fileURLToPath(new URL('./rusage-preload.mjs', import.meta.url))).href;
let sequence = 0;

/**
 * Runs `node <script> …args` with a preload that reports the child's own resource usage at exit
 * (works for any Node CLI: tsc, openapi-typescript, the codegen). Children the child spawns are
 * not counted.
 */
export async function measureNodeScript(
  script: string,
  args: string[],
  options: { cwd: string; scratchDir: string; timeoutMs: number },
): Promise<ChildMeasurement> {
  const usageFile = join(options.scratchDir, `rusage-${process.pid}-${sequence++}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PRELOAD, script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, BENCH_RUSAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const usage = JSON.parse(
    await readFile(usageFile, 'utf8').catch(() => '{}'),
  ) as Partial<ChildMeasurement>;
  await rm(usageFile, { force: true });
  return {
    exitCode,
    wallMs,
    userCpuMs: usage.userCpuMs ?? Number.NaN,
    systemCpuMs: usage.systemCpuMs ?? Number.NaN,
    maxRssBytes: usage.maxRssBytes ?? Number.NaN,
    output,
  };
}
