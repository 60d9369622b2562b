import type { JamfMock } from '../../src/index.js';

/** An HTTP Basic header value. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** A user token from `POST /api/v1/auth/token`; throws on anything but 200. */
export async function userToken(
  mock: Pick<JamfMock, 'baseUrl'>,
  username = 'admin',
  password = 'jamf1234',
): Promise<string> {
  const response = await fetch(`${mock.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic(username, password) },
  });
  if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the mock's Pro API (`/api` + `path`) with a Bearer token and an optional JSON body. */
export function api(
  mock: Pick<JamfMock, 'baseUrl'>,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${mock.baseUrl}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Creates an API role, an integration granted it, and a client secret; returns its credentials. */
export async function apiClient(
  mock: Pick<JamfMock, 'baseUrl'>,
  adminToken: string,
  privileges: string[],
  name = 'CI client',
): Promise<{ integrationId: number; roleId: string; clientId: string; clientSecret: string }> {
  const role = (await (
    await api(mock, adminToken, 'POST', '/v1/api-roles', {
      displayName: `${name} role`,
      privileges,
    })
  ).json()) as {
    id: string;
  };
  const created = await api(mock, adminToken, 'POST', '/v1/api-integrations', {
    displayName: name,
    authorizationScopes: [`${name} role`],
    enabled: true,
    accessTokenLifetimeSeconds: 60,
  });
  const integration = (await created.json()) as { id: number };
  const credentials = (await (
    await api(mock, adminToken, 'POST', `/v1/api-integrations/${integration.id}/client-credentials`)
  ).json()) as {
    clientId: string;
    clientSecret: string;
  };
  return { integrationId: integration.id, roleId: role.id, ...credentials };
}

/** Asks for an OAuth client-credentials token at `path` (default Jamf's documented `/api/oauth/token`). */
export function oauthToken(
  mock: Pick<JamfMock, 'baseUrl'>,
  fields: Record<string, string>,
  path = '/api/oauth/token',
): Promise<Response> {
  return fetch(`${mock.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}
