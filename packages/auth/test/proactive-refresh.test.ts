import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, JamfAuthError, withAuth } from '../src/index.js';
import { type FakeJamf, gate, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

async function warmProvider(onBackgroundError?: (error: unknown) => void) {
  jamf = await startFakeJamf({ oauthLifetimeSeconds: 100 });
  const clock = manualClock();
  const provider = clientCredentials({
    baseUrl: jamf.url,
    clientId: 'client-1',
    clientSecret: 'shh-client-secret',
    now: clock.now,
    ...(onBackgroundError ? { onBackgroundError } : {}),
  });
  const first = await provider.getToken();
  return { clock, provider, first };
}

describe('proactive refresh', () => {
  it('keeps serving the valid token without waiting while one background refresh is held open', async () => {
    const { clock, provider, first } = await warmProvider();
    const held = gate();
    const arrived = jamf.nextRequest('/api/oauth/token');
    jamf.holds.set('/api/oauth/token', held.wait);

    clock.advance(85_000); // 15 s left of 100 s: inside the last 20%
    const authed = withAuth(fetch, provider);
    const during = await Promise.all(Array.from({ length: 50 }, () => provider.getToken()));
    await arrived;
    const apiStatuses = await Promise.all(
      Array.from({ length: 10 }, () => authed(`${jamf.url}/api/v1/jamf-pro-version`)),
    );
    // Everything above completed while the token endpoint was still held open.
    expect(during.every((token) => token.token === first.token)).toBe(true);
    expect(apiStatuses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(jamf.count('/api/oauth/token')).toBe(2);

    held.open();
    await expect.poll(async () => (await provider.getToken()).token).not.toBe(first.token);
    expect(jamf.count('/api/oauth/token')).toBe(2);
  });

  it('a failing background refresh is reported, never unhandled, and paused before retrying', async () => {
    const reported: unknown[] = [];
    const { clock, provider, first } = await warmProvider((error) => reported.push(error));
    jamf.overrides.set('/api/oauth/token', (_req, res) => {
      res.writeHead(503).end();
    });
    clock.advance(85_000);
    for (let i = 0; i < 20; i++) expect((await provider.getToken()).token).toBe(first.token);
    await expect.poll(() => reported.length).toBe(1);
    for (let i = 0; i < 20; i++) expect((await provider.getToken()).token).toBe(first.token);
    expect(jamf.count('/api/oauth/token')).toBe(2);
    expect(reported[0]).toBeInstanceOf(JamfAuthError);
    expect((reported[0] as JamfAuthError).code).toBe('TOKEN_ENDPOINT_ERROR');

    // After the pause a new background attempt is made; once the endpoint heals it succeeds.
    jamf.overrides.delete('/api/oauth/token');
    clock.advance(5_000);
    expect((await provider.getToken()).token).toBe(first.token);
    await expect.poll(async () => (await provider.getToken()).token).not.toBe(first.token);
    expect(jamf.count('/api/oauth/token')).toBe(3);
  });

  it('a throwing onBackgroundError hook does not become an unhandled rejection', async () => {
    let calls = 0;
    const { clock, provider, first } = await warmProvider(() => {
      calls += 1;
      throw new Error('hook failed');
    });
    jamf.overrides.set('/api/oauth/token', (_req, res) => {
      res.writeHead(500).end();
    });
    clock.advance(85_000);
    expect((await provider.getToken()).token).toBe(first.token);
    await expect.poll(() => calls).toBe(1);
  });

  it('an expired token makes callers wait for one new token', async () => {
    const { clock, provider, first } = await warmProvider();
    clock.advance(100_000);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => provider.getToken()));
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(tokens[0]?.token).not.toBe(first.token);
    expect(jamf.count('/api/oauth/token')).toBe(2);
  });
});
