import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Classic savedsearches (every advanced search, by type) and the licensedsoftware and
// restrictedsoftware lists the spec declares without a shape.
const jamf = setupJamfMock({
  seed: 11,
  counts: { computers: 2, mobileDevices: 2, policies: 0, computerGroups: 0 },
});
const xml = new XMLParser({ parseTagValue: false });

async function classic(
  path: string,
  init: { method?: string; body?: string; accept?: string; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${init.token ?? (await userToken(jamf))}`,
    accept: init.accept ?? 'application/json',
  };
  if (init.body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
}

async function json<T>(path: string, token?: string): Promise<T> {
  const response = await classic(path, { token });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function created(path: string, body: string): Promise<number> {
  const response = await classic(path, { method: 'POST', body });
  expect(response.status, path).toBe(201);
  return Number(/<id>(\d+)<\/id>/.exec(await response.text())?.[1]);
}

async function tokenWith(privileges: string[]): Promise<string> {
  const username = `saved-${privileges.join('-').replaceAll(' ', '')}`;
  jamf.state.accounts.add({ username, password: 'pw', privileges });
  return userToken(jamf, username, 'pw');
}

interface SavedSearch {
  id: number;
  name: string;
  type: string;
}

describe('GET /JSSResource/savedsearches', () => {
  it('lists the advanced computer, mobile device and user searches with their type, and finds one by id or name', async () => {
    const computerId = await created(
      '/advancedcomputersearches/id/0',
      '<advanced_computer_search><name>Saved Macs</name></advanced_computer_search>',
    );
    const mobileId = await created(
      '/advancedmobiledevicesearches/id/0',
      '<advanced_mobile_device_search><name>Saved iPads</name></advanced_mobile_device_search>',
    );
    const userId = await created(
      '/advancedusersearches/id/0',
      '<advanced_user_search><name>Saved People</name></advanced_user_search>',
    );
    const { saved_searches: list } = await json<{ saved_searches: SavedSearch[] }>(
      '/savedsearches',
    );
    expect(list).toEqual(
      expect.arrayContaining([
        { id: computerId, name: 'Saved Macs', type: 'Computers' },
        { id: mobileId, name: 'Saved iPads', type: 'Mobile Devices' },
        { id: userId, name: 'Saved People', type: 'Users' },
      ]),
    );
    expect(await json('/savedsearches/name/saved%20ipads')).toEqual({
      saved_search: { id: mobileId, name: 'Saved iPads', type: 'Mobile Devices' },
    });
    const byId = await json<{ saved_search: SavedSearch }>(`/savedsearches/id/${computerId}`);
    expect(byId.saved_search.id).toBe(computerId);
    expect((await classic('/savedsearches/name/nothing')).status).toBe(404);
    expect((await classic('/savedsearches/id/99999')).status).toBe(404);
    const response = await classic('/savedsearches', { accept: 'application/xml' });
    const parsed = xml.parse(await response.text()).saved_searches;
    expect(Number(parsed.size)).toBe(list.length);
    expect([parsed.saved_search].flat()).toContainEqual({
      id: String(userId),
      name: 'Saved People',
      type: 'Users',
    });
  });

  it('shows a caller only the kinds it may read, and refuses one that may read none', async () => {
    await created(
      '/advancedcomputersearches/id/0',
      '<advanced_computer_search><name>Only Macs</name></advanced_computer_search>',
    );
    const macsOnly = await tokenWith(['Read Advanced Computer Searches']);
    const { saved_searches: list } = await json<{ saved_searches: SavedSearch[] }>(
      '/savedsearches',
      macsOnly,
    );
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((search) => search.type === 'Computers')).toBe(true);
    const refused = await classic('/savedsearches', { token: await tokenWith(['Read Computers']) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Read Advanced Computer Searches');
  });
});

describe('GET /JSSResource/licensedsoftware and /restrictedsoftware', () => {
  it('list id and name of every title, in JSON and in XML with the item elements clients decode', async () => {
    const licensedId = await created(
      '/licensedsoftware/id/0',
      '<licensed_software><general><name>Office Suite</name></general></licensed_software>',
    );
    const restrictedId = await created(
      '/restrictedsoftware/id/0',
      '<restricted_software><general><name>Games</name><process_name>game</process_name></general></restricted_software>',
    );
    const licensed = await json<{ licensed_software: { id: number; name: string }[] }>(
      '/licensedsoftware',
    );
    expect(licensed.licensed_software).toContainEqual({ id: licensedId, name: 'Office Suite' });
    expect(Object.keys(licensed.licensed_software[0] ?? {})).toEqual(['id', 'name']);
    const restricted = await json<{ restricted_software: { id: number; name: string }[] }>(
      '/restrictedsoftware',
    );
    expect(restricted.restricted_software).toContainEqual({ id: restrictedId, name: 'Games' });

    const licensedXml = xml.parse(
      await (await classic('/licensedsoftware', { accept: 'application/xml' })).text(),
    ).licensed_software;
    expect(licensedXml.size).toBeUndefined();
    expect([licensedXml.licensed_software].flat()).toContainEqual({
      id: String(licensedId),
      name: 'Office Suite',
    });
    const restrictedXml = xml.parse(
      await (await classic('/restrictedsoftware', { accept: 'application/xml' })).text(),
    ).restricted_software;
    expect(Number(restrictedXml.size)).toBe(restricted.restricted_software.length);
    expect([restrictedXml.restricted_software_title].flat()).toContainEqual({
      id: String(restrictedId),
      name: 'Games',
    });
    const refused = await classic('/licensedsoftware', {
      token: await tokenWith(['Read Computers']),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Read Licensed Software');
  });
});

describe('/JSSResource/infrastructuremanager', () => {
  it('lists the seeded managers as whole objects, reads and updates one by id, and has no create', async () => {
    const list = await json<{ infrastructure_manager: Record<string, unknown>[] }>(
      '/infrastructuremanager',
    );
    expect(list.infrastructure_manager).toHaveLength(3);
    const first = list.infrastructure_manager[0] ?? {};
    expect(Object.keys(first).sort()).toEqual([
      'hostname',
      'id',
      'last_check_in',
      'last_reported_ip',
      'name',
      'operating_system',
      'operating_system_version',
      'recurring_check_in_frequency',
      'uuid',
    ]);
    const updated = await classic(`/infrastructuremanager/id/${first.id}`, {
      method: 'PUT',
      body: '<infrastructure_manager><hostname>jim.example.com</hostname></infrastructure_manager>',
    });
    expect(updated.status).toBe(201);
    const read = await json<{ infrastructure_manager: Record<string, unknown> }>(
      `/infrastructuremanager/id/${first.id}`,
    );
    expect(read.infrastructure_manager).toMatchObject({
      name: first.name,
      hostname: 'jim.example.com',
    });
    const listXml = xml.parse(
      await (await classic('/infrastructuremanager', { accept: 'application/xml' })).text(),
    ).infrastructure_manager;
    expect(Number(listXml.size)).toBe(3);
    expect([listXml.infrastructure_manager].flat()[0]).toHaveProperty('uuid');
    const create = await classic('/infrastructuremanager/id/0', {
      method: 'POST',
      body: '<infrastructure_manager><name>New</name></infrastructure_manager>',
    });
    expect(create.status).toBe(405);
    expect(
      (await json<{ infrastructure_manager: unknown[] }>('/infrastructuremanager'))
        .infrastructure_manager,
    ).toHaveLength(3);
    const refused = await classic('/infrastructuremanager', {
      token: await tokenWith(['Read Licensed Software']),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Read Infrastructure Managers');
  });
});
