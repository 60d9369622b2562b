import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, isJamfAuthError, userCredentials } from '../src/index.js';
import { type FakeJamf, gate, startFakeJamf } from './fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

describe('close() and Symbol.asyncDispose', () => {
  it('invalidate a live user token exactly once, however often called', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const token = await provider.getToken();
    await Promise.all([provider.close(), provider.close(), provider[Symbol.asyncDispose]()]);
    await provider.close();
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    expect(jamf.calls.at(-1)?.authorization).toBe(`Bearer ${token.token}`);
    expect(jamf.live.has(token.token)).toBe(false);
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PROVIDER_CLOSED')).toBe(true);
  });

  it('invalidates a token whose request was in flight when close() was called', async () => {
    jamf = await startFakeJamf();
    const held = gate();
    jamf.holds.set('/api/v1/auth/token', held.wait);
    const arrived = jamf.nextRequest('/api/v1/auth/token');
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const pendingToken = provider.getToken();
    await arrived;
    const closing = provider.close();
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(0);
    held.open();
    const token = await pendingToken;
    await closing;
    expect(jamf.calls.at(-1)?.authorization).toBe(`Bearer ${token.token}`);
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    expect(jamf.live.size).toBe(0);
  });

  it('a failing revoke is reported, not thrown, and close() still settles once', async () => {
    jamf = await startFakeJamf();
    const reported: unknown[] = [];
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
      onBackgroundError: (error) => reported.push(error),
    });
    await provider.getToken();
    jamf.overrides.set('/api/v1/auth/invalidate-token', (_req, res) => {
      res.writeHead(503).end();
    });
    await provider.close();
    await provider.close();
    expect(jamf.count('/api/v1/auth/invalidate-token')).toBe(1);
    expect(reported).toHaveLength(1);
    expect(isJamfAuthError(reported[0], 'TOKEN_ENDPOINT_ERROR')).toBe(true);
  });

  it('does nothing on the server when no token was fetched', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({ baseUrl: jamf.url, username: 'admin', password: 'x' });
    await provider.close();
    expect(jamf.calls).toHaveLength(0);
  });

  it('drops OAuth tokens without a server call', async () => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    await provider.getToken();
    await provider.close();
    await provider.close();
    expect(jamf.calls.map((c) => c.path)).toEqual(['/api/oauth/token']);
  });
});
