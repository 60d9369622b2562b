import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, basic, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'reader', password: 'pw', privileges: ['Read API Roles', 'Read Computers'] },
    { username: 'nobody', password: 'pw', privileges: [] },
  ],
});
watchContract(jamf);

describe('privilege enforcement from x-required-privileges', () => {
  it("answers a Jamf-shaped 403 when the caller lacks the operation's privilege", async () => {
    const reader = await userToken(jamf, 'reader', 'pw');
    const response = await api(jamf, reader, 'POST', '/v1/api-roles', {
      displayName: 'x',
      privileges: [],
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      httpStatus: 403,
      errors: [{ code: 'INVALID_PRIVILEGE' }],
    });
    expect(jamf.state.apiRoles.list()).toEqual([]);
  });

  it('lets the call through with the privilege, on explicit routes and spec-answered ones alike', async () => {
    const reader = await userToken(jamf, 'reader', 'pw');
    expect((await api(jamf, reader, 'GET', '/v1/api-roles')).status).toBe(200);
    expect((await api(jamf, reader, 'GET', '/v1/computers-inventory')).status).toBe(200);
    expect((await api(jamf, reader, 'GET', '/v1/buildings')).status).toBe(403);
    expect((await api(jamf, reader, 'GET', '/v1/sites')).status).toBe(403);
  });

  it('needs every listed privilege when an operation lists several', async () => {
    const reader = await userToken(jamf, 'reader', 'pw');
    // GET /v1/computer-groups lists Read Smart Computer Groups and Read Static Computer Groups.
    expect((await api(jamf, reader, 'GET', '/v1/computer-groups')).status).toBe(403);
    jamf.state.accounts.add({
      username: 'reader',
      password: 'pw',
      privileges: ['Read Smart Computer Groups', 'Read Static Computer Groups'],
    });
    expect((await api(jamf, reader, 'GET', '/v1/computer-groups')).status).toBe(200);
  });

  it('lets operations without x-required-privileges through for any signed-in caller', async () => {
    const nobody = await userToken(jamf, 'nobody', 'pw');
    expect((await api(jamf, nobody, 'GET', '/v1/auth')).status).toBe(200);
    expect((await api(jamf, nobody, 'GET', '/v1/api-roles')).status).toBe(403);
  });

  it('checks authentication before privileges, and privileges before validation', async () => {
    const anonymous = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, {
      method: 'POST',
      body: '{',
    });
    expect(anonymous.status).toBe(401);
    const nobody = await userToken(jamf, 'nobody', 'pw');
    const malformed = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nobody}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(403);
  });

  it('does not take Basic credentials on Pro endpoints other than the token endpoint', async () => {
    const response = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, {
      headers: { authorization: basic('admin', 'jamf1234') },
    });
    expect(response.status).toBe(401);
  });
});

describe('/api/v1/api-role-privileges', () => {
  it('lists every privilege name of the spec, sorted and unique', async () => {
    const response = await api(jamf, await userToken(jamf), 'GET', '/v1/api-role-privileges');
    const { privileges } = (await response.json()) as { privileges: string[] };
    expect(privileges.length).toBeGreaterThan(200);
    expect(privileges).toEqual([...new Set(privileges)].sort());
    expect(privileges).toEqual(
      expect.arrayContaining(['Read Computers', 'Create API Roles', 'Read API Integrations']),
    );
  });

  it('searches by name (case-insensitive) with a limit that defaults to 15', async () => {
    const token = await userToken(jamf);
    const all = (await (
      await api(jamf, token, 'GET', '/v1/api-role-privileges/search?name=read')
    ).json()) as { privileges: string[] };
    expect(all.privileges).toHaveLength(15);
    expect(all.privileges.every((name) => name.toLowerCase().includes('read'))).toBe(true);
    const limited = (await (
      await api(jamf, token, 'GET', '/v1/api-role-privileges/search?name=API%20ROLES&limit=2')
    ).json()) as {
      privileges: string[];
    };
    expect(limited.privileges).toEqual(['Create API Roles', 'Delete API Roles']);
  });
});
