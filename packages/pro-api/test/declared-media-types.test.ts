import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProClient as createPreloadClient } from '../src/generated/entries/inventory-preload.js';
import { createProClient, JamfApiError } from '../src/index.js';

const CSV = 'Serial Number,Device Type\nC02XK1ABJG5H,Computer\n';

describe('bodies sent and read as each operation declares them', () => {
  let server: JamfMockServer;
  let token: string;

  beforeEach(async () => {
    server = await startJamfMockServer({
      accounts: [{ username: 'admin', password: 'admin-pass', privileges: 'all' }],
    });
    const answer = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('admin:admin-pass')}` },
    });
    token = ((await answer.json()) as { token: string }).token;
  });
  afterEach(() => server.close());

  it('sends a CSV check as text/csv, which the server takes (not JSON text, which it refuses)', async () => {
    const options = { baseUrl: server.url, headers: { authorization: `Bearer ${token}` } };
    const calls = [
      createProClient(options).POST('/v1/inventory-preload/validate-csv', { body: CSV }),
      createPreloadClient(options).POST('/v1/inventory-preload/validate-csv', { body: CSV }),
    ];
    for (const { data, error, response } of await Promise.all(calls)) {
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toHaveProperty('recordCount');
    }
  });

  it('reads files as a Blob and text as a string, where JSON parsing failed', async () => {
    const jamf = createProClient({
      baseUrl: server.url,
      headers: { authorization: `Bearer ${token}` },
    });
    const script = await jamf.GET('/v1/scripts/{id}/download', { params: { path: { id: '1' } } });
    expect(script.data).toBeInstanceOf(Blob);
    expect(await script.data?.text()).toMatch(/^#!\/bin\/sh/);
    const template = await jamf.GET('/v1/inventory-preload/csv-template');
    expect(template.response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(typeof template.data).toBe('string');
    const asText = await jamf.GET('/v1/scripts/{id}/download', {
      params: { path: { id: '1' } },
      parseAs: 'text',
    });
    expect(asText.data).toMatch(/^#!\/bin\/sh/);
    const exported = await jamf.POST('/v1/buildings/export', {
      params: { query: { 'export-fields': ['id', 'name'], 'export-labels': ['ID', 'Name'] } },
    });
    expect((await exported.data?.text())?.split('\r\n')[0]).toBe('ID,Name');
    const computers = await jamf.GET('/v1/computers-inventory', {
      params: { query: { 'page-size': 1 } },
    });
    expect(computers.data?.totalCount).toBeGreaterThan(0);
  });
});

describe('the Content-Type and body each operation declares', () => {
  const sent: Request[] = [];
  const client = createProClient({
    baseUrl: 'https://tenant.jamfcloud.com',
    fetch: async (request) => {
      sent.push(request);
      return Response.json({});
    },
  });
  beforeEach(() => {
    sent.length = 0;
  });
  const last = () => sent.at(-1)!;

  it('sends merge-patch operations as application/merge-patch+json with a JSON body', async () => {
    await client.PATCH('/v1/volume-purchasing-locations/{id}', {
      params: { path: { id: '1' } },
      body: { autoRegisterManagedUsers: true, name: 'Education' },
    });
    expect(last().headers.get('content-type')).toBe('application/merge-patch+json');
    expect(await last().json()).toEqual({ autoRegisterManagedUsers: true, name: 'Education' });

    await client.PUT('/v2/smtp-server', {
      body: {
        enabled: false,
        authenticationType: 'NONE',
        senderSettings: { emailAddress: 'jamf@example.com', displayName: 'Jamf Pro' },
      },
    });
    expect(last().method).toBe('PUT');
    expect(last().headers.get('content-type')).toBe('application/merge-patch+json');
  });

  it('leaves operations that declare JSON, and bodiless calls, as openapi-fetch sends them', async () => {
    await client.PATCH('/v1/computers-inventory-detail/{id}', {
      params: { path: { id: '1' } },
      body: { general: { name: 'LAB-1' } },
    });
    expect(last().headers.get('content-type')).toBe('application/json');
    await client.GET('/v1/gsx-connection');
    expect(last().headers.get('content-type')).toBeNull();
  });

  it('sends a text body as given, through the generic request method too', async () => {
    await client.request('post', '/v1/inventory-preload/validate-csv', { body: CSV });
    expect(last().headers.get('content-type')).toBe('text/csv');
    expect(await last().text()).toBe(CSV);
    await client.POST('/v1/pki/venafi/{id}/proxy-trust-store', {
      params: { path: { id: '1' } },
      body: new TextEncoder().encode('-----BEGIN CERTIFICATE-----') as never,
    });
    expect(last().headers.get('content-type')).toBe('application/pem-certificate-chain');
    expect(await last().text()).toBe('-----BEGIN CERTIFICATE-----');
  });

  it("keeps the caller's own Content-Type, per call or per client", async () => {
    await client.PATCH('/v1/gsx-connection', {
      body: { enabled: true, username: 'gsx' },
      headers: { 'Content-Type': 'application/json' },
    });
    expect(last().headers.get('content-type')).toBe('application/json');
    await client.PATCH('/v1/gsx-connection', {
      body: { enabled: true, username: 'gsx' },
      headers: new Headers({ 'x-trace': '1' }),
    });
    expect(last().headers.get('content-type')).toBe('application/merge-patch+json');
    expect(last().headers.get('x-trace')).toBe('1');

    const jsonClient = createProClient({
      baseUrl: 'https://tenant.jamfcloud.com',
      headers: { 'content-type': 'application/json' },
      fetch: async (request) => {
        sent.push(request);
        return Response.json({});
      },
    });
    await jsonClient.PATCH('/v1/gsx-connection', { body: { enabled: true, username: 'gsx' } });
    expect(last().headers.get('content-type')).toBe('application/json');
  });

  it('refuses a text body that is not text or bytes, sending nothing', async () => {
    const call = client.POST('/v1/inventory-preload/validate-csv', {
      body: { rows: [] } as never,
    });
    await expect(call).rejects.toBeInstanceOf(JamfApiError);
    await expect(call).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      status: 0,
      message: expect.stringContaining('POST /v1/inventory-preload/validate-csv sends text/csv'),
    });
    expect(sent).toHaveLength(0);
  });
});
