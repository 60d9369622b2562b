import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, apiClient, userToken } from './support/auth-support.js';

// Jamf's CSV exports answer the rows of the list beside them, as the export asks.
const jamf = setupJamfMock();

const lines = async (response: Response) => (await response.text()).split('\r\n');

describe('CSV exports', () => {
  it('export the buildings the list answers, every field by default', async () => {
    const token = await userToken(jamf);
    await api(jamf, token, 'POST', '/v1/buildings', { name: 'Lab, "North"', city: 'Oslo' });
    const list = (await (await api(jamf, token, 'GET', '/v1/buildings?page-size=100')).json()) as {
      results: Record<string, unknown>[];
    };
    const response = await api(jamf, token, 'POST', '/v1/buildings/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [heading, ...rows] = await lines(response);
    expect(heading?.split(',')).toEqual(expect.arrayContaining(['id', 'name', 'city']));
    expect(rows.filter((row) => row !== '')).toHaveLength(list.results.length);
    // RFC 4180 quoting: the comma and the quotes survive.
    expect(rows.some((row) => row.includes('"Lab, ""North"""'))).toBe(true);
  });

  it('pick, order and rename columns with export-fields and export-labels, and page and sort', async () => {
    const token = await userToken(jamf);
    const response = await api(
      jamf,
      token,
      'POST',
      '/v1/buildings/export?export-fields=name,id&export-labels=Building,ID&sort=id:desc&page-size=2',
    );
    const list = (await (
      await api(jamf, token, 'GET', '/v1/buildings?sort=id:desc&page-size=2')
    ).json()) as { results: { id: string; name: string }[] };
    expect(await lines(response)).toEqual([
      'Building,ID',
      ...list.results.map((building) => `${building.name},${building.id}`),
      '',
    ]);
  });

  it('take the body’s fields, labels, page size and sort, reaching into objects by dotted path', async () => {
    const token = await userToken(jamf);
    const response = await api(jamf, token, 'POST', '/v1/packages/export', {
      fields: [{ fieldName: 'id' }, { fieldName: 'packageName', fieldLabelOverride: 'Package' }],
      pageSize: 2,
      sort: ['id:desc'],
    });
    const list = (await (
      await api(jamf, token, 'GET', '/v1/packages?sort=id:desc&page-size=2')
    ).json()) as { results: { id: string; packageName: string }[] };
    expect(await lines(response)).toEqual([
      'id,Package',
      ...list.results.map((item) => `${item.id},${item.packageName}`),
      '',
    ]);
  });

  it('export one object’s history, and answer 404 for an object that does not exist', async () => {
    const token = await userToken(jamf);
    await api(jamf, token, 'POST', '/v1/buildings/1/history', { note: 'moved racks' });
    const response = await api(
      jamf,
      token,
      'POST',
      '/v1/buildings/1/history/export?export-fields=note',
    );
    expect(await lines(response)).toContain('moved racks');
    expect((await api(jamf, token, 'POST', '/v1/buildings/99999/history/export')).status).toBe(404);
  });

  it('refuse labels that do not match the fields, and a caller without the read privilege', async () => {
    const token = await userToken(jamf);
    const mismatched = await api(
      jamf,
      token,
      'POST',
      '/v1/buildings/export?export-fields=id,name&export-labels=ID',
    );
    expect(mismatched.status).toBe(400);
    expect(await mismatched.json()).toMatchObject({ errors: [{ field: 'export-labels' }] });
    const client = await apiClient(jamf, token, ['Read Packages']);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    const issued = (await (
      await fetch(`${jamf.baseUrl}/api/oauth/token`, { method: 'POST', body: form })
    ).json()) as { access_token: string };
    expect((await api(jamf, issued.access_token, 'POST', '/v1/buildings/export')).status).toBe(403);
    expect((await api(jamf, issued.access_token, 'POST', '/v1/packages/export')).status).toBe(200);
  });
});
