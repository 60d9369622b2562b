import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Volume purchasing locations are one set of objects with two views: Classic `vppaccounts` and
// Pro `/v1/volume-purchasing-locations` read and write the same store.
const jamf = setupJamfMock({
  seed: 17,
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    {
      username: 'reader',
      password: 'read-only',
      privileges: ['Read Volume Purchasing Locations'],
    },
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

async function classicAccount(id: number | string): Promise<Record<string, unknown>> {
  const response = await classic(`/vppaccounts/id/${id}`, {
    headers: { accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { vpp_account: Record<string, unknown> }).vpp_account;
}

async function classicCreate(body: string): Promise<number> {
  const response = await classic('/vppaccounts/id/0', { method: 'POST', body });
  expect(response.status).toBe(201);
  return Number(
    (xml.parse(await response.text()) as { vpp_account: { id: string } }).vpp_account.id,
  );
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Page = { totalCount: number; results: Record<string, unknown>[] };

const TOKEN = 'c2VydmljZS10b2tlbi1zZWNyZXQ=';

describe('volume purchasing: Pro /v1/volume-purchasing-locations and Classic /JSSResource/vppaccounts', () => {
  it('a Pro create is the account Classic lists and shows; the service token is never shown', async () => {
    const created = await api(jamf, token, 'POST', '/v1/volume-purchasing-locations', {
      name: 'District VPP',
      serviceToken: TOKEN,
      automaticallyPopulatePurchasedContent: true,
      sendNotificationWhenNoLongerAssigned: true,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = await classic('/vppaccounts', { headers: { accept: 'application/json' } });
    expect(((await listed.json()) as { vpp_accounts: unknown[] }).vpp_accounts).toContainEqual({
      id: Number(id),
      name: 'District VPP',
    });
    expect(await classicAccount(id)).toMatchObject({
      id: Number(id),
      name: 'District VPP',
      populate_catalog_from_vpp_content: true,
      notify_disassociation: true,
      auto_register_managed_users: false,
      site: { id: -1, name: 'None' },
    });
    const asXml = await (await classic(`/vppaccounts/id/${id}`)).text();
    expect(asXml).toContain('<name>District VPP</name>');
    expect(asXml).not.toContain(TOKEN);
    expect(asXml).not.toContain('service_token');
  });

  it('a Classic create is read by Pro; a Pro PATCH shows in Classic; a Classic update in Pro', async () => {
    const site = await classic('/sites/id/0', {
      method: 'POST',
      body: '<site><name>North</name></site>',
    });
    const siteId = (xml.parse(await site.text()) as { site: { id: string } }).site.id;
    const id = await classicCreate(
      `<vpp_account><name>School VPP</name><service_token>${TOKEN}</service_token><auto_register_managed_users>true</auto_register_managed_users><site><name>North</name></site></vpp_account>`,
    );
    const read = await proJson<Record<string, unknown>>(`/v1/volume-purchasing-locations/${id}`);
    expect(read).toMatchObject({
      id: String(id),
      name: 'School VPP',
      autoRegisterManagedUsers: true,
      automaticallyPopulatePurchasedContent: false,
      sendNotificationWhenNoLongerAssigned: false,
      siteId,
      siteName: 'North',
    });
    expect(JSON.stringify(read)).not.toContain(TOKEN);
    const patch = await api(jamf, token, 'PATCH', `/v1/volume-purchasing-locations/${id}`, {
      name: 'School VPP 2',
      automaticallyPopulatePurchasedContent: true,
    });
    expect(patch.status).toBe(200);
    expect(await classicAccount(id)).toMatchObject({
      name: 'School VPP 2',
      populate_catalog_from_vpp_content: true,
      auto_register_managed_users: true,
      site: { id: Number(siteId), name: 'North' },
    });
    const put = await classic(`/vppaccounts/id/${id}`, {
      method: 'PUT',
      body: '<vpp_account><notify_disassociation>true</notify_disassociation><site><id>-1</id></site></vpp_account>',
    });
    expect(put.status).toBe(201);
    expect(
      await proJson<Record<string, unknown>>(`/v1/volume-purchasing-locations/${id}`),
    ).toMatchObject({
      name: 'School VPP 2',
      sendNotificationWhenNoLongerAssigned: true,
      siteId: '-1',
    });
  });

  it('a delete in either API removes the account from both', async () => {
    const fromClassic = await classicCreate(
      `<vpp_account><name>Old VPP</name><service_token>${TOKEN}</service_token></vpp_account>`,
    );
    expect(
      (await api(jamf, token, 'DELETE', `/v1/volume-purchasing-locations/${fromClassic}`)).status,
    ).toBe(204);
    expect((await classic(`/vppaccounts/id/${fromClassic}`)).status).toBe(404);
    const created = await api(jamf, token, 'POST', '/v1/volume-purchasing-locations', {
      name: 'Older VPP',
      serviceToken: TOKEN,
    });
    const fromPro = ((await created.json()) as { id: string }).id;
    expect((await classic(`/vppaccounts/id/${fromPro}`, { method: 'DELETE' })).status).toBe(200);
    expect(
      (await api(jamf, token, 'GET', `/v1/volume-purchasing-locations/${fromPro}`)).status,
    ).toBe(404);
  });

  it('both views list the same accounts', async () => {
    const pro = await proJson<Page>('/v1/volume-purchasing-locations?page-size=1000&sort=id:asc');
    const response = await classic('/vppaccounts', { headers: { accept: 'application/json' } });
    const { vpp_accounts: rows } = (await response.json()) as {
      vpp_accounts: { id: number; name: string }[];
    };
    expect(rows.map((row) => [String(row.id), row.name])).toEqual(
      pro.results.map((row) => [row.id, row.name]),
    );
  });
});

describe('volume purchasing: refusals change nothing', () => {
  it('a Classic create without a service token, or naming an unknown site, is 409', async () => {
    const before = await proJson<Page>('/v1/volume-purchasing-locations?page-size=1000');
    const noToken = await classic('/vppaccounts/id/0', {
      method: 'POST',
      body: '<vpp_account><name>No Token</name></vpp_account>',
    });
    expect(noToken.status).toBe(409);
    expect(await noToken.text()).toContain('Missing required field: service_token');
    const noSite = await classic('/vppaccounts/id/0', {
      method: 'POST',
      body: `<vpp_account><name>No Site</name><service_token>${TOKEN}</service_token><site><name>Nowhere</name></site></vpp_account>`,
    });
    expect(noSite.status).toBe(409);
    expect(await noSite.text()).toContain('Problem with site');
    expect(await proJson<Page>('/v1/volume-purchasing-locations?page-size=1000')).toEqual(before);
  });

  it('a Pro create without a service token is 400 naming it, and Classic sees nothing new', async () => {
    const listed = async () =>
      (await classic('/vppaccounts', { headers: { accept: 'application/json' } })).json();
    const before = await listed();
    const refused = await api(jamf, token, 'POST', '/v1/volume-purchasing-locations', {
      name: 'Tokenless',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('serviceToken');
    expect(await listed()).toEqual(before);
  });

  it('both APIs need the Volume Purchasing Locations privileges', async () => {
    const reader = await userToken(jamf, 'reader', 'read-only');
    expect((await classic('/vppaccounts', {}, reader)).status).toBe(200);
    const write = await classic(
      '/vppaccounts/id/0',
      {
        method: 'POST',
        body: `<vpp_account><name>Nope</name><service_token>${TOKEN}</service_token></vpp_account>`,
      },
      reader,
    );
    expect(write.status).toBe(403);
    expect(await write.text()).toContain('Create Volume Purchasing Locations');
    expect((await api(jamf, reader, 'GET', '/v1/volume-purchasing-locations')).status).toBe(200);
    const names = (await proJson<Page>('/v1/volume-purchasing-locations?page-size=1000')).results;
    expect(names.map((row) => row.name)).not.toContain('Nope');
  });
});
