import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
  await api(jamf, token, 'POST', '/v1/api-roles', {
    displayName: 'readers',
    privileges: ['Read Computers'],
  });
  await api(jamf, token, 'POST', '/v1/api-roles', {
    displayName: 'writers',
    privileges: ['Update Computers'],
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('/api/v1/api-integrations CRUD', () => {
  it('creates with an integer id and a generated clientId, with Jamf defaults', async () => {
    const response = await api(jamf, token, 'POST', '/v1/api-integrations', {
      displayName: 'CI',
      authorizationScopes: ['readers'],
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    expect(created).toMatchObject({
      id: 1,
      displayName: 'CI',
      enabled: true,
      authorizationScopes: ['readers'],
      accessTokenLifetimeSeconds: 1800,
    });
    expect(created.clientId).toMatch(UUID);
    expect(created).not.toHaveProperty('clientSecret');
  });

  it('reads, lists, replaces and deletes', async () => {
    await api(jamf, token, 'POST', '/v1/api-integrations', {
      displayName: 'one',
      authorizationScopes: ['readers'],
    });
    await api(jamf, token, 'POST', '/v1/api-integrations', {
      displayName: 'two',
      authorizationScopes: ['writers'],
    });
    const list = (await (
      await api(jamf, token, 'GET', '/v1/api-integrations?sort=displayName:desc')
    ).json()) as {
      totalCount: number;
      results: { displayName: string }[];
    };
    expect(list.totalCount).toBe(2);
    expect(list.results.map((entry) => entry.displayName)).toEqual(['two', 'one']);
    const clientId = (
      (await (await api(jamf, token, 'GET', '/v1/api-integrations/1')).json()) as {
        clientId: string;
      }
    ).clientId;
    const replaced = await api(jamf, token, 'PUT', '/v1/api-integrations/1', {
      displayName: 'one, renamed',
      authorizationScopes: ['readers', 'writers'],
      enabled: false,
      accessTokenLifetimeSeconds: 300,
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      id: 1,
      clientId,
      displayName: 'one, renamed',
      authorizationScopes: ['readers', 'writers'],
      enabled: false,
      accessTokenLifetimeSeconds: 300,
    });
    expect((await api(jamf, token, 'DELETE', '/v1/api-integrations/1')).status).toBe(204);
    expect((await api(jamf, token, 'GET', '/v1/api-integrations/1')).status).toBe(404);
    expect((await api(jamf, token, 'DELETE', '/v1/api-integrations/1')).status).toBe(404);
  });

  it('rejects unknown roles, duplicate names and bad fields with 400, changing nothing', async () => {
    await api(jamf, token, 'POST', '/v1/api-roles', { displayName: 'reader', privileges: [] });
    await api(jamf, token, 'POST', '/v1/api-integrations', {
      displayName: 'taken',
      authorizationScopes: ['reader'],
    });
    const bodies = [
      { displayName: 'x', authorizationScopes: ['no such role'] },
      { displayName: 'taken', authorizationScopes: ['reader'] },
      { displayName: 'x', authorizationScopes: ['reader'], accessTokenLifetimeSeconds: 0 },
      { displayName: '', authorizationScopes: ['reader'] },
      { displayName: 'no roles', authorizationScopes: [] },
    ];
    for (const body of bodies) {
      const response = await api(jamf, token, 'POST', '/v1/api-integrations', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        httpStatus: 400,
        errors: [{ field: expect.any(String) }],
      });
    }
    expect(jamf.state.apiIntegrations.list().map((entry) => entry.displayName)).toEqual(['taken']);
  });

  it('answers 404 for unknown and non-numeric ids', async () => {
    for (const id of ['42', 'abc']) {
      expect((await api(jamf, token, 'GET', `/v1/api-integrations/${id}`)).status).toBe(404);
      expect(
        (await api(jamf, token, 'POST', `/v1/api-integrations/${id}/client-credentials`)).status,
      ).toBe(404);
    }
  });
});
