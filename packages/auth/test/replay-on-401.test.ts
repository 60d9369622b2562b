import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authMiddleware,
  clientCredentials,
  isJamfAuthError,
  userCredentials,
  withAuth,
} from '../src/index.js';
import { type FakeJamf, json, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

const bodies = {
  json: {
    init: { body: JSON.stringify({ name: 'Lab', ids: [1, 2, 3] }) },
    contentType: 'application/json',
  },
  form: { init: { body: new URLSearchParams({ a: '1', b: 'x y' }) }, contentType: undefined },
  binary: {
    init: { body: new Uint8Array([0, 1, 2, 250, 255, 7]) },
    contentType: 'application/octet-stream',
  },
} as const;

function userProvider() {
  return userCredentials({ baseUrl: jamf.url, username: 'admin', password: 'correct horse' });
}

describe('401 → refresh → replay (withAuth)', () => {
  it.each(Object.keys(bodies) as Array<keyof typeof bodies>)(
    'replays a %s body once with a new token',
    async (kind) => {
      jamf = await startFakeJamf();
      const provider = userProvider();
      const authed = withAuth(fetch, provider);
      const stale = await provider.getToken();
      jamf.live.delete(stale.token); // the server forgot it (restart, admin revoked it)
      const { init, contentType } = bodies[kind];
      const headers = contentType === undefined ? undefined : { 'content-type': contentType };
      const response = await authed(`${jamf.url}/api/v1/buildings`, {
        method: 'POST',
        ...init,
        ...(headers ? { headers } : {}),
      });
      expect(response.status).toBe(200);
      const api = jamf.calls.filter((c) => c.path === '/api/v1/buildings');
      expect(api).toHaveLength(2);
      expect(api[0]?.authorization).toBe(`Bearer ${stale.token}`);
      expect(api[1]?.authorization).not.toBe(`Bearer ${stale.token}`);
      expect(api[1]?.body.equals(api[0]?.body ?? Buffer.alloc(0))).toBe(true);
      expect(api[1]?.body.length).toBeGreaterThan(0);
      expect(api[1]?.contentType).toBe(api[0]?.contentType);
      expect(
        Buffer.from(await response.arrayBuffer()).equals(api[0]?.body ?? Buffer.alloc(1)),
      ).toBe(true);
      expect(jamf.count('/api/v1/auth/token')).toBe(2);
    },
  );

  it('replays a Request object passed as the only argument', async () => {
    jamf = await startFakeJamf();
    const provider = userProvider();
    jamf.live.delete((await provider.getToken()).token);
    const request = new Request(`${jamf.url}/api/v1/buildings/1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-trace': 'abc' },
      body: '{"name":"Annex"}',
    });
    const response = await withAuth(fetch, provider)(request);
    expect(await response.text()).toBe('{"name":"Annex"}');
    const api = jamf.calls.filter((c) => c.path === '/api/v1/buildings/1');
    expect(api.map((c) => [c.method, c.body.toString()])).toEqual([
      ['PUT', '{"name":"Annex"}'],
      ['PUT', '{"name":"Annex"}'],
    ]);
  });

  it('a second 401 is UNAUTHORIZED_AFTER_REFRESH after exactly two API calls', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/v1/buildings', (_req, res) =>
      json(res, 401, { httpStatus: 401, errors: [{ code: 'INVALID_TOKEN' }] }),
    );
    const authed = withAuth(fetch, userProvider());
    const error = await authed(`${jamf.url}/api/v1/buildings`, {
      method: 'POST',
      body: '{"name":"x"}',
    }).catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'UNAUTHORIZED_AFTER_REFRESH')).toBe(true);
    expect(jamf.count('/api/v1/buildings')).toBe(2);
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
  });

  it('concurrent 401s share one refresh', async () => {
    jamf = await startFakeJamf();
    const provider = userProvider();
    const authed = withAuth(fetch, provider);
    jamf.live.delete((await provider.getToken()).token);
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () => authed(`${jamf.url}/api/v1/sites`).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(25).fill(200));
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
    expect(jamf.count('/api/v1/sites')).toBe(50);
  });

  it('other statuses are returned as they are, without a replay', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/v1/sites', (_req, res) => json(res, 403, { httpStatus: 403 }));
    const response = await withAuth(fetch, userProvider())(`${jamf.url}/api/v1/sites`, {
      method: 'POST',
      body: 'x',
    });
    expect(response.status).toBe(403);
    expect(jamf.count('/api/v1/sites')).toBe(1);
  });
});

describe('401 → refresh → replay (openapi-fetch middleware)', () => {
  it('replays a JSON body once through client.use(authMiddleware(provider))', async () => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    const client = createClient({ baseUrl: `${jamf.url}/api` });
    client.use(authMiddleware(provider));
    jamf.live.delete((await provider.getToken()).token);
    const { data, response } = await client.POST(
      '/v1/buildings' as never,
      {
        body: { name: 'Lab' },
      } as never,
    );
    expect(response.status).toBe(200);
    expect(data).toEqual({ name: 'Lab' });
    const api = jamf.calls.filter((c) => c.path === '/api/v1/buildings');
    expect(api.map((c) => c.body.toString())).toEqual(['{"name":"Lab"}', '{"name":"Lab"}']);
    expect(jamf.count('/api/oauth/token')).toBe(2);
  });

  it('a second 401 rejects the call with UNAUTHORIZED_AFTER_REFRESH after two API calls', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/v1/buildings', (_req, res) => json(res, 401, { httpStatus: 401 }));
    const client = createClient({ baseUrl: `${jamf.url}/api` });
    client.use(authMiddleware(userProvider()));
    const error = await client.GET('/v1/buildings' as never).catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'UNAUTHORIZED_AFTER_REFRESH')).toBe(true);
    expect(jamf.count('/api/v1/buildings')).toBe(2);
  });

  it('lets a network error reach the caller unchanged', async () => {
    jamf = await startFakeJamf();
    const client = createClient({
      baseUrl: `${jamf.url}/api`,
      fetch: async () => {
        throw new TypeError('network down');
      },
    });
    client.use(authMiddleware(userProvider()));
    await expect(
      client.POST('/v1/buildings' as never, { body: { a: 1 } } as never),
    ).rejects.toThrow('network down');
  });
});
