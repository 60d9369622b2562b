import { afterEach, describe, expect, it } from 'vitest';
import {
  clientCredentials,
  memoryTokenStore,
  type StoredToken,
  type TokenStore,
  userCredentials,
  withAuth,
} from '../src/index.js';
import { type FakeJamf, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

/** Records the keys and values a provider writes, to check they hold no secret. */
function recordingStore(inner: TokenStore) {
  const keys = new Set<string>();
  const writes: StoredToken[] = [];
  const store: TokenStore = {
    get: (key) => {
      keys.add(key);
      return inner.get(key);
    },
    set: (key, token) => {
      keys.add(key);
      writes.push(token);
      return inner.set(key, token);
    },
    delete: (key) => inner.delete(key),
    withLock: (key, fn) => inner.withLock(key, fn),
  };
  return { store, keys, writes };
}

describe('providers sharing a token store', () => {
  it('eight providers on one store make one token request per expiry', async () => {
    jamf = await startFakeJamf({ oauthLifetimeSeconds: 100 });
    const clock = manualClock();
    const shared = memoryTokenStore();
    const providers = Array.from({ length: 8 }, () =>
      clientCredentials({
        baseUrl: jamf.url,
        clientId: 'client-1',
        clientSecret: 'shh-client-secret',
        now: clock.now,
        store: shared,
      }),
    );
    const first = await Promise.all(providers.map((p) => p.getToken()));
    expect(new Set(first.map((t) => t.token)).size).toBe(1);
    expect(jamf.count('/api/oauth/token')).toBe(1);
    clock.advance(200_000);
    const second = await Promise.all(providers.map((p) => p.getToken()));
    expect(new Set(second.map((t) => t.token)).size).toBe(1);
    expect(jamf.count('/api/oauth/token')).toBe(2);
  });

  it('a token kept alive by one provider is picked up by another after a 401', async () => {
    jamf = await startFakeJamf();
    const clock = manualClock();
    const shared = memoryTokenStore();
    const make = () =>
      userCredentials({
        baseUrl: jamf.url,
        username: 'admin',
        password: 'correct horse',
        now: clock.now,
        store: shared,
      });
    const a = make();
    const b = make();
    const initial = await a.getToken();
    expect((await b.getToken()).token).toBe(initial.token);
    clock.advance(1_150_000);
    await a.getToken();
    await expect.poll(async () => (await a.getToken()).token).not.toBe(initial.token);
    // b still holds the dead token: its API call gets a 401, then adopts a's new token.
    const response = await withAuth(fetch, b)(`${jamf.url}/api/v1/sites`);
    expect(response.status).toBe(200);
    expect((await b.getToken()).token).toBe((await a.getToken()).token);
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
  });

  it('store keys name kind, server, principal, scope and a credential fingerprint, never a secret', async () => {
    jamf = await startFakeJamf();
    const recorded = recordingStore(memoryTokenStore());
    await userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      store: recorded.store,
    }).getToken();
    await clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      store: recorded.store,
    }).getToken();
    const keys = [...recorded.keys];
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(new RegExp(`^user:${jamf.url}:admin::[0-9a-f]{32}$`));
    expect(keys[1]).toMatch(new RegExp(`^oauth:${jamf.url}:client-1::[0-9a-f]{32}$`));
    for (const secret of ['correct horse', 'correct%20horse', 'shh-client-secret']) {
      expect(keys.join(' ')).not.toContain(secret);
    }
    expect(recorded.writes.map((w) => w.type)).toEqual(['user', 'oauth']);
    expect(recorded.writes.every((w) => typeof w.expiresAt === 'number')).toBe(true);
  });
});
