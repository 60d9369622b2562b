import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, memoryTokenStore, userCredentials, withAuth } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
let dir: string | undefined;
afterEach(async () => {
  await jamf.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const user = (store?: ReturnType<typeof memoryTokenStore>) =>
  userCredentials({
    baseUrl: jamf.url,
    username: 'admin',
    password: 'correct horse',
    ...(store === undefined ? {} : { store }),
  });

describe('close() never destroys what others share', () => {
  it('three sequential CLI runs over one file store make one token request (user and OAuth)', async () => {
    jamf = await startFakeJamf();
    dir = await mkdtemp(join(tmpdir(), 'jamf-auth-close-'));
    const path = join(dir, 'tokens.json');
    for (let run = 0; run < 3; run++) {
      // Each run is a fresh provider and store object over the same file, as a new process has.
      await using u = user(fileTokenStore(path));
      await using o = clientCredentials({
        baseUrl: jamf.url,
        clientId: 'client-1',
        clientSecret: 'shh-client-secret',
        store: fileTokenStore(path),
      });
      expect((await withAuth(fetch, u)(`${jamf.url}/api/v1/sites`)).status).toBe(200);
      expect((await withAuth(fetch, o)(`${jamf.url}/api/v1/sites`)).status).toBe(200);
    }
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(jamf.count('/api/oauth/token')).toBe(1);
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(0);
  });

  it("one process closing leaves another process's token working", async () => {
    jamf = await startFakeJamf();
    const shared = memoryTokenStore();
    const a = user(shared);
    const b = user(shared);
    const token = await a.getToken();
    expect((await b.getToken()).token).toBe(token.token);
    await a.close();
    expect(jamf.live.has(token.token)).toBe(true);
    expect((await withAuth(fetch, b)(`${jamf.url}/api/v1/sites`)).status).toBe(200);
    expect(jamf.calls.filter((c) => c.path === '/api/v1/sites')).toHaveLength(1);
  });

  it('close({ invalidate: true }) revokes a shared user token and removes it from the store', async () => {
    jamf = await startFakeJamf();
    const shared = memoryTokenStore();
    const a = user(shared);
    const token = await a.getToken();
    await a.close({ invalidate: true });
    expect(jamf.live.has(token.token)).toBe(false);
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    const b = user(shared);
    expect((await b.getToken()).token).not.toBe(token.token);
  });

  it('a provider that owns its store (no store option) revokes its user token on close', async () => {
    jamf = await startFakeJamf();
    const a = user();
    const token = await a.getToken();
    await a.close();
    expect(jamf.live.has(token.token)).toBe(false);
  });
});
