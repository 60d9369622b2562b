import { afterEach, describe, expect, it } from 'vitest';
import { memoryTokenStore, type TokenStore, userCredentials, withAuth } from '../src/index.js';
import { type FakeJamf, gate, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

/**
 * A store whose lock can be made slow, as a cross-process lock held by another process would
 * make it: `hold()` makes every `withLock` wait until `release()`.
 */
function slowLockStore() {
  const inner = memoryTokenStore();
  let slow: Promise<void> = Promise.resolve();
  let requested: () => void = () => undefined;
  const store: TokenStore = {
    get: (key) => inner.get(key),
    set: (key, token) => inner.set(key, token),
    delete: (key) => inner.delete(key),
    async withLock(key, fn) {
      requested();
      await slow;
      return inner.withLock(key, fn);
    },
  };
  const hold = () => {
    const released = gate();
    const asked = gate();
    slow = released.wait;
    requested = asked.open;
    return { release: released.open, lockRequested: asked.wait };
  };
  return { store, hold };
}

describe('a refused token is never handed out again', () => {
  it('callers arriving while the invalidation waits for a slow store lock get a fresh token, and the replay succeeds', async () => {
    jamf = await startFakeJamf();
    const { store, hold } = slowLockStore();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      store,
    });
    const authed = withAuth(fetch, provider);
    const refused = await provider.getToken();
    jamf.live.delete(refused.token); // the server forgot it; the store still holds it

    const lock = hold();
    const first = authed(`${jamf.url}/api/v1/buildings`);
    await lock.lockRequested; // the 401 is being handled and waits for the store
    const second = authed(`${jamf.url}/api/v1/sites`);
    const third = provider.getToken();
    lock.release();

    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await third).token).not.toBe(refused.token);
    const sentWithRefused = jamf.calls.filter(
      (c) => c.path.startsWith('/api/v1/b') || c.path.startsWith('/api/v1/s'),
    );
    // Only the first send of the first call carried the refused token.
    expect(
      sentWithRefused.filter((c) => c.authorization === `Bearer ${refused.token}`),
    ).toHaveLength(1);
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
  });

  it('a replay never resends the refused token, even when the provider has nothing else', async () => {
    jamf = await startFakeJamf();
    const { isJamfAuthError } = await import('../src/index.js');
    const { staticToken } = await import('../src/static-token.js');
    const provider = staticToken('never-valid', { baseUrl: jamf.url });
    const error = await withAuth(fetch, provider)(`${jamf.url}/api/v1/sites`).catch((e) => e);
    expect(isJamfAuthError(error, 'UNAUTHORIZED_AFTER_REFRESH')).toBe(true);
    expect(jamf.calls.filter((c) => c.path === '/api/v1/sites')).toHaveLength(1);
  });
});
