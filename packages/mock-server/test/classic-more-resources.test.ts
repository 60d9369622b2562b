import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({
  seed: 9,
  counts: { computers: 6, mobileDevices: 4 },
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'auditor', password: 'audit', privileges: ['Read Accounts', 'Read Computers'] },
  ],
});
const xml = new XMLParser({ parseTagValue: false });

async function classic(
  path: string,
  init: RequestInit & { json?: boolean; as?: [string, string] } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const [username, password] = init.as ?? ['admin', 'jamf1234'];
  headers.set('authorization', `Bearer ${await userToken(jamf, username, password)}`);
  if (init.json) headers.set('accept', 'application/json');
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function json<T>(path: string): Promise<T> {
  const response = await classic(path, { json: true });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('Classic computer subsets and match', () => {
  it('answers /computers/id/{id}/subset/General&Hardware with only those sections, case-insensitive', async () => {
    const computer = jamf.state.computers.get(2);
    const body = await json<{ computer: Record<string, unknown> }>(
      '/computers/id/2/subset/General&Hardware',
    );
    expect(Object.keys(body.computer).sort()).toEqual(['general', 'hardware']);
    expect(body.computer.general).toMatchObject({ id: 2, name: computer?.name });
    const lower = await json<{ computer: Record<string, unknown> }>(
      `/computers/serialnumber/${computer?.serialNumber}/subset/location`,
    );
    expect(Object.keys(lower.computer)).toEqual(['location']);
    expect((await classic('/computers/id/999/subset/General')).status).toBe(404);
  });

  it('answers /computers/match/{pattern} with * as a wildcard, and /computers/match/name/{pattern}', async () => {
    const computer = jamf.state.computers.get(3);
    const name = computer?.name ?? '';
    const all = await json<{ computers: { id: number }[] }>('/computers/match/*');
    expect(all.computers).toHaveLength(jamf.state.computers.size);
    const prefix = await json<{ computers: { id: number; name: string }[] }>(
      `/computers/match/${encodeURIComponent(`${name.slice(0, -1)}*`)}`,
    );
    expect(prefix.computers.map((c) => c.id)).toContain(3);
    const serial = await json<{ computers: { id: number }[] }>(
      `/computers/match/${computer?.serialNumber.toLowerCase()}`,
    );
    expect(serial.computers.map((c) => c.id)).toEqual([3]);
    const byName = await json<{ computers: { id: number }[] }>(
      `/computers/match/name/${encodeURIComponent(name)}`,
    );
    expect(byName.computers.map((c) => c.id)).toEqual([3]);
    const none = await json<{ computers: unknown[] }>('/computers/match/no-such-mac');
    expect(none.computers).toEqual([]); // Many stars and no match: a backtracking pattern took minutes here (one request blocked the
    // mock); matching the runs in turn answers at once.
    const stars = await json<{ computers: unknown[] }>(
      `/computers/match/${encodeURIComponent(`${'*'.repeat(40)}Z`)}`,
    );
    expect(stars.computers).toEqual([]);
  });

  it('answers /mobiledevices/match/{pattern} and subsets of a mobile device', async () => {
    const device = jamf.state.mobileDevices.get(1);
    const found = await json<{ mobile_devices: { id: number }[] }>(
      `/mobiledevices/match/${device?.serialNumber}`,
    );
    expect(found.mobile_devices.map((d) => d.id)).toEqual([1]);
    const subset = await json<{ mobile_device: Record<string, unknown> }>(
      '/mobiledevices/id/1/subset/General',
    );
    expect(Object.keys(subset.mobile_device)).toEqual(['general']);
  });
});

describe('Classic accounts', () => {
  it('lists users and reads one by id and by name; groups are 404; needs Read Accounts', async () => {
    const list = await json<{ accounts: { users: { id: number; name: string }[]; groups: [] } }>(
      '/accounts',
    );
    expect(list.accounts.users.map((user) => user.name)).toEqual(['admin', 'auditor']);
    const auditorId = list.accounts.users[1]?.id;
    const byId = await json<{ account: Record<string, unknown> }>(`/accounts/userid/${auditorId}`);
    expect(byId.account).toMatchObject({
      id: auditorId,
      name: 'auditor',
      privilege_set: 'Custom',
      access_level: 'Full Access',
      privileges: { jss_objects: ['Read Accounts', 'Read Computers'] },
    });
    const byName = await classic('/accounts/username/ADMIN');
    expect(byName.status).toBe(200);
    const parsed = xml.parse(await byName.text()) as { account: { privilege_set: string } };
    expect(parsed.account.privilege_set).toBe('Administrator');
    expect((await classic('/accounts/userid/999')).status).toBe(404);
    expect((await classic('/accounts/groupid/1')).status).toBe(404);
    expect((await classic('/accounts', { as: ['auditor', 'audit'] })).status).toBe(200);
    expect((await classic('/policies', { as: ['auditor', 'audit'] })).status).toBe(403);
  });
});

describe('Classic activation code', () => {
  it('reads and updates the activation code, the record Pro /v1/activation-code writes', async () => {
    const before = await json<{ activation_code: { organization_name: string; code: string } }>(
      '/activationcode',
    );
    expect(before.activation_code.code).toMatch(/^[A-Z0-9-]+$/);
    const put = await classic('/activationcode', {
      method: 'PUT',
      body: '<activation_code><organization_name>Acme Schools</organization_name></activation_code>',
    });
    expect(put.status).toBe(201);
    const token = await userToken(jamf);
    const code = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ01-2345';
    expect(
      (await api(jamf, token, 'PUT', '/v1/activation-code', { activationCode: code })).status,
    ).toBe(202);
    const after = await json<{ activation_code: { organization_name: string; code: string } }>(
      '/activationcode',
    );
    expect(after.activation_code).toEqual({ organization_name: 'Acme Schools', code });
    const refused = await classic('/activationcode', { as: ['auditor', 'audit'] });
    expect(refused.status).toBe(403);
  });
});

describe('Classic macOS configuration profiles', () => {
  it('lists, creates, reads by id and name, updates, deletes, and refuses a duplicate name with 409', async () => {
    const list = await json<{ os_x_configuration_profiles: { id: number; name: string }[] }>(
      '/osxconfigurationprofiles',
    );
    expect(list.os_x_configuration_profiles.map((p) => p.name)).toEqual([
      'Wi-Fi',
      'Security and Privacy',
    ]);
    const created = await classic('/osxconfigurationprofiles/id/0', {
      method: 'POST',
      body:
        '<os_x_configuration_profile><general><name>FileVault</name><level>computer</level>' +
        '<payloads>&lt;plist/&gt;</payloads></general><scope><all_computers>true</all_computers>' +
        '<computers><computer><id>1</id></computer></computers></scope></os_x_configuration_profile>',
    });
    expect(created.status).toBe(201);
    const id = (xml.parse(await created.text()) as { os_x_configuration_profile: { id: string } })
      .os_x_configuration_profile.id;
    const read = await json<{
      os_x_configuration_profile: {
        general: { name: string; payloads: string; uuid: string };
        scope: { all_computers: boolean; computers: { id: number }[] };
      };
    }>(`/osxconfigurationprofiles/name/FileVault`);
    expect(read.os_x_configuration_profile.general).toMatchObject({
      name: 'FileVault',
      payloads: '<plist/>',
    });
    expect(read.os_x_configuration_profile.general.uuid).toMatch(/^[0-9A-F-]{36}$/);
    expect(read.os_x_configuration_profile.scope).toMatchObject({
      all_computers: true,
      computers: [{ id: 1 }],
    });
    const subset = await json<{ os_x_configuration_profile: Record<string, unknown> }>(
      `/osxconfigurationprofiles/id/${id}/subset/Scope`,
    );
    expect(Object.keys(subset.os_x_configuration_profile)).toEqual(['scope']);
    const duplicate = await classic('/osxconfigurationprofiles/id/0', {
      method: 'POST',
      body: '<os_x_configuration_profile><general><name>wi-fi</name></general></os_x_configuration_profile>',
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('<p>Error: Duplicate name</p>');
    const renamed = await classic(`/osxconfigurationprofiles/id/${id}`, {
      method: 'PUT',
      body: '<os_x_configuration_profile><general><name>FileVault 2</name></general></os_x_configuration_profile>',
    });
    expect(renamed.status).toBe(201);
    expect(jamf.state.macosConfigurationProfiles.get(Number(id))?.name).toBe('FileVault 2');
    expect((await classic(`/osxconfigurationprofiles/id/${id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await classic(`/osxconfigurationprofiles/id/${id}`)).status).toBe(404);
    expect(jamf.state.macosConfigurationProfiles.size).toBe(2);
  });
});

describe('Classic list roots', () => {
  it('lists mobile device configuration profiles under configuration_profiles, as Jamf does', async () => {
    // The schema's XML name (classic-schemas.json); ruby-jss RSRC_LIST_KEY and python-jamf's
    // tests against a live server read the list there.
    const body = await json<Record<string, unknown>>('/mobiledeviceconfigurationprofiles');
    expect(Object.keys(body)).toEqual(['configuration_profiles']);
    const page = await classic('/mobiledeviceconfigurationprofiles');
    expect(await page.text()).toMatch(/<configuration_profiles><configuration_profile><id>/);
  });
});
