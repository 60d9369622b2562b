import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Objects both APIs expose are one state with two views: a create through either API is seen
// by the other, with the same id and name.
const jamf = setupJamfMock({ seed: 5 });
watchContract(jamf);
const xml = new XMLParser({ parseTagValue: false });
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

/** POSTs `<root>…</root>` to Classic `/{plural}/id/0` and returns the new id. */
async function classicCreate(plural: string, body: string): Promise<number> {
  const response = await classic(`/${plural}/id/0`, { method: 'POST', body });
  expect(response.status).toBe(201);
  const parsed = xml.parse(await response.text()) as Record<string, { id?: string }>;
  return Number(parsed[body.slice(1, body.indexOf('>'))]?.id);
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A Pro `{id, href}` create; returns the id. */
async function proCreate(path: string, body: unknown): Promise<string> {
  const response = await api(jamf, token, 'POST', path, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

type Page = { totalCount: number; results: Record<string, unknown>[] };

const PACKAGE = {
  packageName: 'Firefox 140',
  fileName: 'Firefox-140.pkg',
  categoryId: '-1',
  priority: 7,
  fillUserTemplate: false,
  osInstall: false,
  rebootRequired: true,
  suppressEula: false,
  suppressFromDock: false,
  suppressRegistration: false,
  suppressUpdates: false,
};

describe('packages: Pro /v1/packages and Classic /JSSResource/packages', () => {
  it('a Pro create is the package Classic shows, by id and by name', async () => {
    const id = await proCreate('/v1/packages', PACKAGE);
    const { package: shown } = await classicJson<{ package: Record<string, unknown> }>(
      `/packages/id/${id}`,
    );
    expect(shown).toMatchObject({
      id: Number(id),
      name: 'Firefox 140',
      filename: 'Firefox-140.pkg',
      priority: 7,
      reboot_required: true,
    });
    const byName = await classicJson<{ package: { id: number } }>(
      `/packages/name/${encodeURIComponent('Firefox 140')}`,
    );
    expect(byName.package.id).toBe(Number(id));
  });

  it('a Classic create is listed and read by Pro; a Classic delete removes it from Pro', async () => {
    const category = await proCreate('/v1/categories', { name: 'Web Browsers', priority: 9 });
    const id = await classicCreate(
      'packages',
      '<package><name>Chrome</name><filename>Chrome.pkg</filename><category>Web Browsers</category></package>',
    );
    const read = await proJson<Record<string, unknown>>(`/v1/packages/${id}`);
    expect(read).toMatchObject({
      id: String(id),
      packageName: 'Chrome',
      fileName: 'Chrome.pkg',
      categoryId: category,
    });
    const listed = await proJson<Page>(`/v1/packages?page-size=100&filter=packageName=="Chrome"`);
    expect(listed.results.map((row) => row.id)).toEqual([String(id)]);
    expect((await classic(`/packages/id/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(jamf, token, 'GET', `/v1/packages/${id}`)).status).toBe(404);
  });

  it('a Pro update shows in Classic, a Classic update shows in Pro', async () => {
    const id = await proCreate('/v1/packages', PACKAGE);
    const put = await api(jamf, token, 'PUT', `/v1/packages/${id}`, {
      ...PACKAGE,
      packageName: 'Firefox 141',
    });
    expect(put.status).toBe(200);
    const shown = await classicJson<{ package: { name: string } }>(`/packages/id/${id}`);
    expect(shown.package.name).toBe('Firefox 141');
    const classicPut = await classic(`/packages/id/${id}`, {
      method: 'PUT',
      body: '<package><notes>pinned</notes></package>',
    });
    expect(classicPut.status).toBe(201);
    expect(await proJson<Record<string, unknown>>(`/v1/packages/${id}`)).toMatchObject({
      packageName: 'Firefox 141',
      fileName: 'Firefox-140.pkg',
      notes: 'pinned',
    });
  });

  it('both views list the same packages', async () => {
    const pro = await proJson<Page>('/v1/packages?page-size=1000');
    const { packages } = await classicJson<{ packages: { id: number; name: string }[] }>(
      '/packages',
    );
    expect(packages.map((row) => [String(row.id), row.name])).toEqual(
      pro.results.map((row) => [row.id, row.packageName]),
    );
  });
});

describe('computer extension attributes: Pro /v1/computer-extension-attributes and Classic', () => {
  it('a Pro create is the attribute Classic shows, fields in Classic words', async () => {
    const id = await proCreate('/v1/computer-extension-attributes', {
      name: 'Battery Cycles',
      description: 'From ioreg',
      dataType: 'INTEGER',
      enabled: true,
      inputType: 'SCRIPT',
      scriptContents: '#!/bin/sh\necho "<result>42</result>"',
      inventoryDisplayType: 'HARDWARE',
    });
    const { computer_extension_attribute: shown } = await classicJson<{
      computer_extension_attribute: Record<string, unknown>;
    }>(`/computerextensionattributes/name/Battery%20Cycles`);
    expect(shown).toEqual({
      id: Number(id),
      name: 'Battery Cycles',
      enabled: true,
      description: 'From ioreg',
      data_type: 'Integer',
      input_type: {
        type: 'script',
        platform: 'Mac',
        script: '#!/bin/sh\necho "<result>42</result>"',
      },
      inventory_display: 'Hardware',
    });
  });

  it('a Classic create and update show in Pro; a Classic delete removes it from Pro', async () => {
    const id = await classicCreate(
      'computerextensionattributes',
      '<computer_extension_attribute><name>Department Code</name><data_type>String</data_type><input_type><type>Pop-up Menu</type><popup_choices><choice>HR</choice><choice>IT</choice></popup_choices></input_type><inventory_display>User and Location</inventory_display></computer_extension_attribute>',
    );
    expect(
      await proJson<Record<string, unknown>>(`/v1/computer-extension-attributes/${id}`),
    ).toMatchObject({
      name: 'Department Code',
      dataType: 'STRING',
      inputType: 'POPUP',
      popupMenuChoices: ['HR', 'IT'],
      inventoryDisplayType: 'USER_AND_LOCATION',
      enabled: true,
    });
    const asXml = await (await classic(`/computerextensionattributes/id/${id}`)).text();
    expect(asXml).toContain(
      '<popup_choices><choice>HR</choice><choice>IT</choice></popup_choices>',
    );
    const put = await classic(`/computerextensionattributes/id/${id}`, {
      method: 'PUT',
      body: '<computer_extension_attribute><enabled>false</enabled><description>Cost centre</description></computer_extension_attribute>',
    });
    expect(put.status).toBe(201);
    expect(
      await proJson<Record<string, unknown>>(`/v1/computer-extension-attributes/${id}`),
    ).toMatchObject({
      name: 'Department Code',
      enabled: false,
      description: 'Cost centre',
      popupMenuChoices: ['HR', 'IT'],
    });
    expect(
      (await classic(`/computerextensionattributes/id/${id}`, { method: 'DELETE' })).status,
    ).toBe(200);
    expect((await api(jamf, token, 'GET', `/v1/computer-extension-attributes/${id}`)).status).toBe(
      404,
    );
  });

  it('refuses a value Classic does not know with 409, changing nothing', async () => {
    const before = await proJson<Page>('/v1/computer-extension-attributes?page-size=1000');
    const refused = await classic('/computerextensionattributes/id/0', {
      method: 'POST',
      body: '<computer_extension_attribute><name>Bad</name><data_type>Float</data_type></computer_extension_attribute>',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('<p>Error: Invalid data type: Float</p>');
    const after = await proJson<Page>('/v1/computer-extension-attributes?page-size=1000');
    expect(after.totalCount).toBe(before.totalCount);
  });

  it('both views list the same attributes', async () => {
    const pro = await proJson<Page>('/v1/computer-extension-attributes?page-size=1000');
    const { computer_extension_attributes: listed } = await classicJson<{
      computer_extension_attributes: { id: number; name: string }[];
    }>('/computerextensionattributes');
    expect(listed.map((row) => [String(row.id), row.name])).toEqual(
      pro.results.map((row) => [row.id, row.name]),
    );
  });
});

describe('mobile device extension attributes: Pro and Classic', () => {
  it('a Classic create shows in Pro, a Pro update in Classic (no script, LDAP Attribute Mapping)', async () => {
    const id = await classicCreate(
      'mobiledeviceextensionattributes',
      '<mobile_device_extension_attribute><name>Asset Owner</name><data_type>String</data_type><input_type><type>LDAP Attribute Mapping</type></input_type><inventory_display>Purchasing</inventory_display></mobile_device_extension_attribute>',
    );
    const pro = await proJson<Record<string, unknown>>(
      `/v1/mobile-device-extension-attributes/${id}`,
    );
    expect(pro).toMatchObject({
      name: 'Asset Owner',
      dataType: 'STRING',
      inputType: 'DIRECTORY_SERVICE_ATTRIBUTE_MAPPING',
      inventoryDisplayType: 'PURCHASING',
    });
    expect(pro).not.toHaveProperty('enabled');
    const put = await api(jamf, token, 'PUT', `/v1/mobile-device-extension-attributes/${id}`, {
      ...pro,
      inputType: 'POPUP',
      popupMenuChoices: ['Staff', 'Student'],
    });
    // The spec declares 202 for this PUT.
    expect(put.status).toBe(202);
    const { mobile_device_extension_attribute: shown } = await classicJson<{
      mobile_device_extension_attribute: Record<string, unknown>;
    }>(`/mobiledeviceextensionattributes/id/${id}`);
    expect(shown).toEqual({
      id,
      name: 'Asset Owner',
      description: '',
      data_type: 'String',
      input_type: { type: 'Pop-up Menu', popup_choices: ['Staff', 'Student'] },
      inventory_display: 'Purchasing',
    });
  });

  it('refuses an input type mobile devices do not have (script) with 409', async () => {
    const refused = await classic('/mobiledeviceextensionattributes/id/0', {
      method: 'POST',
      body: '<mobile_device_extension_attribute><name>Run</name><input_type><type>script</type></input_type></mobile_device_extension_attribute>',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('<p>Error: Invalid input type: script</p>');
  });
});

describe('dock items: Pro /v1/dock-items and Classic /JSSResource/dockitems', () => {
  it('a Pro create is the dock item Classic lists and shows; a Classic update shows in Pro', async () => {
    const id = await proCreate('/v1/dock-items', {
      name: 'Safari',
      path: 'file:///Applications/Safari.app/',
      type: 'APP',
    });
    const { dock_items: listed } = await classicJson<{
      dock_items: { id: number; name: string }[];
    }>('/dockitems');
    expect(listed).toContainEqual({ id: Number(id), name: 'Safari' });
    const { dock_item: shown } = await classicJson<{ dock_item: Record<string, unknown> }>(
      `/dockitems/name/Safari`,
    );
    expect(shown).toMatchObject({
      id: Number(id),
      name: 'Safari',
      type: 'App',
      path: 'file:///Applications/Safari.app/',
    });
    const put = await classic(`/dockitems/id/${id}`, {
      method: 'PUT',
      body: '<dock_item><type>Folder</type><path>file:///Users/Shared/</path></dock_item>',
    });
    expect(put.status).toBe(201);
    expect(await proJson<Record<string, unknown>>(`/v1/dock-items/${id}`)).toMatchObject({
      name: 'Safari',
      type: 'FOLDER',
      path: 'file:///Users/Shared/',
    });
  });

  it('a Classic create is read by Pro; a Classic delete removes it; a bad type is 409', async () => {
    const id = await classicCreate(
      'dockitems',
      '<dock_item><name>Downloads</name><type>Folder</type><path>~/Downloads/</path></dock_item>',
    );
    expect(await proJson<Record<string, unknown>>(`/v1/dock-items/${id}`)).toMatchObject({
      name: 'Downloads',
      type: 'FOLDER',
      path: '~/Downloads/',
    });
    const refused = await classic(`/dockitems/id/${id}`, {
      method: 'PUT',
      body: '<dock_item><type>Widget</type></dock_item>',
    });
    expect(refused.status).toBe(409);
    expect((await classic(`/dockitems/id/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(jamf, token, 'GET', `/v1/dock-items/${id}`)).status).toBe(404);
  });
});

describe('advanced mobile device searches: Pro and Classic', () => {
  it('a Classic create with criteria and display fields is the search Pro reads, and back', async () => {
    const id = await classicCreate(
      'advancedmobiledevicesearches',
      '<advanced_mobile_device_search><name>Old iPads</name><criteria><size>2</size><criterion><name>Model</name><priority>0</priority><and_or>and</and_or><search_type>like</search_type><value>iPad</value><opening_paren>true</opening_paren><closing_paren>false</closing_paren></criterion><criterion><name>Last Inventory Update</name><priority>1</priority><and_or>or</and_or><search_type>more than x days ago</search_type><value>90</value><opening_paren>false</opening_paren><closing_paren>true</closing_paren></criterion></criteria><display_fields><size>1</size><display_field><name>Serial Number</name></display_field></display_fields></advanced_mobile_device_search>',
    );
    const pro = await proJson<Record<string, unknown>>(`/v1/advanced-mobile-device-searches/${id}`);
    expect(pro).toMatchObject({
      name: 'Old iPads',
      criteria: [
        {
          name: 'Model',
          priority: 0,
          andOr: 'and',
          searchType: 'like',
          value: 'iPad',
          openingParen: true,
          closingParen: false,
        },
        {
          name: 'Last Inventory Update',
          priority: 1,
          andOr: 'or',
          searchType: 'more than x days ago',
          value: '90',
          openingParen: false,
          closingParen: true,
        },
      ],
      displayFields: ['Serial Number'],
    });
    const put = await api(jamf, token, 'PUT', `/v1/advanced-mobile-device-searches/${id}`, {
      ...pro,
      displayFields: ['Serial Number', 'Display Name'],
    });
    expect(put.ok).toBe(true);
    const { advanced_mobile_device_search: shown } = await classicJson<{
      advanced_mobile_device_search: Record<string, unknown>;
    }>(`/advancedmobiledevicesearches/name/Old%20iPads`);
    expect(shown).toMatchObject({
      id,
      name: 'Old iPads',
      display_fields: [{ name: 'Serial Number' }, { name: 'Display Name' }],
      site: { id: -1, name: 'None' },
    });
    expect((shown.criteria as Record<string, unknown>[])[1]).toMatchObject({
      and_or: 'or',
      search_type: 'more than x days ago',
      closing_paren: true,
    });
  });
});

describe('sites: Pro /v1/sites and Classic /JSSResource/sites', () => {
  it('a Classic create is listed by Pro; both list the same sites', async () => {
    const id = await classicCreate('sites', '<site><name>Amsterdam</name></site>');
    const listed = await proJson<{ id: string; name: string }[] | Page>('/v1/sites');
    const rows = Array.isArray(listed) ? listed : listed.results;
    expect(rows).toContainEqual(expect.objectContaining({ id: String(id), name: 'Amsterdam' }));
    const { sites } = await classicJson<{ sites: { id: number; name: string }[] }>('/sites');
    expect(sites.map((row) => [String(row.id), row.name])).toEqual(
      rows.map((row) => [String(row.id), row.name]),
    );
  });

  it('a site name is unique through Classic (409)', async () => {
    await classicCreate('sites', '<site><name>Tokyo</name></site>');
    const again = await classic('/sites/id/0', {
      method: 'POST',
      body: '<site><name>tokyo</name></site>',
    });
    expect(again.status).toBe(409);
  });
});

describe('objects that were shared already', () => {
  const cases = [
    { pro: '/v1/buildings', plural: 'buildings', body: { name: 'Shared Building' } },
    { pro: '/v1/departments', plural: 'departments', body: { name: 'Shared Department' } },
    { pro: '/v1/categories', plural: 'categories', body: { name: 'Shared Category', priority: 9 } },
    { pro: '/v1/scripts', plural: 'scripts', body: { name: 'Shared Script', priority: 'AFTER' } },
  ];
  for (const { pro, plural, body } of cases) {
    it(`${plural}: a Pro create is found through Classic, a Classic create through Pro`, async () => {
      const id = await proCreate(pro, body);
      const single = plural.replace(/ies$/, 'y').replace(/s$/, '');
      const viaClassic = await classicJson<Record<string, { name: string }>>(`/${plural}/id/${id}`);
      expect(viaClassic[single]?.name).toBe(body.name);
      const fromClassic = await classicCreate(
        plural,
        `<${single}><name>${body.name} 2</name></${single}>`,
      );
      const viaPro = await proJson<{ name: string }>(`${pro}/${fromClassic}`);
      expect(viaPro.name).toBe(`${body.name} 2`);
    });
  }

  it('policies: a Classic create is found through Classic and the Pro list of policies agrees', async () => {
    const id = await classicCreate(
      'policies',
      '<policy><general><name>Shared Policy</name></general></policy>',
    );
    const shown = await classicJson<{ policy: { general: { id: number; name: string } } }>(
      `/policies/id/${id}`,
    );
    expect(shown.policy.general.name).toBe('Shared Policy');
  });
});
