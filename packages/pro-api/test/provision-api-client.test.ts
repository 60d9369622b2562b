import { inspect } from 'node:util';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProClient, type ProClient } from '../src/index.js';
import { ProvisioningError, provisionApiClient } from '../src/provisioning.js';

let server: JamfMockServer;
let admin: ProClient;

async function bearer(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${username}:${password}`)}` },
  });
  return ((await response.json()) as { token: string }).token;
}

beforeEach(async () => {
  server = await startJamfMockServer({
    accounts: [
      { username: 'admin', password: 'admin-pass', privileges: 'all' },
      { username: 'auditor', password: 'auditor-pass', privileges: ['Read API Roles'] },
    ],
  });
  const token = await bearer(server.url, 'admin', 'admin-pass');
  admin = createProClient({ baseUrl: server.url, headers: { authorization: `Bearer ${token}` } });
});
afterEach(() => server.close());

const inventoryReader = {
  roleName: 'Inventory reader',
  operations: ['GET /v1/computers-inventory', 'GET /v1/computers-inventory-detail/{id}'],
  clientName: 'Inventory sync',
  tokenLifetimeSeconds: 300,
} as const;

async function oauthToken(clientId: string, clientSecret: string) {
  const response = await fetch(`${server.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('provisionApiClient', () => {
  it('creates a least-privilege role and client whose credentials can read inventory and nothing more', async () => {
    const result = await provisionApiClient(admin, inventoryReader);
    expect(result.role).toBe('created');
    expect(result.integration).toBe('created');
    expect(result.privileges).toEqual(['Read Computers']);

    const { status, body } = await oauthToken(
      result.credentials.clientId,
      result.credentials.clientSecret,
    );
    expect(status).toBe(200);
    // Jamf (and the mock) answer the lifetime minus one second.
    expect(body.expires_in).toBe(299);
    const app = createProClient({
      baseUrl: server.url,
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect((await app.GET('/v1/computers-inventory')).response.status).toBe(200);
    const denied = await app.POST('/v1/api-roles', { body: { displayName: 'x', privileges: [] } });
    expect(denied.response.status).toBe(403);
  });

  it('is idempotent: a re-run finds the role and client and only rotates the secret', async () => {
    const first = await provisionApiClient(admin, inventoryReader);
    const second = await provisionApiClient(admin, inventoryReader);
    expect(second).toMatchObject({
      role: 'unchanged',
      integration: 'unchanged',
      roleId: first.roleId,
      integrationId: first.integrationId,
    });
    expect(second.credentials.clientId).toBe(first.credentials.clientId);
    // The rotated secret is refused as RFC 6749 says: `invalid_client` (400 for a form-body client).
    const stale = await oauthToken(first.credentials.clientId, first.credentials.clientSecret);
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(stale.body.error).toBe('invalid_client');
    expect(
      (await oauthToken(second.credentials.clientId, second.credentials.clientSecret)).status,
    ).toBe(200);
    const roles = await admin.GET('/v1/api-roles');
    expect(roles.data?.results.filter((r) => r.displayName === 'Inventory reader')).toHaveLength(1);
  });

  it('updates the role and client when the wanted privileges or lifetime change', async () => {
    await provisionApiClient(admin, inventoryReader);
    const wider = await provisionApiClient(admin, {
      ...inventoryReader,
      privileges: ['Read Mobile Devices'],
      tokenLifetimeSeconds: 600,
    });
    expect(wider).toMatchObject({ role: 'updated', integration: 'updated' });
    expect(wider.privileges).toEqual(['Read Computers', 'Read Mobile Devices']);
    const { body } = await oauthToken(wider.credentials.clientId, wider.credentials.clientSecret);
    expect(body.expires_in).toBe(599);
  });

  it('never prints the client secret', async () => {
    const { credentials } = await provisionApiClient(admin, inventoryReader);
    const printed = [JSON.stringify(credentials), inspect(credentials), String(credentials)].join(
      '\n',
    );
    expect(printed).toContain(credentials.clientId);
    expect(printed).not.toContain(credentials.clientSecret);
  });

  it('says which step failed and why', async () => {
    const token = await bearer(server.url, 'auditor', 'auditor-pass');
    const auditor = createProClient({
      baseUrl: server.url,
      headers: { authorization: `Bearer ${token}` },
    });
    const failure = await provisionApiClient(auditor, inventoryReader).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ProvisioningError);
    expect(failure).toMatchObject({ code: 'PROVISIONING_FAILED', step: 'save-role' });
    expect((failure as ProvisioningError).cause).toMatchObject({ status: 403 });

    await expect(
      // @ts-expect-error: not an operation of the Jamf Pro API; checked at run time too
      provisionApiClient(admin, { ...inventoryReader, operations: ['GET /v1/nowhere'] }),
    ).rejects.toMatchObject({
      step: 'resolve-privileges',
    });
  });

  it('refuses options no role can be made from, before creating anything', async () => {
    const before = (await admin.GET('/v1/api-roles')).data?.totalCount;
    const refusals: [unknown, string][] = [
      [null, 'give options'],
      [{ ...inventoryReader, privileges: 'Read Computers' }, 'privileges must be a list'],
      [{ ...inventoryReader, roleName: ' ' }, 'roleName must be a name'],
      [{ ...inventoryReader, clientName: 5 }, 'clientName must be a name'],
      [{ ...inventoryReader, tokenLifetimeSeconds: -1 }, 'tokenLifetimeSeconds must be'],
    ];
    for (const [options, message] of refusals) {
      const failure = await provisionApiClient(admin, options as never).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ProvisioningError);
      expect(failure).toMatchObject({ step: 'resolve-privileges' });
      expect((failure as Error).message).toContain(message);
    }
    expect((await admin.GET('/v1/api-roles')).data?.totalCount).toBe(before);
  });
});
