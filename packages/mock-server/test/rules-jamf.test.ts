import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, apiClient, basic, oauthToken, userToken } from './support/auth-support.js';

// Jamf's rules the mock emulates, each with its source in the README's fidelity ledger.
const jamf = setupJamfMock({ seed: 5, counts: { computers: 8 } });

async function clientToken(privileges: string[], name: string): Promise<string> {
  const admin = await userToken(jamf);
  const { clientId, clientSecret } = await apiClient(jamf, admin, privileges, name);
  const response = await oauthToken(jamf, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const POLICY = '<policy><general><name>Rule test policy</name></general></policy>';

function createPolicy(authorization: string): Promise<Response> {
  return fetch(`${jamf.baseUrl}/JSSResource/policies/id/0`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/xml' },
    body: POLICY,
  });
}

describe('Jamf rules', () => {
  it('Classic refuses Basic auth by default: 401 with the HTML status page, as every server since 11.5', async () => {
    const response = await fetch(`${jamf.baseUrl}/JSSResource/categories`, {
      headers: { authorization: basic('admin', 'jamf1234') },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<p>Error: ');
    const bearer = await fetch(`${jamf.baseUrl}/JSSResource/categories`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}` },
    });
    expect(bearer.status).toBe(200);
  });

  it('keep-alive refuses an OAuth client token with 401 {"httpStatus":401,"errors":[]}; the token stays valid', async () => {
    const token = await clientToken(['Read API Roles'], 'keep-alive client');
    const renewed = await api(jamf, token, 'POST', '/v1/auth/keep-alive');
    expect(renewed.status).toBe(401);
    expect(await renewed.text()).toBe('{"httpStatus":401,"errors":[]}');
    expect((await api(jamf, token, 'GET', '/v1/api-roles')).status).toBe(200);
    const user = await userToken(jamf);
    expect((await api(jamf, user, 'POST', '/v1/auth/keep-alive')).status).toBe(200);
  });

  it('refuses an API integration with no roles (authorizationScopes: []) with 400, changing nothing', async () => {
    const admin = await userToken(jamf);
    const response = await api(jamf, admin, 'POST', '/v1/api-integrations', {
      displayName: 'no roles',
      authorizationScopes: [],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      httpStatus: 400,
      errors: [{ field: 'authorizationScopes' }],
    });
    expect(jamf.state.apiIntegrations.list()).toEqual([]);
  });

  it('answers an unknown filter or sort field on computers-inventory with 400 "Cannot filter by field [x]"', async () => {
    const admin = await userToken(jamf);
    const filtered = await api(
      jamf,
      admin,
      'GET',
      `/v1/computers-inventory?filter=${encodeURIComponent('general.colour=="red"')}`,
    );
    expect(filtered.status).toBe(400);
    const body = (await filtered.json()) as {
      httpStatus: number;
      errors: { code: unknown; description: string }[];
    };
    expect(body.httpStatus).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.code).toBeNull();
    expect(body.errors[0]?.description).toMatch(
      /^Cannot filter by field \[general\.colour\]\. Fields that can be used in filtering results of this endpoint: \[.*general\.name/,
    );
    const sorted = await api(jamf, admin, 'GET', '/v1/computers-inventory?sort=general.colour:asc');
    expect(sorted.status).toBe(400);
    const sortBody = (await sorted.json()) as { errors: { description: string }[] };
    expect(sortBody.errors[0]?.description).toMatch(/^Cannot sort by field \[general\.colour\]/);
    const known = await api(
      jamf,
      admin,
      'GET',
      `/v1/computers-inventory?filter=${encodeURIComponent('general.name=="MAC*"')}&sort=general.name:desc`,
    );
    expect(known.status).toBe(200);
  });

  it('serves the 516-name privilege catalogue: the 510 a live server lists and the 6 only the spec names', async () => {
    const admin = await userToken(jamf);
    const { privileges } = (await (
      await api(jamf, admin, 'GET', '/v1/api-role-privileges')
    ).json()) as { privileges: string[] };
    expect(privileges).toHaveLength(516);
    for (const name of [
      'Create Policies',
      'Delete Policies',
      'Create Mobile Devices',
      'View License Serial Numbers',
      'Allow User to Enroll',
      'Assign Users to Computers',
      'Read API Integrations',
      'Update Local Admin Password Settings',
    ])
      expect(privileges).toContain(name);
    const role = await api(jamf, admin, 'POST', '/v1/api-roles', {
      displayName: 'real names',
      privileges: ['Create Policies', 'Delete Policies', 'Create Mobile Devices'],
    });
    expect(role.status).toBe(200);
  });

  it('lets an API client whose role holds Create Policies create a Classic policy, and refuses one without it', async () => {
    const allowed = await clientToken(['Create Policies', 'Read Policies'], 'policy writer');
    const created = await createPolicy(`Bearer ${allowed}`);
    expect(created.status).toBe(201);
    expect(await created.text()).toMatch(/<policy><id>\d+<\/id><\/policy>/);
    const refused = await createPolicy(`Bearer ${await clientToken(['Read Policies'], 'reader')}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Create Policies');
  });
});
