import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeJamf, startFakeJamf } from './fake-jamf.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const worker = fileURLToPath(new URL('./stores-file-worker.ts', import.meta.url));

interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line. */
  next(): Promise<string>;
  exited: Promise<number | null>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', worker], {
    cwd: packageRoot,
    env: { ...process.env, ...env },
  });
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

let jamf: FakeJamf | undefined;
let dir: string | undefined;
const workers: Worker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) w.child.kill();
  await jamf?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fileTokenStore across processes', () => {
  // Budget for starting two Node processes with tsx on a loaded machine; not a speed assertion.
  it('two processes sharing one file make exactly one token request', {
    timeout: 60_000,
  }, async () => {
    jamf = await startFakeJamf();
    dir = await mkdtemp(join(tmpdir(), 'jamf-auth-file-store-'));
    const storePath = join(dir, 'cache', 'tokens.json');
    // Hold the token endpoint so the first worker keeps the lock while the second one asks.
    let releaseToken!: () => void;
    jamf.holds.set('/api/oauth/token', new Promise<void>((r) => (releaseToken = r)));
    const firstRequest = jamf.nextRequest('/api/oauth/token');

    const env = { JAMF_URL: jamf.url, STORE_PATH: storePath };
    const a = startWorker(env);
    const b = startWorker(env);
    workers.push(a, b);
    expect(await a.next()).toBe('ready');
    expect(await b.next()).toBe('ready');
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    expect([await a.next(), await b.next()]).toEqual(['calling', 'calling']);
    await firstRequest;
    releaseToken();

    const [tokenA, tokenB] = await Promise.all([a.next(), b.next()]);
    expect(tokenA).toBe(tokenB);
    expect(JSON.parse(tokenA).token).toMatch(/^oauth-token-1-/);
    expect(jamf.count('/api/oauth/token')).toBe(1);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    expect((await stat(storePath)).mode & 0o777).toBe(0o600);
    expect((await readdir(join(dir, 'cache'))).sort()).toEqual(['tokens.json']);
  });
});
