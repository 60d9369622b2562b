import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FixedRoute } from './fixed-response-server.js';

/** A server running in a child process; `close()` ends the child. */
export interface ChildServer {
  origin: string;
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

/**
 * Starts a plain node:http server on 127.0.0.1 (random port) in a child process, so its CPU is
 * not charged to the process that generates load.
 */
export async function startFixedResponseServer(routes: FixedRoute[]): Promise<ChildServer> {
  const child = fork(SERVER_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  child.send({ routes });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error('fixed-response server exited before listening');
    }),
  ])) as [{ port: number }];
  return { origin: `http://127.0.0.1:${message.port}`, close: () => stop(child) };
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
  return { origin, close: () => stop(child) };
}
