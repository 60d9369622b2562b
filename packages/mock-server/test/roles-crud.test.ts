import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

interface Role {
  id: string;
  displayName: string;
  privileges: string[];
}

async function createRole(
  displayName: string,
  privileges: string[] = ['Read Computers'],
): Promise<Role> {
  const response = await api(jamf, token, 'POST', '/v1/api-roles', { displayName, privileges });
  expect(response.status).toBe(200);
  return (await response.json()) as Role;
}

describe('/api/v1/api-roles CRUD', () => {
  it('creates with a string id, reads, replaces and deletes', async () => {
    const role = await createRole('Inventory reader', ['Read Computers', 'Read Mobile Devices']);
    expect(role).toEqual({
      id: '1',
      displayName: 'Inventory reader',
      privileges: ['Read Computers', 'Read Mobile Devices'],
    });
    expect(await (await api(jamf, token, 'GET', '/v1/api-roles/1')).json()).toEqual(role);
    const replaced = await api(jamf, token, 'PUT', '/v1/api-roles/1', {
      displayName: 'Reader',
      privileges: ['Read Computers'],
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toEqual({
      id: '1',
      displayName: 'Reader',
      privileges: ['Read Computers'],
    });
    expect((await api(jamf, token, 'DELETE', '/v1/api-roles/1')).status).toBe(204);
    expect((await api(jamf, token, 'GET', '/v1/api-roles/1')).status).toBe(404);
  });

  it('answers Jamf-shaped 404s for unknown ids on GET, PUT and DELETE', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const body = method === 'PUT' ? { displayName: 'x', privileges: [] } : undefined;
      const response = await api(jamf, token, method, '/v1/api-roles/999', body);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        httpStatus: 404,
        errors: [{ code: 'INVALID_ID' }],
      });
    }
  });

  it('rejects a duplicate displayName and an unknown privilege with 400, changing nothing', async () => {
    await createRole('Unique');
    const duplicate = await api(jamf, token, 'POST', '/v1/api-roles', {
      displayName: 'Unique',
      privileges: [],
    });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({
      httpStatus: 400,
      errors: [{ field: 'displayName' }],
    });
    const unknown = await api(jamf, token, 'POST', '/v1/api-roles', {
      displayName: 'Other',
      privileges: ['Fly Planes'],
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [{ field: 'privileges', description: expect.stringContaining('Fly Planes') }],
    });
    const renameOnto = await api(jamf, token, 'PUT', '/v1/api-roles/1', {
      displayName: 'Unique',
      privileges: ['Fly Planes'],
    });
    expect(renameOnto.status).toBe(400);
    expect(jamf.state.apiRoles.list()).toEqual([
      { id: '1', displayName: 'Unique', privileges: ['Read Computers'] },
    ]);
  });

  it('rejects malformed JSON and a missing body field with a Jamf-shaped 400', async () => {
    const malformed = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"displayName": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      httpStatus: 400,
      errors: [{ code: expect.any(String) }],
    });
    const missing = await api(jamf, token, 'POST', '/v1/api-roles', { privileges: [] });
    expect(missing.status).toBe(400);
    expect(jamf.state.apiRoles.list()).toEqual([]);
  });

  it('answers 409 when deleting a role an API client uses', async () => {
    await createRole('In use');
    const integration = await api(jamf, token, 'POST', '/v1/api-integrations', {
      displayName: 'client',
      authorizationScopes: ['In use'],
    });
    expect(integration.status).toBe(201);
    const response = await api(jamf, token, 'DELETE', '/v1/api-roles/1');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      httpStatus: 409,
      errors: [{ code: expect.any(String) }],
    });
    expect(jamf.state.apiRoles.get('1')).toBeDefined();
  });
});
