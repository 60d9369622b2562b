import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, apiClient, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'auditor', password: 'pw', privileges: ['Read Computers', 'Read API Roles'] },
  ],
});
watchContract(jamf);

interface AuthorizationV1 {
  account: {
    id: string;
    username: string;
    privilegeSet: string;
    privilegesBySite: Record<string, string[]>;
  };
  authenticationType: string;
  sites: unknown[];
  accountGroups: unknown[];
}

describe('GET /api/v1/auth', () => {
  it('describes an account made through the API as it was written: name, email, set, groups', async () => {
    const admin = await userToken(jamf);
    const created = await api(jamf, admin, 'POST', '/v1/accounts', {
      username: 'ada',
      realname: 'Ada Auditor',
      email: 'ada@example.test',
      plainPassword: 'pw-for-ada-1',
      privilegeLevel: 'AUDITOR',
      accessLevel: 'FullAccess',
    });
    expect(created.status).toBe(201);
    const response = await api(
      jamf,
      await userToken(jamf, 'ada', 'pw-for-ada-1'),
      'GET',
      '/v1/auth',
    );
    const { account } = (await response.json()) as {
      account: AuthorizationV1['account'] & { realName: string; email: string };
    };
    expect(account).toMatchObject({
      username: 'ada',
      realName: 'Ada Auditor',
      email: 'ada@example.test',
      privilegeSet: 'AUDITOR',
    });
    const held = account.privilegesBySite['-1'] ?? [];
    expect(held.length).toBeGreaterThan(50);
    expect(held.every((name) => name.startsWith('Read '))).toBe(true);
  });

  it('describes an administrator with every privilege', async () => {
    const response = await api(jamf, await userToken(jamf), 'GET', '/v1/auth');
    expect(response.status).toBe(200);
    const body = (await response.json()) as AuthorizationV1;
    expect(body.account).toMatchObject({
      id: '1',
      username: 'admin',
      privilegeSet: 'ADMINISTRATOR',
    });
    expect(body.authenticationType).toBe('JSS');
    expect(body.account.privilegesBySite['-1']).toContain('Delete API Roles');
  });

  it('lists exactly the privileges of a restricted account', async () => {
    const body = (await (
      await api(jamf, await userToken(jamf, 'auditor', 'pw'), 'GET', '/v1/auth')
    ).json()) as AuthorizationV1;
    expect(body.account).toMatchObject({ username: 'auditor', privilegeSet: 'CUSTOM' });
    expect(body.account.privilegesBySite['-1']).toEqual(['Read API Roles', 'Read Computers']);
  });

  it("describes an API client as CLIENT_CREDENTIALS with its roles' privileges", async () => {
    const admin = await userToken(jamf);
    const client = await apiClient(jamf, admin, ['Read Buildings']);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    const issued = await fetch(`${jamf.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    const { access_token } = (await issued.json()) as { access_token: string };
    const body = (await (
      await api(jamf, access_token, 'GET', '/v1/auth')
    ).json()) as AuthorizationV1;
    expect(body.authenticationType).toBe('CLIENT_CREDENTIALS');
    expect(body.account.username).toBe(client.clientId);
    expect(body.account.privilegesBySite['-1']).toEqual(['Read Buildings']);
  });
});
