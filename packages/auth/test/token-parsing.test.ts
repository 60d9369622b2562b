import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, isJamfAuthError, userCredentials } from '../src/index.js';
import { type FakeJamf, json, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

const oauth = () =>
  clientCredentials({ baseUrl: jamf.url, clientId: 'client-1', clientSecret: 'shh-client-secret' });

const good = { access_token: 'abc.def', token_type: 'Bearer', expires_in: 300 };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isJamfAuthError(error, 'TOKEN_RESPONSE_INVALID')).toBe(true);
  return (error as Error).message;
}

describe('strict token responses (as oauth4webapi)', () => {
  it.each([
    ['expires_in as a string', { ...good, expires_in: '300' }, 'expires_in'],
    ['expires_in true', { ...good, expires_in: true }, 'expires_in'],
    ['expires_in 0', { ...good, expires_in: 0 }, 'expires_in'],
    ['no token_type', { access_token: 'abc', expires_in: 300 }, 'token_type'],
    ['token_type mac', { ...good, token_type: 'mac' }, 'token_type'],
    ['no access_token', { token_type: 'Bearer', expires_in: 300 }, 'access_token'],
  ])('refuses %s with TOKEN_RESPONSE_INVALID naming the field', async (_name, body, field) => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) => json(res, 200, body));
    expect(await refusal(oauth().getToken())).toContain(field);
  });

  it('accepts token_type in any case', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) =>
      json(res, 200, { ...good, token_type: 'bEaReR' }),
    );
    expect((await oauth().getToken()).token).toBe('abc.def');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['no content type', undefined],
  ])('refuses a JSON body served as %s', async (_name, contentType) => {
    jamf = await startFakeJamf();
    const answer = (res: ServerResponse) => {
      res.writeHead(200, contentType === undefined ? {} : { 'content-type': contentType });
      res.end(JSON.stringify(good));
    };
    jamf.overrides.set('/api/oauth/token', (_req, res) => answer(res));
    jamf.overrides.set('/api/v1/auth/token', (_req, res) => answer(res));
    expect(await refusal(oauth().getToken())).toContain('content-type');
    const user = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    expect(await refusal(user.getToken())).toContain('content-type');
  });

  it('accepts application/json with parameters', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) => {
      res.writeHead(200, { 'content-type': 'Application/JSON; charset=utf-8' });
      res.end(JSON.stringify(good));
    });
    expect((await oauth().getToken()).token).toBe('abc.def');
  });
});

describe('the OAuth endpoint fallback', () => {
  it('tries /api/v1/oauth/token only after a 404 from /api/oauth/token', async () => {
    jamf = await startFakeJamf({ oauthOnlyV1: true });
    const provider = oauth();
    await provider.getToken();
    expect(jamf.calls.map((c) => c.path)).toEqual(['/api/oauth/token', '/api/v1/oauth/token']);
  });

  it.each([
    [500, 'TOKEN_ENDPOINT_ERROR'],
    [401, 'INVALID_CLIENT'],
  ] as const)('does not fall back after HTTP %i', async (status, code) => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) => json(res, status, {}));
    const error = await oauth()
      .getToken()
      .catch((e: unknown) => e);
    expect(isJamfAuthError(error, code)).toBe(true);
    expect(jamf.count('/api/v1/oauth/token')).toBe(0);
  });

  it('does not fall back after a 404 that came from another origin (a fetch that followed a redirect)', async () => {
    jamf = await startFakeJamf();
    const elsewhere: typeof fetch = async () => {
      const response = new Response('{}', { status: 404 });
      Object.defineProperty(response, 'url', {
        value: 'https://elsewhere.example/api/oauth/token',
      });
      return response;
    };
    const calls: string[] = [];
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
      fetch: (input, init) => {
        calls.push(new Request(input, init).url);
        return elsewhere(input, init);
      },
    });
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'TOKEN_ENDPOINT_ERROR')).toBe(true);
    expect(calls).toEqual([`${jamf.url}/api/oauth/token`]);
  });
});
