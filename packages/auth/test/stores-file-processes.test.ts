import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';
import { type FakeJamf, gate, startFakeJamf } from './support/fake-jamf.js';
import { startWorker as start, type Worker } from './support/worker-process.js';

const startWorker = (env: Record<string, string>) => start('./stores-file-worker.ts', env);

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

  it('a process killed (SIGKILL) while holding the lock does not block the next one', {
    timeout: 20_000,
  }, async () => {
    jamf = await startFakeJamf();
    dir = await mkdtemp(join(tmpdir(), 'jamf-auth-file-crash-'));
    const storePath = join(dir, 'tokens.json');
    // The holder sits inside the lock, waiting for a token answer that never comes.
    const never = gate();
    jamf.holds.set('/api/oauth/token', never.wait);
    const arrived = jamf.nextRequest('/api/oauth/token');
    const holder = startWorker({ JAMF_URL: jamf.url, STORE_PATH: storePath });
    workers.push(holder);
    expect(await holder.next()).toBe('ready');
    holder.child.stdin.write('go\n');
    await arrived;
    holder.child.kill('SIGKILL');
    await holder.exited;
    jamf.holds.delete('/api/oauth/token');

    // Default options, as a user's next run has them.
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      store: fileTokenStore(storePath),
    });
    const started = performance.now();
    const token = await provider.getToken();
    const recoveryMs = performance.now() - started;
    console.info(`file lock: recovered ${recoveryMs.toFixed(0)} ms after the holder was killed`);
    expect(token.token).toMatch(/^oauth-token-/);
    expect(jamf.count('/api/oauth/token')).toBe(2);
    expect((await readdir(join(dir))).filter((n) => n.endsWith('.lock'))).toEqual([]);
    never.open();
  });
});
