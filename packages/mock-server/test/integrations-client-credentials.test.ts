import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, apiClient, oauthToken, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
let admin = '';

beforeEach(async () => {
  admin = await userToken(jamf);
});

async function clientToken(clientId: string, clientSecret: string): Promise<Response> {
  return oauthToken(jamf, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
}

async function accessToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await clientToken(clientId, clientSecret);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('client credentials of API integrations', () => {
  it('rotating the secret makes the old one stop working', async () => {
    const client = await apiClient(jamf, admin, ['Read API Roles']);
    const rotated = await api(
      jamf,
      admin,
      'POST',
      `/v1/api-integrations/${client.integrationId}/client-credentials`,
    );
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { clientId: string; clientSecret: string };
    expect(fresh.clientId).toBe(client.clientId);
    expect(fresh.clientSecret).not.toBe(client.clientSecret);
    expect(await (await clientToken(client.clientId, client.clientSecret)).json()).toMatchObject({
      error: 'invalid_client',
    });
    expect((await clientToken(fresh.clientId, fresh.clientSecret)).status).toBe(200);
  });

  it('enabled: false refuses new tokens and the tokens already issued', async () => {
    const client = await apiClient(jamf, admin, ['Read API Roles']);
    const issued = await accessToken(client.clientId, client.clientSecret);
    const disabled = await api(jamf, admin, 'PUT', `/v1/api-integrations/${client.integrationId}`, {
      displayName: 'CI client',
      authorizationScopes: ['CI client role'],
      enabled: false,
    });
    expect(disabled.status).toBe(200);
    const refused = await clientToken(client.clientId, client.clientSecret);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    expect((await api(jamf, issued, 'GET', '/v1/api-roles')).status).toBe(401);
  });

  it("a role's privilege edits apply at once to tokens already issued", async () => {
    const client = await apiClient(jamf, admin, ['Read API Roles']);
    const token = await accessToken(client.clientId, client.clientSecret);
    expect((await api(jamf, token, 'GET', '/v1/api-integrations')).status).toBe(403);
    await api(jamf, admin, 'PUT', `/v1/api-roles/${client.roleId}`, {
      displayName: 'CI client role',
      privileges: ['Read API Roles', 'Read API Integrations'],
    });
    expect((await api(jamf, token, 'GET', '/v1/api-integrations')).status).toBe(200);
    await api(jamf, admin, 'PUT', `/v1/api-roles/${client.roleId}`, {
      displayName: 'CI client role',
      privileges: [],
    });
    expect((await api(jamf, token, 'GET', '/v1/api-roles')).status).toBe(403);
  });

  it('roles are captured when the secret is generated; rotating re-captures them', async () => {
    const client = await apiClient(jamf, admin, ['Read API Roles']);
    await api(jamf, admin, 'POST', '/v1/api-roles', {
      displayName: 'buildings',
      privileges: ['Read Buildings'],
    });
    await api(jamf, admin, 'PUT', `/v1/api-integrations/${client.integrationId}`, {
      displayName: 'CI client',
      authorizationScopes: ['CI client role', 'buildings'],
    });
    const before = (await (await clientToken(client.clientId, client.clientSecret)).json()) as {
      scope: string;
    };
    expect(before.scope).toBe(`api-role:${client.roleId}`);
    const fresh = (await (
      await api(
        jamf,
        admin,
        'POST',
        `/v1/api-integrations/${client.integrationId}/client-credentials`,
      )
    ).json()) as {
      clientSecret: string;
    };
    const after = (await (await clientToken(client.clientId, fresh.clientSecret)).json()) as {
      scope: string;
    };
    expect(after.scope.split(' ').sort()).toEqual(
      [`api-role:${client.roleId}`, 'api-role:2'].sort(),
    );
  });

  it('deleting the integration kills its tokens', async () => {
    const client = await apiClient(jamf, admin, ['Read API Roles']);
    const token = await accessToken(client.clientId, client.clientSecret);
    expect(
      (await api(jamf, admin, 'DELETE', `/v1/api-integrations/${client.integrationId}`)).status,
    ).toBe(204);
    expect((await api(jamf, token, 'GET', '/v1/api-roles')).status).toBe(401);
  });
});
