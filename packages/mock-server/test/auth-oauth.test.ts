import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, apiClient, basic, oauthToken, userToken } from './support/auth-support.js';

const jamf = setupJamfMock();

afterEach(() => {
  vi.useRealTimers();
});

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

describe('OAuth client credentials', () => {
  it('issues a Bearer token at both /api/oauth/token and /api/v1/oauth/token', async () => {
    const client = await apiClient(jamf, await userToken(jamf), ['Read API Roles']);
    for (const path of ['/api/oauth/token', '/api/v1/oauth/token']) {
      const response = await oauthToken(
        jamf,
        {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        },
        path,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as TokenBody;
      expect(body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 59,
        scope: `api-role:${client.roleId}`,
      });
      expect(body.access_token.split('.')).toHaveLength(3);
      expect((await api(jamf, body.access_token, 'GET', '/v1/api-roles')).status).toBe(200);
    }
  });

  it('answers invalid_client as 401 with WWW-Authenticate when the client used Basic', async () => {
    const client = await apiClient(jamf, await userToken(jamf), ['Read API Roles']);
    const response = await fetch(`${jamf.baseUrl}/api/v1/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(client.clientId, 'wrong'),
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('accepts client_secret_basic (credentials in the Authorization header)', async () => {
    const client = await apiClient(jamf, await userToken(jamf), ['Read API Roles']);
    const response = await fetch(`${jamf.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(client.clientId, client.clientSecret),
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
  });

  it('answers RFC 6749 errors', async () => {
    const client = await apiClient(jamf, await userToken(jamf), ['Read API Roles']);
    const good = { client_id: client.clientId, client_secret: client.clientSecret };
    const tokensBefore = jamf.state.tokens.size;
    const cases: [Record<string, string>, number, string][] = [
      [
        { grant_type: 'client_credentials', ...good, client_secret: 'wrong' },
        400,
        'invalid_client',
      ],
      [
        { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' },
        400,
        'invalid_client',
      ],
      [good, 400, 'invalid_request'],
      [{ ...good, grant_type: 'password' }, 400, 'unsupported_grant_type'],
      [{ grant_type: 'client_credentials', client_id: client.clientId }, 400, 'invalid_request'],
      [{ ...good, grant_type: 'client_credentials', scope: 'api-role:999' }, 400, 'invalid_scope'],
    ];
    for (const [fields, status, error] of cases) {
      const response = await oauthToken(jamf, fields);
      expect({ status: response.status, body: await response.json() }).toMatchObject({
        status,
        body: { error },
      });
    }
    const json = await fetch(`${jamf.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', ...good }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    expect(jamf.state.tokens.size).toBe(tokensBefore);
  });

  it("narrows a token with scope to some of the client's roles", async () => {
    const admin = await userToken(jamf);
    const reader = (await (
      await api(jamf, admin, 'POST', '/v1/api-roles', {
        displayName: 'reader',
        privileges: ['Read API Roles'],
      })
    ).json()) as { id: string };
    const writer = (await (
      await api(jamf, admin, 'POST', '/v1/api-roles', {
        displayName: 'writer',
        privileges: ['Create API Roles'],
      })
    ).json()) as { id: string };
    const integration = (await (
      await api(jamf, admin, 'POST', '/v1/api-integrations', {
        displayName: 'two roles',
        authorizationScopes: ['reader', 'writer'],
      })
    ).json()) as { id: number };
    const secret = (await (
      await api(jamf, admin, 'POST', `/v1/api-integrations/${integration.id}/client-credentials`)
    ).json()) as {
      clientId: string;
      clientSecret: string;
    };
    const fields = {
      grant_type: 'client_credentials',
      client_id: secret.clientId,
      client_secret: secret.clientSecret,
    };
    const full = (await (await oauthToken(jamf, fields)).json()) as TokenBody;
    expect(full.scope.split(' ').sort()).toEqual(
      [`api-role:${reader.id}`, `api-role:${writer.id}`].sort(),
    );
    const narrow = (await (
      await oauthToken(jamf, { ...fields, scope: `api-role:${reader.id}` })
    ).json()) as TokenBody;
    expect(narrow.scope).toBe(`api-role:${reader.id}`);
    expect((await api(jamf, narrow.access_token, 'GET', '/v1/api-roles')).status).toBe(200);
    expect(
      (
        await api(jamf, narrow.access_token, 'POST', '/v1/api-roles', {
          displayName: 'x',
          privileges: [],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(jamf, full.access_token, 'POST', '/v1/api-roles', {
          displayName: 'x',
          privileges: [],
        })
      ).status,
    ).toBe(200);
  });

  it('honours accessTokenLifetimeSeconds on the mock clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = await apiClient(jamf, await userToken(jamf), ['Read API Roles']);
    const body = (await (
      await oauthToken(jamf, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      })
    ).json()) as TokenBody;
    // Jamf answers the lifetime minus one second; the token lives the whole lifetime.
    expect(body.expires_in).toBe(59);
    jamf.clock.advance(59_999);
    expect((await api(jamf, body.access_token, 'GET', '/v1/api-roles')).status).toBe(200);
    jamf.clock.advance(1);
    expect((await api(jamf, body.access_token, 'GET', '/v1/api-roles')).status).toBe(401);
  });
});
