import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, isJamfAuthError, type JamfAuthError } from '../src/index.js';
import { type FakeJamf, json, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

const credentials = { clientId: 'client-1', clientSecret: 'shh-client-secret' };

describe('clientCredentials', () => {
  it('posts the client-credentials form and never keeps OAuth tokens alive', async () => {
    jamf = await startFakeJamf({ oauthLifetimeSeconds: 60 });
    const clock = manualClock();
    const provider = clientCredentials({
      baseUrl: `${jamf.url}/JSSResource/`,
      ...credentials,
      scope: 'read',
      now: clock.now,
    });
    const first = await provider.getToken();
    expect(first).toMatchObject({ type: 'oauth', scope: 'api-role:1' });
    expect(first.secondsRemaining(clock.now())).toBe(60);
    const form = new URLSearchParams(jamf.calls[0]?.body.toString());
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 'shh-client-secret',
      scope: 'read',
    });
    expect(jamf.calls[0]?.contentType).toBe('application/x-www-form-urlencoded');

    clock.advance(50_000); // last 20% of 60 s
    await provider.getToken();
    await expect.poll(async () => (await provider.getToken()).token).not.toBe(first.token);
    clock.advance(70_000); // expired
    await provider.getToken();
    expect(jamf.count('/api/oauth/token')).toBe(3);
    expect(jamf.calls.filter((c) => c.path.includes('keep'))).toHaveLength(0);
  });

  it('falls back from /api/oauth/token to /api/v1/oauth/token on 404 and remembers it', async () => {
    jamf = await startFakeJamf({ oauthOnlyV1: true, oauthLifetimeSeconds: 60 });
    const clock = manualClock();
    const provider = clientCredentials({ baseUrl: jamf.url, ...credentials, now: clock.now });
    await provider.getToken();
    clock.advance(120_000);
    await provider.getToken();
    expect(jamf.calls.map((c) => c.path)).toEqual([
      '/api/oauth/token',
      '/api/v1/oauth/token',
      '/api/v1/oauth/token',
    ]);
  });

  it.each([
    [{ clientSecret: 'wrong' }, 'INVALID_CLIENT', 401],
    [{ scope: 'bad-scope' }, 'INVALID_SCOPE', 400],
  ] as const)('maps RFC 6749 errors to typed errors (%o → %s)', async (change, code, status) => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({ baseUrl: jamf.url, ...credentials, ...change });
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(isJamfAuthError(error, code)).toBe(true);
    expect((error as JamfAuthError).status).toBe(status);
    expect(jamf.count('/api/oauth/token')).toBe(1);
  });

  it.each([
    ['invalid_request', 'INVALID_REQUEST'],
    ['unsupported_grant_type', 'UNSUPPORTED_GRANT_TYPE'],
    ['unauthorized_client', 'UNAUTHORIZED_CLIENT'],
    ['invalid_grant', 'INVALID_CLIENT'],
  ] as const)('maps %s to %s', async (rfcError, code) => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) => json(res, 400, { error: rfcError }));
    const provider = clientCredentials({ baseUrl: jamf.url, ...credentials });
    await expect(provider.getToken()).rejects.toMatchObject({ code, name: 'JamfAuthError' });
  });

  it('refuses a response that is not a bearer token', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) =>
      json(res, 200, { access_token: 'x', token_type: 'mac', expires_in: 60 }),
    );
    const provider = clientCredentials({ baseUrl: jamf.url, ...credentials });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'TOKEN_RESPONSE_INVALID' });
  });

  it('needs a client id and secret', () => {
    expect(() =>
      clientCredentials({ baseUrl: 'https://example.com', clientId: 'a', clientSecret: '' }),
    ).toThrow(
      expect.objectContaining({ code: 'MISSING_CREDENTIALS', message: 'missing clientSecret' }),
    );
  });
});
