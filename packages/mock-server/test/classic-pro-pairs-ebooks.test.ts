import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// eBooks are one set of objects with two views: Classic `ebooks` writes them, Pro `/v1/ebooks`
// (read only) lists and reads the same store, and `/v1/ebooks/{id}/scope` is the Classic scope.
const jamf = setupJamfMock({
  seed: 13,
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'reader', password: 'read-only', privileges: ['Read eBooks'] },
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

async function classicJson<T>(path: string): Promise<T> {
  const response = await classic(path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function classicCreate(body: string): Promise<number> {
  const response = await classic('/ebooks/id/0', { method: 'POST', body });
  expect(response.status).toBe(201);
  return Number((xml.parse(await response.text()) as { ebook: { id: string } }).ebook.id);
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Page = { totalCount: number; results: Record<string, unknown>[] };
type Ebook = { general: Record<string, unknown>; scope: Record<string, unknown> };

const book = (name: string, more = '') =>
  `<ebook><general><name>${name}</name><author>A. Writer</author><version>2</version><free>false</free><url>https://books.example.com/${name}</url><deploy_as_managed>true</deploy_as_managed><deployment_type>Install Automatically/Prompt Users to Install</deployment_type><file_type>IBOOK</file_type></general>${more}</ebook>`;

describe('eBooks: Classic /JSSResource/ebooks and Pro /v1/ebooks', () => {
  it('a Classic create is the eBook Pro lists, filters and reads, fields in Pro words', async () => {
    const category = await api(jamf, token, 'POST', '/v1/categories', {
      name: 'Reading',
      priority: 9,
    });
    const categoryId = ((await category.json()) as { id: string }).id;
    const id = await classicCreate(
      book('Field Guide', '').replace(
        '</general>',
        '<category><name>Reading</name></category></general>',
      ),
    );
    expect(await proJson<Record<string, unknown>>(`/v1/ebooks/${id}`)).toEqual({
      id: String(id),
      name: 'Field Guide',
      author: 'A. Writer',
      version: '2',
      free: false,
      url: 'https://books.example.com/Field Guide',
      deployAsManaged: true,
      installAutomatically: true,
      kind: 'IBOOKS',
      categoryId,
      siteId: '-1',
    });
    const filtered = await proJson<Page>(
      `/v1/ebooks?filter=${encodeURIComponent('name=="Field Guide"')}`,
    );
    expect(filtered.results.map((row) => row.id)).toEqual([String(id)]);
    const { ebook } = await classicJson<{ ebook: Ebook }>(`/ebooks/name/field%20guide`);
    expect(ebook.general).toMatchObject({
      id,
      name: 'Field Guide',
      file_type: 'IBOOK',
      deployment_type: 'Install Automatically/Prompt Users to Install',
      category: { id: Number(categoryId), name: 'Reading' },
      site: { id: -1, name: 'None' },
    });
  });

  it('a Classic scope is the scope Pro answers, and a Classic update of it shows in Pro', async () => {
    const [computer] = jamf.state.computers.list();
    const [device] = jamf.state.mobileDevices.list();
    const building = await api(jamf, token, 'POST', '/v1/buildings', { name: 'Library' });
    const buildingId = ((await building.json()) as { id: string }).id;
    const id = await classicCreate(
      book(
        'Scoped',
        `<scope><all_mobile_devices>true</all_mobile_devices><computers><computer><id>${computer?.id}</id></computer></computers><buildings><building><name>Library</name></building></buildings><exclusions><mobile_devices><mobile_device><id>${device?.id}</id></mobile_device></mobile_devices></exclusions></scope>`,
      ),
    );
    const scope = await proJson<Record<string, unknown>>(`/v1/ebooks/${id}/scope`);
    expect(scope).toMatchObject({
      allComputers: false,
      allMobileDevices: true,
      allUsers: false,
      computerIds: [String(computer?.id)],
      buildingIds: [buildingId],
      mobileDeviceIds: [],
      exclusions: { mobileDeviceIds: [String(device?.id)], computerIds: [] },
    });
    const { ebook } = await classicJson<{ ebook: Ebook }>(`/ebooks/id/${id}`);
    expect(ebook.scope).toMatchObject({
      all_mobile_devices: true,
      computers: [{ id: computer?.id, name: computer?.name, udid: computer?.udid }],
      buildings: [{ id: Number(buildingId), name: 'Library' }],
    });
    const put = await classic(`/ebooks/id/${id}`, {
      method: 'PUT',
      body: '<ebook><scope><all_mobile_devices>false</all_mobile_devices><computers/></scope></ebook>',
    });
    expect(put.status).toBe(201);
    expect(await proJson<Record<string, unknown>>(`/v1/ebooks/${id}/scope`)).toMatchObject({
      allMobileDevices: false,
      computerIds: [],
      buildingIds: [buildingId],
      exclusions: { mobileDeviceIds: [String(device?.id)] },
    });
  });

  it('a Classic site, by name, is the Pro siteId', async () => {
    const site = await classic('/sites/id/0', {
      method: 'POST',
      body: '<site><name>Campus</name></site>',
    });
    const siteId = (xml.parse(await site.text()) as { site: { id: string } }).site.id;
    const id = await classicCreate(
      book('Sited').replace('</general>', '<site><name>campus</name></site></general>'),
    );
    expect((await proJson<{ siteId: string }>(`/v1/ebooks/${id}`)).siteId).toBe(siteId);
    const { ebook } = await classicJson<{ ebook: Ebook }>(`/ebooks/id/${id}`);
    expect(ebook.general.site).toEqual({ id: Number(siteId), name: 'Campus' });
  });

  it('a subset answers only the sections it names', async () => {
    const id = await classicCreate(book('Subset'));
    const { ebook } = await classicJson<{ ebook: Record<string, unknown> }>(
      `/ebooks/id/${id}/subset/General&SelfService`,
    );
    expect(Object.keys(ebook).sort()).toEqual(['general', 'self_service']);
  });

  it('a Classic update shows in Pro; a Classic delete removes it from Pro, scope too', async () => {
    const id = await classicCreate(book('Draft'));
    const put = await classic(`/ebooks/id/${id}`, {
      method: 'PUT',
      body: '<ebook><general><name>Final</name><file_type>EPUB</file_type><deployment_type>Make Available in Self Service</deployment_type></general></ebook>',
    });
    expect(put.status).toBe(201);
    expect(await proJson<Record<string, unknown>>(`/v1/ebooks/${id}`)).toMatchObject({
      name: 'Final',
      kind: 'EPUB',
      installAutomatically: false,
      author: 'A. Writer',
    });
    expect((await classic(`/ebooks/id/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(jamf, token, 'GET', `/v1/ebooks/${id}`)).status).toBe(404);
    expect((await api(jamf, token, 'GET', `/v1/ebooks/${id}/scope`)).status).toBe(404);
  });

  it('both views list the same eBooks', async () => {
    const pro = await proJson<Page>('/v1/ebooks?page-size=1000&sort=id:asc');
    const { ebooks } = await classicJson<{ ebooks: { id: number; name: string }[] }>('/ebooks');
    expect(ebooks.map((row) => [String(row.id), row.name])).toEqual(
      pro.results.map((row) => [row.id, row.name]),
    );
  });
});

describe('eBooks: refusals change nothing', () => {
  const refusals = [
    ['a file type Classic does not list', '<file_type>DOCX</file_type>', 'Invalid file type: DOCX'],
    [
      'a deployment type Classic does not list',
      '<deployment_type>Push</deployment_type>',
      'Invalid deployment type: Push',
    ],
    [
      'a category that does not exist',
      '<category><name>Nope</name></category>',
      'Problem with category',
    ],
    ['a site that does not exist', '<site><name>Mars</name></site>', 'Problem with site'],
  ] as const;
  for (const [what, element, message] of refusals) {
    it(`a Classic create with ${what} is 409 and stores nothing`, async () => {
      const before = await proJson<Page>('/v1/ebooks?page-size=1000');
      const body = `<ebook><general><name>Refused</name>${element}</general></ebook>`;
      const refused = await classic('/ebooks/id/0', { method: 'POST', body });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain(`<p>Error: ${message}</p>`);
      expect(await proJson<Page>('/v1/ebooks?page-size=1000')).toEqual(before);
    });
  }

  it('a scope naming a computer that does not exist is 409 and changes nothing', async () => {
    const id = await classicCreate(book('Kept'));
    const scopeBefore = await proJson<Record<string, unknown>>(`/v1/ebooks/${id}/scope`);
    const refused = await classic(`/ebooks/id/${id}`, {
      method: 'PUT',
      body: '<ebook><general><name>Renamed</name></general><scope><all_computers>true</all_computers><computers><computer><id>999999</id></computer></computers></scope></ebook>',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Problem with computer in scope');
    expect((await proJson<{ name: string }>(`/v1/ebooks/${id}`)).name).toBe('Kept');
    expect(await proJson<Record<string, unknown>>(`/v1/ebooks/${id}/scope`)).toEqual(scopeBefore);
  });

  it('Classic writes need the eBooks privileges; Pro reads need Read eBooks', async () => {
    const reader = await userToken(jamf, 'reader', 'read-only');
    expect((await classic('/ebooks', {}, reader)).status).toBe(200);
    const write = await classic('/ebooks/id/0', { method: 'POST', body: book('Nope') }, reader);
    expect(write.status).toBe(403);
    expect(await write.text()).toContain('Create eBooks');
    expect((await api(jamf, reader, 'GET', '/v1/ebooks')).status).toBe(200);
    const names = (await proJson<Page>('/v1/ebooks?page-size=1000')).results.map((r) => r.name);
    expect(names).not.toContain('Nope');
  });
});
