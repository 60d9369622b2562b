import { afterEach, describe, expect, it } from 'vitest';
import { userCredentials, withAuth } from '../src/index.js';
import { type FakeJamf, gate, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

async function setup() {
  jamf = await startFakeJamf({ userLifetimeSeconds: 1200 });
  const clock = manualClock();
  const provider = userCredentials({
    baseUrl: `${jamf.url}/api/`,
    username: 'admin',
    password: 'correct horse',
    now: clock.now,
  });
  return { clock, provider, authed: withAuth(fetch, provider) };
}

describe('user tokens', () => {
  it('reuses the token while 60 s or more remain', async () => {
    const { clock, provider } = await setup();
    const first = await provider.getToken();
    clock.advance(1_000_000); // ~200 s left
    expect((await provider.getToken()).token).toBe(first.token);
    expect(jamf.calls.map((c) => c.path)).toEqual(['/api/v1/auth/token']);
  });

  it('keeps the token alive inside the window and never uses the old token afterwards', async () => {
    const { clock, provider, authed } = await setup();
    const first = await provider.getToken();
    clock.advance(1_150_000); // ~50 s left: inside the 60 s window
    // The keep-alive kills the old token, so a caller gets its successor, not the dying one.
    expect((await provider.getToken()).token).not.toBe(first.token);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
    const keepAlive = jamf.calls.find((c) => c.path === '/api/v1/auth/keep-alive');
    expect(keepAlive?.authorization).toBe(`Bearer ${first.token}`);
    expect(jamf.live.has(first.token)).toBe(false);

    const apiCallsBefore = jamf.calls.length;
    for (let i = 0; i < 5; i++) {
      expect((await authed(`${jamf.url}/api/v1/departments`)).status).toBe(200);
    }
    const later = jamf.calls.slice(apiCallsBefore);
    expect(later.some((c) => c.authorization?.includes(first.token))).toBe(false);
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
  });

  it('callers share one keep-alive held open by the server and all get its token', async () => {
    const { clock, provider, authed } = await setup();
    const first = await provider.getToken();
    const held = gate();
    jamf.holds.set('/api/v1/auth/keep-alive', held.wait);
    const arrived = jamf.nextRequest('/api/v1/auth/keep-alive');
    clock.advance(1_150_000);
    const tokens = Promise.all(Array.from({ length: 100 }, () => provider.getToken()));
    const statuses = Promise.all(
      Array.from({ length: 5 }, () => authed(`${jamf.url}/api/v1/sites`).then((r) => r.status)),
    );
    await arrived;
    held.open();
    const fresh = (await tokens)[0];
    expect(fresh?.token).not.toBe(first.token);
    expect((await tokens).every((token) => token.token === fresh?.token)).toBe(true);
    expect(await statuses).toEqual([200, 200, 200, 200, 200]);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
    expect(jamf.calls.filter((c) => c.path === '/api/v1/sites').length).toBe(5);
  });

  it('a failing keep-alive leaves callers on the old token while it lasts', async () => {
    const { clock, provider } = await setup();
    const first = await provider.getToken();
    jamf.overrides.set('/api/v1/auth/keep-alive', (_req, res) => {
      res.writeHead(503).end();
    });
    clock.advance(1_150_000);
    expect((await provider.getToken()).token).toBe(first.token);
    // Paused for 5 s after the failure: no second keep-alive meanwhile.
    expect((await provider.getToken()).token).toBe(first.token);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
  });

  it('replaces an expired token with a new one instead of keeping it alive', async () => {
    const { clock, provider } = await setup();
    const first = await provider.getToken();
    clock.advance(1_300_000);
    const second = await provider.getToken();
    expect(second.token).not.toBe(first.token);
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(0);
  });

  it('falls back to the credentials when keep-alive is refused', async () => {
    const { clock, provider } = await setup();
    const first = await provider.getToken();
    jamf.live.delete(first.token); // e.g. revoked by an admin
    clock.advance(1_150_000);
    expect((await provider.getToken()).token).not.toBe(first.token);
    expect(jamf.count('/api/v1/auth/keep-alive')).toBe(1);
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
  });
});
