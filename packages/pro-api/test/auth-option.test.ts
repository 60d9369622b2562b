import { clientCredentials, userCredentials } from '@jamf/auth';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthOptionError, createProClient, paginate } from '../src/index.js';

let server: JamfMockServer;

beforeAll(async () => {
  server = await startJamfMockServer({
    accounts: [{ username: 'admin', password: 'admin-pass', privileges: 'all' }],
  });
});
afterAll(() => server.close());

describe('createProClient({ auth })', () => {
  it('signs every call with the provider’s token and pages with it', async () => {
    server.mock.reset();
    await using jamf = userCredentials({
      baseUrl: server.url,
      username: 'admin',
      password: 'admin-pass',
    });
    const pro = createProClient({ baseUrl: server.url, auth: jamf });
    const { data, response } = await pro.GET('/v1/jamf-pro-version');
    expect(response.status).toBe(200);
    expect(data?.version).toMatch(/^11\./);
    let buildings = 0;
    for await (const _ of paginate(pro, '/v1/buildings')) buildings += 1;
    expect(buildings).toBeGreaterThanOrEqual(0);
  });

  it('after the server drops every token, one call gets a fresh token and is replayed once', async () => {
    server.mock.reset();
    await using jamf = userCredentials({
      baseUrl: server.url,
      username: 'admin',
      password: 'admin-pass',
    });
    const pro = createProClient({ baseUrl: server.url, auth: jamf });
    expect((await pro.GET('/v1/jamf-pro-version')).response.status).toBe(200);
    const first = await jamf.getToken();
    server.mock.expireTokens();
    const { response } = await pro.POST('/v1/buildings', { body: { name: 'Replayed HQ' } });
    expect(response.status).toBe(201);
    expect((await jamf.getToken()).token).not.toBe(first.token);
    const { data } = await pro.GET('/v1/buildings', {
      params: { query: { filter: 'name=="Replayed HQ"' } },
    });
    expect(data?.totalCount).toBe(1);
  });

  it('refuses a provider for another server, and anything that is not a provider, with AuthOptionError', async () => {
    await using elsewhere = clientCredentials({
      baseUrl: 'https://other.jamfcloud.com',
      clientId: 'id',
      clientSecret: 'never-shown',
    });
    const mismatch = (() => {
      try {
        createProClient({ baseUrl: server.url, auth: elsewhere });
      } catch (error) {
        return error;
      }
    })();
    expect(mismatch).toBeInstanceOf(AuthOptionError);
    expect(mismatch).toMatchObject({ code: 'AUTH_ORIGIN_MISMATCH' });
    expect(String(mismatch)).not.toContain('never-shown');
    for (const bad of [null, 'token', { origin: server.url }, { authorize: () => fetch }]) {
      expect(() =>
        createProClient({ baseUrl: server.url, auth: bad as unknown as typeof elsewhere }),
      ).toThrow(expect.objectContaining({ name: 'AuthOptionError', code: 'INVALID_AUTH' }));
    }
  });
});
