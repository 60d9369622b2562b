import { type AnyWebhookPayload, createWebhookHandler } from '@jamf/webhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Criteria select devices the same way wherever Jamf evaluates them: smart computer and mobile
// device groups, and Classic advanced searches. Everything goes through HTTP: definitions and
// values are written as a client writes them, and members are read from the groups' views.
const NOW = Date.UTC(2026, 1, 15);
const DAY_MS = 86_400_000;
const jamf = setupJamfMock({ seed: 7, now: () => NOW });
watchContract(jamf);
const HOOK = 'https://hooks.example.test/criteria';
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

function classic(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function classicJson<T>(path: string): Promise<T> {
  const response = await classic(path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** POSTs a Classic object and returns the id it got. */
async function classicCreate(path: string, body: string): Promise<number> {
  const response = await classic(path, { method: 'POST', body });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return Number(/<id>(\d+)<\/id>/.exec(text)?.[1]);
}

/** Creates an extension attribute definition through Pro and returns its id. */
async function definition(path: string, name: string, dataType = 'STRING'): Promise<string> {
  const response = await api(jamf, token, 'POST', path, {
    name,
    dataType,
    inputType: 'TEXT',
    inventoryDisplayType: 'EXTENSION_ATTRIBUTES',
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** `<criterion>` elements, in priority order, from `[name, search type, value, and/or?, parens?]`. */
function criteriaXml(
  criteria: readonly (readonly [string, string, string, ('and' | 'or')?, ('(' | ')' | '()')?])[],
): string {
  const items = criteria.map(
    ([name, type, value, andOr = 'and', paren = ''], priority) =>
      `<criterion><name>${name}</name><priority>${priority}</priority><and_or>${andOr}</and_or><search_type>${type}</search_type><value>${value}</value><opening_paren>${paren.includes('(')}</opening_paren><closing_paren>${paren.includes(')')}</closing_paren></criterion>`,
  );
  return `<criteria><size>${items.length}</size>${items.join('')}</criteria>`;
}

async function smartComputerGroup(
  name: string,
  criteria: Parameters<typeof criteriaXml>[0],
): Promise<number> {
  return classicCreate(
    '/computergroups/id/0',
    `<computer_group><name>${name}</name><is_smart>true</is_smart>${criteriaXml(criteria)}</computer_group>`,
  );
}

async function computerGroupMemberIds(id: number): Promise<number[]> {
  const { computer_group } = await classicJson<{
    computer_group: { computers: { id: number }[] };
  }>(`/computergroups/id/${id}`);
  return computer_group.computers.map((c) => c.id).sort((a, b) => a - b);
}

async function mobileGroupMemberIds(id: number): Promise<number[]> {
  const { mobile_device_group } = await classicJson<{
    mobile_device_group: { mobile_devices: { id: number }[] };
  }>(`/mobiledevicegroups/id/${id}`);
  return mobile_device_group.mobile_devices.map((d) => d.id).sort((a, b) => a - b);
}

interface ProComputer {
  id: string;
  general: { name: string; lastContactTime: string };
  operatingSystem: { version: string };
}

async function proComputers(): Promise<ProComputer[]> {
  const response = await api(
    jamf,
    token,
    'GET',
    '/v1/computers-inventory?section=GENERAL&section=OPERATING_SYSTEM&page-size=200',
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: ProComputer[] }).results;
}

const ids = (rows: readonly { id: string | number }[]) =>
  rows.map((row) => Number(row.id)).sort((a, b) => a - b);

const setComputerAttribute = (computerId: number, definitionId: string, value: string) =>
  classic(`/computers/id/${computerId}`, {
    method: 'PUT',
    body: `<computer><extension_attributes><extension_attribute><id>${definitionId}</id><value>${value}</value></extension_attribute></extension_attributes></computer>`,
  });

describe('criteria on extension attributes', () => {
  it('a smart computer group selects by an extension attribute named as its definition, and its webhook fires as values change', async () => {
    const code = await definition('/v1/computer-extension-attributes', 'Department Code');
    const groupId = await smartComputerGroup('Blue department', [
      ['Department Code', 'is', 'Blue'],
    ]);
    expect(await computerGroupMemberIds(groupId)).toEqual([]);
    const got: AnyWebhookPayload[] = [];
    jamf.webhooks.register({
      name: 'blue',
      url: HOOK,
      event: 'SmartGroupComputerMembershipChange',
      smartGroupId: groupId,
    });
    jamf.webhooks.attach(
      HOOK,
      createWebhookHandler({
        auth: 'none',
        on: { SmartGroupComputerMembershipChange: (payload) => void got.push(payload) },
      }),
    );

    expect((await setComputerAttribute(4, code, 'blue')).status).toBe(201);
    expect((await setComputerAttribute(9, code, 'Green')).status).toBe(201);
    expect(await computerGroupMemberIds(groupId)).toEqual([4]);
    // Pro's membership view is the same evaluation.
    const pro = await api(
      jamf,
      token,
      'GET',
      `/v2/computer-groups/smart-group-membership/${groupId}`,
    );
    expect(((await pro.json()) as { members: number[] }).members.map(Number)).toEqual([4]);

    const patched = await api(jamf, token, 'PATCH', '/v1/computers-inventory-detail/4', {
      extensionAttributes: [{ definitionId: code, values: ['Red'] }],
    });
    expect(patched.status).toBeLessThan(300);
    expect(await computerGroupMemberIds(groupId)).toEqual([]);
    await jamf.webhooks.settled();
    expect(got.map((payload) => payload.event)).toMatchObject([
      { jssid: groupId, groupAddedDevicesIds: [4], groupRemovedDevicesIds: [] },
      { jssid: groupId, groupAddedDevicesIds: [], groupRemovedDevicesIds: [4] },
    ]);
  });

  it('negated and numeric search types compare extension attribute values; a device without one has the blank value', async () => {
    const seats = await definition('/v1/computer-extension-attributes', 'Seats', 'INTEGER');
    await setComputerAttribute(2, seats, '9');
    await setComputerAttribute(3, seats, '12');
    const many = await smartComputerGroup('Many seats', [['Seats', 'greater than', '10']]);
    const notNine = await smartComputerGroup('Not nine', [['Seats', 'is not', '9']]);
    const unset = await smartComputerGroup('No seats', [['Seats', 'is', '']]);
    expect(await computerGroupMemberIds(many)).toEqual([3]);
    const all = ids(await proComputers());
    expect(await computerGroupMemberIds(notNine)).toEqual(all.filter((id) => id !== 2));
    expect(await computerGroupMemberIds(unset)).toEqual(all.filter((id) => id !== 2 && id !== 3));
  });

  it('a smart mobile device group selects by a mobile device extension attribute and fires its webhook', async () => {
    const room = await definition('/v1/mobile-device-extension-attributes', 'Cart Room');
    const groupId = await classicCreate(
      '/mobiledevicegroups/id/0',
      `<mobile_device_group><name>Cart B</name><is_smart>true</is_smart>${criteriaXml([
        ['Cart Room', 'like', 'B1'],
      ])}</mobile_device_group>`,
    );
    const got: AnyWebhookPayload[] = [];
    jamf.webhooks.register({
      name: 'cart',
      url: HOOK,
      event: 'SmartGroupMobileDeviceMembershipChange',
      smartGroupId: groupId,
    });
    jamf.webhooks.attach(
      HOOK,
      createWebhookHandler({
        auth: 'none',
        on: { SmartGroupMobileDeviceMembershipChange: (payload) => void got.push(payload) },
      }),
    );
    const put = await classic('/mobiledevices/id/2', {
      method: 'PUT',
      body: `<mobile_device><extension_attributes><extension_attribute><id>${room}</id><value>B12</value></extension_attribute></extension_attributes></mobile_device>`,
    });
    expect(put.status).toBe(201);
    expect(await mobileGroupMemberIds(groupId)).toEqual([2]);
    const patch = await api(jamf, token, 'PATCH', '/v2/mobile-devices/2', {
      updatedExtensionAttributes: [{ id: room, value: ['C3'] }],
    });
    expect(patch.status).toBe(200);
    expect(await mobileGroupMemberIds(groupId)).toEqual([]);
    await jamf.webhooks.settled();
    expect(got.map((payload) => payload.event)).toMatchObject([
      { jssid: groupId, groupAddedDevicesIds: [2], groupRemovedDevicesIds: [] },
      { jssid: groupId, groupAddedDevicesIds: [], groupRemovedDevicesIds: [2] },
    ]);
  });
});

describe('criterion fields and search types', () => {
  it('Last Check-in "more than x days ago" and "less than x days ago" follow the mock clock', async () => {
    const stale = await smartComputerGroup('Stale', [
      ['Last Check-in', 'more than x days ago', '20'],
    ]);
    const fresh = await smartComputerGroup('Fresh', [
      ['Last Check-in', 'less than x days ago', '20'],
    ]);
    const computers = await proComputers();
    const cutoff = NOW - 20 * DAY_MS;
    const olderThanCutoff = computers.filter((c) => Date.parse(c.general.lastContactTime) < cutoff);
    expect(olderThanCutoff.length).toBeGreaterThan(0);
    expect(olderThanCutoff.length).toBeLessThan(computers.length);
    expect(await computerGroupMemberIds(stale)).toEqual(ids(olderThanCutoff));
    expect(await computerGroupMemberIds(fresh)).toEqual(
      ids(computers.filter((c) => Date.parse(c.general.lastContactTime) >= cutoff)),
    );
    jamf.clock.advance(60 * DAY_MS);
    token = await userToken(jamf);
    expect(await computerGroupMemberIds(stale)).toEqual(ids(computers));
    expect(await computerGroupMemberIds(fresh)).toEqual([]);
  });

  it('before and after a day, versions compared as versions, regular expressions', async () => {
    const computers = await proComputers();
    const day = Date.UTC(2026, 0, 15);
    const before = await smartComputerGroup('Before', [
      ['Last Check-in', 'before (yyyy-mm-dd)', '2026-01-15'],
    ]);
    const after = await smartComputerGroup('After', [
      ['Last Check-in', 'after (yyyy-mm-dd)', '2026-01-15'],
    ]);
    expect(await computerGroupMemberIds(before)).toEqual(
      ids(computers.filter((c) => Date.parse(c.general.lastContactTime) < day)),
    );
    expect(await computerGroupMemberIds(after)).toEqual(
      ids(computers.filter((c) => Date.parse(c.general.lastContactTime) >= day + DAY_MS)),
    );
    // 14.10 would sort before 14.7 as text; as a version it is newer than 14.7.1.
    const current = await smartComputerGroup('At least 14.10', [
      ['Operating System Version', 'greater than or equal', '14.10'],
    ]);
    expect(await computerGroupMemberIds(current)).toEqual(
      ids(computers.filter((c) => /^1[5-9]\./.test(c.operatingSystem.version))),
    );
    const regex = await smartComputerGroup('Regex', [
      ['Computer Name', 'matches regex', '^mac-0000[1-3]$'],
    ]);
    expect(await computerGroupMemberIds(regex)).toEqual([1, 2, 3]);
    const notRegex = await smartComputerGroup('Not regex', [
      ['Computer Name', 'does not match regex', '0000[1-3]$'],
    ]);
    expect(await computerGroupMemberIds(notRegex)).toEqual(ids(computers).filter((id) => id > 3));
  });

  it('Computer Group "member of" and "not member of" another group; a group naming itself selects nothing', async () => {
    // The seeded "Static Group 2" holds computers 2, 3 and 4.
    const inStatic = await smartComputerGroup('In static', [
      ['Computer Group', 'member of', 'Static Group 2'],
    ]);
    const outside = await smartComputerGroup('Outside static', [
      ['Computer Group', 'not member of', 'Static Group 2'],
    ]);
    expect(await computerGroupMemberIds(inStatic)).toEqual([2, 3, 4]);
    const all = ids(await proComputers());
    expect(await computerGroupMemberIds(outside)).toEqual(all.filter((id) => id < 2 || id > 4));
    const loop = await smartComputerGroup('Loop', [['Computer Group', 'member of', 'Loop']]);
    expect(await computerGroupMemberIds(loop)).toEqual([]);
  });
});

const searchXml = (name: string, criteria: Parameters<typeof criteriaXml>[0], fields: string[]) =>
  `<advanced_computer_search><name>${name}</name>${criteriaXml(criteria)}<display_fields><size>${fields.length}</size>${fields
    .map((field) => `<display_field><name>${field}</name></display_field>`)
    .join('')}</display_fields></advanced_computer_search>`;

describe('Classic advanced computer searches and computer reports', () => {
  it('a search lists the computers its criteria select, with id, name, udid and its display fields', async () => {
    const code = await definition('/v1/computer-extension-attributes', 'Department Code');
    await setComputerAttribute(1, code, 'Blue');
    const id = await classicCreate(
      '/advancedcomputersearches/id/0',
      searchXml(
        'Early Macs',
        [
          ['Computer Name', 'like', 'MAC-0000'],
          ['Computer Group', 'not member of', 'Static Group 2'],
        ],
        ['Computer Name', 'IP Address', 'Last Check-in', 'Department Code'],
      ),
    );
    const { advanced_computer_search: search } = await classicJson<{
      advanced_computer_search: { name: string; computers: Record<string, unknown>[] };
    }>(`/advancedcomputersearches/id/${id}`);
    expect(search.computers.map((c) => c.id)).toEqual([1, 5, 6, 7, 8, 9]);
    const { computer } = await classicJson<{
      computer: { general: { udid: string; ip_address: string; last_contact_time: string } };
    }>('/computers/id/1');
    expect(search.computers[0]).toEqual({
      id: 1,
      name: 'MAC-00001',
      udid: computer.general.udid,
      Computer_Name: 'MAC-00001',
      IP_Address: computer.general.ip_address,
      Last_Check_in: computer.general.last_contact_time,
      Department_Code: 'Blue',
    });
    // The XML form: a <size> first, one <computer> per result.
    const xml = await (await classic(`/advancedcomputersearches/name/Early Macs`)).text();
    expect(xml).toContain('<computers><size>6</size><computer><id>1</id><name>MAC-00001</name>');
    expect(xml).toContain('<Department_Code>Blue</Department_Code>');
  });

  it('parentheses group criteria: A and (B or C) is not (A and B) or C', async () => {
    const search = async (name: string, criteria: Parameters<typeof criteriaXml>[0]) => {
      const id = await classicCreate(
        '/advancedcomputersearches/id/0',
        searchXml(name, criteria, []),
      );
      const { advanced_computer_search } = await classicJson<{
        advanced_computer_search: { computers: { id: number }[] };
      }>(`/advancedcomputersearches/id/${id}`);
      return advanced_computer_search.computers.map((c) => c.id);
    };
    const a = ['Computer Name', 'like', 'MAC-0000'] as const;
    expect(
      await search('Grouped', [
        a,
        ['Computer Name', 'is', 'MAC-00002', 'and', '('],
        ['Computer Name', 'is', 'MAC-00011', 'or', ')'],
      ]),
    ).toEqual([2]);
    expect(
      await search('Left to right', [
        a,
        ['Computer Name', 'is', 'MAC-00002', 'and'],
        ['Computer Name', 'is', 'MAC-00011', 'or'],
      ]),
    ).toEqual([2, 11]);
  });

  it('computerreports lists each search as a report and answers its results by id and by name', async () => {
    const id = await classicCreate(
      '/advancedcomputersearches/id/0',
      searchXml('Two Macs', [['Serial Number', 'like', '']], ['Computer Name']),
    );
    await classic(`/advancedcomputersearches/id/${id}`, {
      method: 'PUT',
      body: searchXml(
        'Two Macs',
        [
          ['Computer Name', 'is', 'MAC-00002'],
          ['Computer Name', 'is', 'MAC-00003', 'or'],
        ],
        ['Computer Name'],
      ),
    });
    const { computer_reports } = await classicJson<{
      computer_reports: { id: number; name: string }[];
    }>('/computerreports');
    expect(computer_reports).toContainEqual({ id, name: 'Two Macs' });
    // One report's root is `computer_reports` too: classic-schemas.json's `computer_report` has
    // that XML name, and python-jamf's ComputerReport reads it (`singular_string`, records.py).
    const byId = await classicJson<{ computer_reports: unknown[] }>(`/computerreports/id/${id}`);
    expect(byId.computer_reports).toEqual([
      { id: 2, Computer_Name: 'MAC-00002' },
      { id: 3, Computer_Name: 'MAC-00003' },
    ]);
    const xml = await (await classic('/computerreports/name/two macs')).text();
    expect(xml).toContain(
      '<computer_reports><Computer><id>2</id><Computer_Name>MAC-00002</Computer_Name></Computer>',
    );
    expect((await classic('/computerreports/id/9999')).status).toBe(404);
  });
});

describe('Classic advanced mobile device searches', () => {
  it('list the devices their criteria select; Pro answers the same search without results', async () => {
    const id = await classicCreate(
      '/advancedmobiledevicesearches/id/0',
      `<advanced_mobile_device_search><name>Apple TVs</name>${criteriaXml([
        ['Model', 'like', 'Apple TV'],
      ])}<display_fields><display_field><name>Display Name</name></display_field><display_field><name>OS Version</name></display_field></display_fields></advanced_mobile_device_search>`,
    );
    const devices = await api(
      jamf,
      token,
      'GET',
      '/v2/mobile-devices/detail?section=GENERAL&section=HARDWARE&page-size=100',
    );
    const tvs = (
      (await devices.json()) as {
        results: { mobileDeviceId: string; hardware: { model: string } }[];
      }
    ).results.filter((device) => device.hardware.model.startsWith('Apple TV'));
    expect(tvs.length).toBeGreaterThan(0);
    const { advanced_mobile_device_search: search } = await classicJson<{
      advanced_mobile_device_search: { mobile_devices: Record<string, unknown>[] };
    }>(`/advancedmobiledevicesearches/id/${id}`);
    expect(search.mobile_devices.map((d) => d.id)).toEqual(
      tvs.map((d) => Number(d.mobileDeviceId)).sort((a, b) => a - b),
    );
    expect(search.mobile_devices[0]).toMatchObject({
      Display_Name: expect.stringMatching(/^TV-/),
      OS_Version: '18.1',
    });
    const pro = await api(jamf, token, 'GET', `/v1/advanced-mobile-device-searches/${id}`);
    expect(pro.status).toBe(200);
    expect(Object.keys((await pro.json()) as object)).not.toContain('mobileDevices');
  });
});
