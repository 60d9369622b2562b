import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { createJamfMock } from '../src/index.js';
import { sampleSchema } from '../src/spec/responder/sample-schema.js';
import { setupJamfMock } from '../src/vitest.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
  });
  const { token } = (await auth.json()) as { token: string };
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(`${jamf.baseUrl}/api${path}`, { ...init, headers });
}

describe('operations without an explicit route', () => {
  it('answer with the same bytes every time, from any mock', async () => {
    const first = await (await api('/v1/jamf-pro-version')).text();
    const second = await (await api('/v1/jamf-pro-version')).text();
    expect(second).toBe(first);
    const other = createJamfMock();
    expect(other.state.computers.list()).toEqual(jamf.state.computers.list());
    const sites = (await (await api('/v1/sites')).json()) as unknown[];
    expect(Array.isArray(sites)).toBe(true);
  });

  it('fill strings the spec gives no format by what their names say: UUIDs, dates', () => {
    // `/v2/mdm/commands` answers the mock's own commands now; its schema still has such strings.
    const sample = sampleSchema({ $ref: '#/components/schemas/MdmCommandResults' }, proSpec);
    const { results } = sample as {
      results: { uuid: string; dateSent: string; client: { managementId: string } }[];
    };
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(results[0]?.uuid).toMatch(uuid);
    expect(results[0]?.client.managementId).toMatch(uuid);
    expect(Number.isNaN(Date.parse(results[0]?.dateSent ?? ''))).toBe(false);
    const history = sampleSchema({ $ref: '#/components/schemas/ObjectHistory' }, proSpec);
    expect((history as { date: string }).date).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('use the success status the spec declares: 204 with no body, 202', async () => {
    const noContent = await api('/v1/cloud-distribution-point/refresh-inventory', {
      method: 'POST',
    });
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe('');
    expect(
      (await api('/v1/apns-client-push-status/enable-all-clients', { method: 'POST' })).status,
    ).toBe(202);
  });

  it('serve CSV, tab-separated, image and PEM media types', async () => {
    const csv = await api('/v1/inventory-preload/csv-template');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n').length).toBeGreaterThanOrEqual(2);

    const tab = await api(
      '/v2/patch-software-title-configurations/1/export-report?columns-to-export=version',
      { headers: { accept: 'text/tab' } },
    );
    expect(tab.headers.get('content-type')).toMatch(/^text\/tab/);
    const asCsv = await api(
      '/v2/patch-software-title-configurations/1/export-report?columns-to-export=version',
      { headers: { accept: 'text/csv' } },
    );
    expect(asCsv.headers.get('content-type')).toMatch(/^text\/csv/);

    const image = await api('/v1/branding-images/download/1');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await image.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    const pem = await api('/v1/pki/certificate-authority/active/pem');
    expect(await pem.text()).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('honour the media type key that names two types (text/csv,application/json)', async () => {
    const response = await api('/v2/enrollment/history/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ page: 0, pageSize: 10 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('serve the real contents of a stored script for /v1/scripts/{id}/download', async () => {
    const response = await api('/v1/scripts/1/download');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(jamf.state.scripts.get(1)?.scriptContents);
  });
});

describe('a generated object read by id', () => {
  it('carries the id of the path', async () => {
    // Not a collection the mock keeps (no list, no create), so it stays generated. (The one
    // generated object with a numeric id, `/v1/icon/{id}`, is now read from the uploads store.)
    expect(await (await api('/v1/pki/adcs-settings/77')).json()).toMatchObject({ id: '77' });
  });
});
