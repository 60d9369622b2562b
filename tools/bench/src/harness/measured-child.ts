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

/**
 * Runs any command (a native compiler, or a Node launcher that hands over to one) under bash,
 * whose `times` reports the user and system CPU of every descendant it waited for, so work a
 * launcher passes to a child process is counted. Peak memory is not known this way: NaN.
 */
export async function measureCommand(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number },
): Promise<ChildMeasurement> {
  const started = performance.now();
  // fd 3 carries `times` apart from the command's own output.
  const script = '"$@"; status=$?; times >&3; exit $status';
  const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let times = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    times += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const children = childrenCpuOf(times);
  return {
    exitCode,
    wallMs,
    userCpuMs: children?.userMs ?? Number.NaN,
    systemCpuMs: children?.systemMs ?? Number.NaN,
    maxRssBytes: Number.NaN,
    output,
  };
}

/** The second line of bash's `times` (`0m0.412s 0m0.113s`: its children's user and system). */
function childrenCpuOf(times: string): { userMs: number; systemMs: number } | undefined {
  const line = times.trim().split('\n')[1];
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(line?.trim() ?? '');
  if (match === null) return undefined;
  const ms = (minutes: string, seconds: string) => (Number(minutes) * 60 + Number(seconds)) * 1000;
  return { userMs: ms(match[1]!, match[2]!), systemMs: ms(match[3]!, match[4]!) };
}
