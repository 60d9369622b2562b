import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TokenStore, userCredentials, withAuth } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
let dir: string | undefined;
afterEach(async () => {
  await jamf.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** Counts how often the provider goes to the cross-process lock. */
function countingStore(inner: TokenStore) {
  const counts = { withLock: 0, deleteIfToken: 0 };
  const store: TokenStore = {
    get: (key) => inner.get(key),
    set: (key, token) => inner.set(key, token),
    delete: (key) => inner.delete(key),
    deleteIfToken: async (key, token) => {
      counts.deleteIfToken += 1;
      await inner.deleteIfToken?.(key, token);
    },
    withLock: (key, fn) => {
      counts.withLock += 1;
      return inner.withLock(key, fn);
    },
  };
  return { store, counts };
}

describe('a storm of 401s', () => {
  // Real sockets and a real file lock: the property is how a storm meets them.
  it('400 concurrent calls refused at once share one invalidation and one refresh', {
    timeout: 30_000,
  }, async () => {
    jamf = await startFakeJamf();
    dir = await mkdtemp(join(tmpdir(), 'jamf-auth-storm-'));
    const { store, counts } = countingStore(fileTokenStore(join(dir, 'tokens.json')));
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      store,
    });
    const authed = withAuth(fetch, provider);
    const refused = await provider.getToken();
    // Reference figure: the same 400 calls without a 401 (sockets and server on this machine).
    const calm = performance.now();
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => authed(`${jamf.url}/api/v1/computers/${i}`)),
    );
    const calmMs = performance.now() - calm;
    const locksBefore = counts.withLock;
    jamf.live.delete(refused.token); // e.g. the server restarted

    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        authed(`${jamf.url}/api/v1/computers/${i}`).then((r) => r.status),
      ),
    );
    const recoveryMs = performance.now() - started;
    console.info(
      `401 storm: 400 calls recovered in ${recoveryMs.toFixed(0)} ms with ${
        jamf.count('/api/v1/auth/token') - 1
      } token request(s); the same calls without 401: ${calmMs.toFixed(0)} ms`,
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
    expect(counts.withLock - locksBefore).toBe(1);
    expect(counts.deleteIfToken).toBe(1);
  });
});
