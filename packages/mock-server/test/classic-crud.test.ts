import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });
const basic = `Basic ${btoa('admin:jamf1234')}`;
const xml = new XMLParser({ parseTagValue: false });

async function classic(
  path: string,
  init: RequestInit & { json?: boolean } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await userToken(jamf)}`);
  if (init.json) headers.set('accept', 'application/json');
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function pro(path: string, init: RequestInit = {}): Promise<Response> {
  const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic },
  });
  const { token } = (await auth.json()) as { token: string };
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(`${jamf.baseUrl}/api${path}`, { ...init, headers });
}

describe('Classic categories', () => {
  it('lists as XML by default and as JSON with Accept: application/json', async () => {
    const asXml = await classic('/categories');
    expect(asXml.headers.get('content-type')).toMatch(/^text\/xml/);
    const text = await asXml.text();
    expect(
      text.startsWith('<?xml version="1.0" encoding="UTF-8"?><categories><size>6</size><category>'),
    ).toBe(true);
    const asJson = await classic('/categories', { json: true });
    expect(asJson.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await asJson.json()) as { categories: { id: number; name: string }[] };
    expect(body.categories).toHaveLength(6);
    expect(body.categories[0]).toEqual({ id: 1, name: 'Productivity' });
  });

  it('POST id/0 creates (201 with the new id) and the category appears in Pro /v1/categories', async () => {
    const created = await classic('/categories/id/0', {
      method: 'POST',
      body: '<category><name>Made in Classic</name><priority>4</priority></category>',
    });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).toBe('<?xml version="1.0" encoding="UTF-8"?><category><id>7</id></category>');
    const proList = (await (await pro('/v1/categories?page-size=100')).json()) as {
      results: { id: string; name: string; priority: number }[];
    };
    expect(proList.results).toContainEqual({ id: '7', name: 'Made in Classic', priority: 4 });
  });

  it('a category created in Pro is readable by name in Classic', async () => {
    const created = await pro('/v1/categories', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Made in Pro', priority: 2 }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await classic(`/categories/name/${encodeURIComponent('Made in Pro')}`, {
      json: true,
    });
    expect(await read.json()).toEqual({
      category: { id: Number(id), name: 'Made in Pro', priority: 2 },
    });
  });

  it('PUT renames, DELETE removes, and a later GET is an HTML 404', async () => {
    const put = await classic('/categories/id/2', {
      method: 'PUT',
      body: '<category><name>Renamed</name></category>',
    });
    expect(put.status).toBe(201);
    const after = xml.parse(await (await classic('/categories/id/2')).text()) as {
      category: { name: string; priority: string };
    };
    expect(after.category).toMatchObject({ name: 'Renamed', priority: '2' });
    const deleted = await classic('/categories/id/2', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toContain('<category><id>2</id></category>');
    const gone = await classic('/categories/id/2');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await gone.text()).toContain('<p>Error: ');
  });

  it('answers 409 "Error: Duplicate name" and 400 for unparseable XML, changing nothing', async () => {
    const before = jamf.state.categories.list();
    const duplicate = await classic('/categories/id/0', {
      method: 'POST',
      body: '<category><name>security</name></category>',
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('<p>Error: Duplicate name</p>');
    const broken = await classic('/categories/id/0', {
      method: 'POST',
      body: '<category><name>x</name>',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/^text\/html/);
    const wrongRoot = await classic('/categories/id/0', {
      method: 'POST',
      body: '<department><name>x</name></department>',
    });
    expect(wrongRoot.status).toBe(409);
    expect(jamf.state.categories.list()).toEqual(before);
  });
});
