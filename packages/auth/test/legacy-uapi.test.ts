import { afterEach, describe, expect, it } from 'vitest';
import { withAuth } from '../src/index.js';
import { legacyUserCredentials } from '../src/legacy-user-credentials.js';
import { type FakeJamf, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

describe('legacyUserCredentials (servers before 10.8)', () => {
  it('uses /uapi endpoints, epoch-ms expiry and the jamf-token scheme', async () => {
    jamf = await startFakeJamf({ userLifetimeSeconds: 1800 });
    const clock = manualClock();
    const provider = legacyUserCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      now: clock.now,
    });
    const authed = withAuth(fetch, provider);
    expect((await authed(`${jamf.url}/uapi/v1/departments`)).status).toBe(200);
    const first = await provider.getToken();
    expect(first.secondsRemaining(clock.now())).toBeGreaterThan(1790);
    expect(jamf.calls.at(-1)?.authorization).toBe(`jamf-token ${first.token}`);

    clock.advance(1_760_000);
    await provider.getToken();
    await expect.poll(async () => (await provider.getToken()).token).not.toBe(first.token);
    expect(jamf.count('/uapi/auth/keepAlive')).toBe(1);

    await provider.close();
    expect(jamf.count('/uapi/auth/invalidateToken')).toBe(1);
    expect(jamf.live.size).toBe(0);
    expect(jamf.calls.map((c) => c.path)).toEqual([
      '/uapi/auth/tokens',
      '/uapi/v1/departments',
      '/uapi/auth/keepAlive',
      '/uapi/auth/invalidateToken',
    ]);
  });

  it('can send Bearer instead', async () => {
    jamf = await startFakeJamf();
    const provider = legacyUserCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      authorizationScheme: 'Bearer',
    });
    await withAuth(fetch, provider)(`${jamf.url}/api/v1/departments`);
    expect(jamf.calls.at(-1)?.authorization).toMatch(/^Bearer user-token-/);
  });
});
