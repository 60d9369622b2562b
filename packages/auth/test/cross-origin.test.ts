import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { authMiddleware, userCredentials, withAuth } from '../src/index.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
let other: FakeJamf;
afterEach(async () => {
  await jamf.close();
  await other.close();
});

describe('credentials stay on the provider origin', () => {
  it('requests to another origin carry no Authorization header (withAuth and middleware)', async () => {
    jamf = await startFakeJamf();
    other = await startFakeJamf();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const authed = withAuth(fetch, provider);
    expect((await authed(`${jamf.url}/api/v1/sites`)).status).toBe(200);
    expect((await authed(`${other.url}/api/v1/sites`)).status).toBe(401);

    const client = createClient({ baseUrl: `${other.url}/api` });
    client.use(authMiddleware(provider));
    await client.GET('/v1/sites' as never);

    expect(other.calls).toHaveLength(2);
    expect(other.calls.every((c) => c.authorization === undefined)).toBe(true);
    // The other origin's 401 is not "ours": no refresh, no replay.
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(jamf.calls.find((c) => c.path === '/api/v1/sites')?.authorization).toMatch(/^Bearer /);
  });
});

describe('a 401 from another origin is not ours', () => {
  it('is returned as it is after a redirect elsewhere: no refresh, no replay (withAuth and middleware)', async () => {
    jamf = await startFakeJamf();
    other = await startFakeJamf();
    jamf.overrides.set('/api/v1/moved', (_req, res) => {
      res.writeHead(302, { location: `${other.url}/api/v1/sites` }).end();
    });
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const response = await withAuth(fetch, provider)(`${jamf.url}/api/v1/moved`);
    expect(response.status).toBe(401);
    expect(new URL(response.url).origin).toBe(other.url);

    const client = createClient({ baseUrl: `${jamf.url}/api` });
    client.use(authMiddleware(provider));
    const result = await client.GET('/v1/moved' as never);
    expect(result.response.status).toBe(401);

    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(jamf.count('/api/v1/moved')).toBe(2);
    // fetch drops Authorization on a cross-origin redirect; we never add it there either.
    expect(other.calls.every((c) => c.authorization === undefined)).toBe(true);
  });
});
