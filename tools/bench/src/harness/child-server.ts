import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FixedRoute } from './fixed-response-server.js';

/** A server running in a child process; `close()` ends the child. */
export interface ChildServer {
  origin: string;
  /** The server process, e.g. for {@link processCpuMs}. */
  pid: number | undefined;
  close(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./fixed-response-server.ts', import.meta.url));

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const MSW_SERVER_SCRIPT = fileURLToPath(new URL('./msw-response-server.ts', import.meta.url));

/**
 * Starts a plain node:http server on 127.0.0.1 (random port) in a child process, so its CPU is
 * not charged to the process that generates load.
 */
export function startFixedResponseServer(routes: FixedRoute[]): Promise<ChildServer> {
  return startRouteServer(SERVER_SCRIPT, routes);
}

/**
 * Starts a server that answers the same routes through bare msw handlers behind the mock's kind
 * of node:http adapter (msw's own cost; see `msw-response-server.ts`), in a child process.
 */
export function startMswResponseServer(routes: FixedRoute[]): Promise<ChildServer> {
  return startRouteServer(MSW_SERVER_SCRIPT, routes);
}

async function startRouteServer(script: string, routes: FixedRoute[]): Promise<ChildServer> {
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  child.send({ routes });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error('fixed-response server exited before listening');
    }),
  ])) as [{ port: number }];
  return { origin: `http://127.0.0.1:${message.port}`, pid: child.pid, close: () => stop(child) };
}

/**
 * Spawns a command that prints `listening on http://HOST:PORT` once ready (the mock server's bin)
 * and returns its origin. Fails after `timeoutMs` if the line never comes.
 */
export async function startListeningCommand(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number },
): Promise<ChildServer> {
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "listening on" line within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before listening:\n${output}`));
    });
  });
  // Keep draining output so a chatty child never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return { origin, pid: child.pid, close: () => stop(child) };
}

/**
 * CPU time (user + system, ms) another process has used so far, from Linux's /proc/PID/stat
 * (clock ticks of 10 ms); undefined where /proc is not available.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every mainstream Linux build. */
const CLOCK_TICKS_PER_SECOND = 100;
