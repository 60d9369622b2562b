import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Distribution points are one set of objects with two views: Classic `distributionpoints` and
// Pro `/v1/distribution-points` read and write the same store.
const jamf = setupJamfMock({
  seed: 11,
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'reader', password: 'read-only', privileges: ['Read Distribution Points'] },
  ],
});
watchContract(jamf);
const xml = new XMLParser({ parseTagValue: false });
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

function classic(path: string, init: RequestInit = {}, as = token): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${as}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function classicPoint(path: string): Promise<Record<string, unknown>> {
  const response = await classic(path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { distribution_point: Record<string, unknown> })
    .distribution_point;
}

async function classicCreate(body: string): Promise<number> {
  const response = await classic('/distributionpoints/id/0', { method: 'POST', body });
  expect(response.status).toBe(201);
  const parsed = xml.parse(await response.text()) as {
    file_share_distribution_point: { id: string };
  };
  return Number(parsed.file_share_distribution_point.id);
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function proCreate(body: unknown): Promise<string> {
  const response = await api(jamf, token, 'POST', '/v1/distribution-points', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

type Page = { totalCount: number; results: Record<string, unknown>[] };

const SMB_POINT = {
  name: 'Amsterdam DP',
  serverName: 'dp-ams.example.com',
  fileSharingConnectionType: 'SMB',
  shareName: 'CasperShare',
  port: 445,
  workgroup: 'EXAMPLE',
  readOnlyUsername: 'casperinstall',
  readOnlyPassword: 'ro-secret-1',
  readWriteUsername: 'casperadmin',
  readWritePassword: 'rw-secret-1',
  httpsEnabled: true,
  httpsPort: 8443,
  httpsContext: 'CasperShare',
  httpsSecurityType: 'USERNAME_PASSWORD',
  httpsUsername: 'casperinstall',
  httpsPassword: 'https-secret-1',
  principal: true,
};

const CLASSIC_POINT =
  '<distribution_point><name>Utrecht DP</name><ip_address>dp-utr.example.com</ip_address><connection_type>AFP</connection_type><share_name>Packages</share_name><share_port>548</share_port><read_only_username>reader</read_only_username><read_only_password>ro-secret-2</read_only_password><read_write_username>writer</read_write_username><read_write_password>rw-secret-2</read_write_password><http_downloads_enabled>true</http_downloads_enabled><protocol>https</protocol><port>443</port><context>Packages</context><no_authentication_required>true</no_authentication_required><enable_load_balancing>true</enable_load_balancing></distribution_point>';

describe('distribution points: Pro /v1/distribution-points and Classic /JSSResource/distributionpoints', () => {
  it('a Pro create is the point Classic lists and shows by id and name, fields in Classic words', async () => {
    const id = await proCreate(SMB_POINT);
    const listed = await classic('/distributionpoints', {
      headers: { accept: 'application/json' },
    });
    const { distribution_points: rows } = (await listed.json()) as {
      distribution_points: { id: number; name: string }[];
    };
    expect(rows).toContainEqual({ id: Number(id), name: 'Amsterdam DP' });
    const shown = await classicPoint(
      `/distributionpoints/name/${encodeURIComponent('amsterdam dp')}`,
    );
    expect(shown).toEqual({
      id: Number(id),
      name: 'Amsterdam DP',
      ip_address: 'dp-ams.example.com',
      is_master: true,
      failover_point: '',
      failover_point_url: '',
      enable_load_balancing: false,
      local_path: '',
      ssh_username: '',
      connection_type: 'SMB',
      share_name: 'CasperShare',
      workgroup_or_domain: 'EXAMPLE',
      share_port: 445,
      read_only_username: 'casperinstall',
      read_write_username: 'casperadmin',
      http_downloads_enabled: true,
      protocol: 'https',
      port: 8443,
      context: 'CasperShare',
      no_authentication_required: false,
      username_password_required: true,
      http_username: 'casperinstall',
      http_url: 'https://dp-ams.example.com:8443/CasperShare',
    });
    const asXml = await (await classic(`/distributionpoints/id/${id}`)).text();
    expect(asXml).toContain('<share_name>CasperShare</share_name>');
    expect(asXml).not.toMatch(/secret/);
  });

  it('a Classic create is listed, filtered and read by Pro, its passwords stored for Pro', async () => {
    const id = await classicCreate(CLASSIC_POINT);
    const read = await proJson<Record<string, unknown>>(`/v1/distribution-points/${id}`);
    expect(read).toMatchObject({
      id: String(id),
      name: 'Utrecht DP',
      serverName: 'dp-utr.example.com',
      fileSharingConnectionType: 'AFP',
      shareName: 'Packages',
      port: 548,
      readOnlyUsername: 'reader',
      readWriteUsername: 'writer',
      httpsEnabled: true,
      httpsPort: 443,
      httpsContext: 'Packages',
      httpsSecurityType: 'NONE',
      enableLoadBalancing: true,
      principal: false,
      backupDistributionPointId: '-1',
    });
    const stored = jamf.state.collections
      .collection('/v1/distribution-points', () => [])
      .get(String(id));
    expect(stored).toMatchObject({
      readOnlyPassword: 'ro-secret-2',
      readWritePassword: 'rw-secret-2',
    });
    // Kept, never answered: Pro marks the passwords writeOnly.
    for (const path of [`/v1/distribution-points/${id}`, '/v1/distribution-points?page-size=100']) {
      const answer = await (await api(jamf, token, 'GET', path)).text();
      expect(answer).not.toContain('secret-2');
      expect(answer).not.toContain('Password"');
    }
    const filtered = await proJson<Page>(
      `/v1/distribution-points?filter=${encodeURIComponent('name=="Utrecht DP"')}`,
    );
    expect(filtered.results.map((row) => row.id)).toEqual([String(id)]);
  });

  it('a Pro change shows in Classic and a Classic change in Pro; the failover point is a name in Classic', async () => {
    const backup = await proCreate({ ...SMB_POINT, name: 'Rotterdam DP', principal: false });
    const id = await classicCreate(CLASSIC_POINT.replaceAll('Utrecht', 'Leiden'));
    // The spec's PATCH body is the whole DistributionPoint schema, its required fields included.
    const patch = await api(jamf, token, 'PATCH', `/v1/distribution-points/${id}`, {
      name: 'Leiden DP',
      serverName: 'dp-utr.example.com',
      fileSharingConnectionType: 'AFP',
      backupDistributionPointId: backup,
      httpsSecurityType: 'USERNAME_PASSWORD',
    });
    expect(patch.status).toBe(202);
    expect(await classicPoint(`/distributionpoints/id/${id}`)).toMatchObject({
      failover_point: 'Rotterdam DP',
      failover_point_url: 'https://dp-ams.example.com:8443/CasperShare',
      username_password_required: true,
      no_authentication_required: false,
    });
    const put = await classic(`/distributionpoints/id/${id}`, {
      method: 'PUT',
      body: '<distribution_point><name>Leiden DP 2</name><connection_type>SMB</connection_type><failover_point></failover_point><is_master>true</is_master></distribution_point>',
    });
    expect(put.status).toBe(201);
    expect(await proJson<Record<string, unknown>>(`/v1/distribution-points/${id}`)).toMatchObject({
      name: 'Leiden DP 2',
      fileSharingConnectionType: 'SMB',
      backupDistributionPointId: '-1',
      principal: true,
      shareName: 'Packages',
    });
  });

  it('a delete in either API removes the point from both', async () => {
    const fromClassic = await classicCreate(CLASSIC_POINT.replaceAll('Utrecht', 'Delft'));
    expect(
      (await api(jamf, token, 'DELETE', `/v1/distribution-points/${fromClassic}`)).status,
    ).toBe(204);
    expect((await classic(`/distributionpoints/id/${fromClassic}`)).status).toBe(404);
    const fromPro = await proCreate({ ...SMB_POINT, name: 'Haarlem DP' });
    expect(
      (await classic(`/distributionpoints/name/Haarlem%20DP`, { method: 'DELETE' })).status,
    ).toBe(200);
    expect((await api(jamf, token, 'GET', `/v1/distribution-points/${fromPro}`)).status).toBe(404);
  });

  it('delete-multiple removes every named point from both, or refuses an unknown id and deletes none', async () => {
    const one = await proCreate({ ...SMB_POINT, name: 'Gouda DP' });
    const two = String(await classicCreate(CLASSIC_POINT.replaceAll('Utrecht', 'Breda')));
    const refused = await api(jamf, token, 'POST', '/v1/distribution-points/delete-multiple', {
      ids: [one, '999999'],
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'ids' }] });
    expect((await classic(`/distributionpoints/id/${one}`)).status).toBe(200);
    const deleted = await api(jamf, token, 'POST', '/v1/distribution-points/delete-multiple', {
      ids: [one, two],
    });
    expect(deleted.status).toBe(204);
    expect((await classic(`/distributionpoints/id/${one}`)).status).toBe(404);
    expect((await classic(`/distributionpoints/id/${two}`)).status).toBe(404);
  });

  it('a point made through Classic has a Pro history to add notes to', async () => {
    const id = await classicCreate(CLASSIC_POINT.replaceAll('Utrecht', 'Enschede'));
    const note = await api(jamf, token, 'POST', `/v1/distribution-points/${id}/history`, {
      note: 'moved racks',
    });
    expect(note.status).toBe(201);
    const history = await proJson<Page>(`/v1/distribution-points/${id}/history`);
    expect(history.results.map((row) => row.note)).toContain('moved racks');
  });

  // Jamf answers a Classic write of a distribution point under <file_share_distribution_point>:
  // python-jamf reads the new id there (DistributionPoints.create_override, records.py), and
  // go-sdk-jamfpro-v2 decodes create and update answers so (file_share_distribution_points
  // models.go, CreateUpdateResponse).
  it('a Classic create and update answer the id under file_share_distribution_point', async () => {
    const created = await classic('/distributionpoints/id/0', {
      method: 'POST',
      body: CLASSIC_POINT,
    });
    const text = await created.text();
    expect(text).toMatch(
      /<file_share_distribution_point><id>\d+<\/id><\/file_share_distribution_point>$/,
    );
    const id = /<id>(\d+)<\/id>/.exec(text)?.[1];
    const updated = await classic(`/distributionpoints/id/${id}`, {
      method: 'PUT',
      body: '<distribution_point><name>Renamed DP</name></distribution_point>',
    });
    expect(updated.status).toBe(201);
    expect(await updated.text()).toContain(
      `<file_share_distribution_point><id>${id}</id></file_share_distribution_point>`,
    );
  });

  it('both views list the same points', async () => {
    const pro = await proJson<Page>('/v1/distribution-points?page-size=1000');
    const response = await classic('/distributionpoints', {
      headers: { accept: 'application/json' },
    });
    const { distribution_points: rows } = (await response.json()) as {
      distribution_points: { id: number; name: string }[];
    };
    expect(rows.map((row) => [String(row.id), row.name])).toEqual(
      pro.results.map((row) => [row.id, row.name]),
    );
  });
});

describe('distribution points: refusals change nothing', () => {
  const refusals = [
    [
      'a connection type Classic does not list',
      '<connection_type>NFS</connection_type>',
      'Invalid connection type: NFS',
    ],
    ['plain HTTP, which Pro cannot hold', '<protocol>http</protocol>', 'Invalid protocol: http'],
    [
      'a failover point that does not exist',
      '<failover_point>Nowhere</failover_point>',
      'Invalid failover point: Nowhere',
    ],
    ['a port that is not a number', '<share_port>lots</share_port>', 'Invalid share_port: lots'],
  ] as const;
  for (const [what, element, message] of refusals) {
    it(`a Classic create with ${what} is 409 and stores nothing`, async () => {
      const before = await proJson<Page>('/v1/distribution-points?page-size=1000');
      const body = CLASSIC_POINT.replace('</distribution_point>', `${element}</distribution_point>`)
        .replace('<connection_type>AFP</connection_type>', '')
        .replace('<protocol>https</protocol>', '')
        .replace('<share_port>548</share_port>', '');
      const refused = await classic('/distributionpoints/id/0', { method: 'POST', body });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain(`<p>Error: ${message}</p>`);
      const after = await proJson<Page>('/v1/distribution-points?page-size=1000');
      expect(after.results).toEqual(before.results);
    });
  }

  it('a Classic create without a field the Classic schema requires is 409', async () => {
    const refused = await classic('/distributionpoints/id/0', {
      method: 'POST',
      body: '<distribution_point><name>Bare DP</name><share_name>S</share_name></distribution_point>',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Missing required field: read_only_username');
  });

  it('a refused Classic update leaves the point as it was in Pro', async () => {
    const id = await proCreate({ ...SMB_POINT, name: 'Zwolle DP' });
    const before = await proJson<Record<string, unknown>>(`/v1/distribution-points/${id}`);
    const refused = await classic(`/distributionpoints/id/${id}`, {
      method: 'PUT',
      body: '<distribution_point><name>Zwolle 2</name><connection_type>NFS</connection_type></distribution_point>',
    });
    expect(refused.status).toBe(409);
    expect(await proJson<Record<string, unknown>>(`/v1/distribution-points/${id}`)).toEqual(before);
  });

  it('a Pro create without a required field is 400 naming it, and Classic sees nothing new', async () => {
    const before = await classic('/distributionpoints', {
      headers: { accept: 'application/json' },
    });
    const refused = await api(jamf, token, 'POST', '/v1/distribution-points', {
      name: 'No Server',
      fileSharingConnectionType: 'SMB',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('serverName');
    const after = await classic('/distributionpoints', { headers: { accept: 'application/json' } });
    expect(await after.json()).toEqual(await before.json());
  });

  it('Classic and Pro need the same Distribution Points privileges', async () => {
    const reader = await userToken(jamf, 'reader', 'read-only');
    expect((await classic('/distributionpoints', {}, reader)).status).toBe(200);
    const write = await classic(
      '/distributionpoints/id/0',
      { method: 'POST', body: CLASSIC_POINT.replaceAll('Utrecht', 'Assen') },
      reader,
    );
    expect(write.status).toBe(403);
    expect(await write.text()).toContain('Create Distribution Points');
    expect((await api(jamf, reader, 'GET', '/v1/distribution-points')).status).toBe(200);
    expect(
      (await api(jamf, reader, 'POST', '/v1/distribution-points/delete-multiple', { ids: ['1'] }))
        .status,
    ).toBe(403);
    const names = (await proJson<Page>('/v1/distribution-points?page-size=1000')).results.map(
      (row) => row.name,
    );
    expect(names).not.toContain('Assen DP');
  });
});
