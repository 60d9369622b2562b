import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A `jamf-mock-server` process started from source, with everything it printed so far. */
export interface SpawnedServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the bin (from source, through tsx) and waits for its `listening on` line. */
export function spawnServer(args: string[]): Promise<SpawnedServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PACKAGE_DIR, 'src/cli.ts'), ...args],
    {
      cwd: PACKAGE_DIR,
      stdio: 'pipe',
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        resolve({
          url,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    // 'close', not 'exit': the process may exit before its stderr is read, losing the message.
    child.once('close', (code) =>
      reject(new Error(`server exited (${code}) before listening:\n${output}`)),
    );
  });
}
