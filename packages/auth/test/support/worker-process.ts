// Starts a test worker (a TypeScript file run by Node with tsx) and reads its stdout by lines.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line. */
  next(): Promise<string>;
  exited: Promise<number | null>;
}

export function startWorker(file: string, env: Record<string, string>): Worker {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))],
    {
      cwd: packageRoot,
      env: { ...process.env, ...env },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => {
    const wake = waiting.shift();
    if (wake) wake(line);
    else queue.push(line);
  });
  return {
    child,
    exited,
    next: () =>
      new Promise<string>((resolve, reject) => {
        const queued = queue.shift();
        if (queued !== undefined) return resolve(queued);
        waiting.push(resolve);
        void exited.then((code) =>
          reject(new Error(`worker exited (${String(code)}) before answering: ${stderr}`)),
        );
      }),
  };
}
