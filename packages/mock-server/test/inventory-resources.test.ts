import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({ seed: 9 });
watchContract(jamf);

async function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
  });
  const { token } = (await auth.json()) as { token: string };
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  return fetch(`${jamf.baseUrl}/api${path}`, { ...init, body, headers });
}

type Page<T> = { totalCount: number; results: T[] };

describe.each([
  {
    path: '/v1/departments',
    create: { name: 'Research' },
    update: { name: 'Research & Development' },
  },
  {
    path: '/v1/buildings',
    create: { name: 'Harbour House', city: 'Gdansk' },
    update: { name: 'Harbour House', city: 'Gdynia' },
  },
  {
    path: '/v1/categories',
    create: { name: 'Fonts', priority: 5 },
    update: { name: 'Typefaces', priority: 6 },
  },
  {
    path: '/v1/scripts',
    create: { name: 'hello.sh', scriptContents: 'echo hi', priority: 'BEFORE' },
    update: { name: 'hello.sh', scriptContents: 'echo bye' },
  },
])('$path', ({ path, create, update }) => {
  it('creates, reads, updates, lists and deletes', async () => {
    const created = await api(path, { method: 'POST', json: create });
    expect(created.status).toBe(201);
    const { id, href } = (await created.json()) as { id: string; href: string };
    expect(href).toBe(`${jamf.baseUrl}/api${path}/${id}`);
    expect(await (await api(`${path}/${id}`)).json()).toMatchObject({ id, ...create });
    const put = await api(`${path}/${id}`, { method: 'PUT', json: update });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id, ...update });
    const listed = (await (await api(`${path}?page-size=200`)).json()) as Page<{ id: string }>;
    expect(listed.results.map((r) => r.id)).toContain(id);
    expect((await api(`${path}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`${path}/${id}`)).status).toBe(404);
  });

  it('answers 404 INVALID_ID for an unknown id on GET, PUT and DELETE', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await api(
        `${path}/424242`,
        method === 'PUT' ? { method, json: update } : { method },
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        httpStatus: 404,
        errors: [{ code: 'INVALID_ID' }],
      });
    }
  });
});

describe('names are unique', () => {
  it('refuses a second category with the same name (any case) and keeps the first', async () => {
    const before = jamf.state.categories.size;
    const response = await api('/v1/categories', {
      method: 'POST',
      json: { name: 'SECURITY', priority: 1 },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'DUPLICATE_FIELD', field: 'name' }],
    });
    expect(jamf.state.categories.size).toBe(before);
  });
});

describe('list queries', () => {
  it('sorts, filters and pages departments', async () => {
    const sorted = (await (await api('/v1/departments?sort=name:desc')).json()) as Page<{
      name: string;
    }>;
    const names = sorted.results.map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    const filtered = (await (
      await api(`/v1/departments?filter=${encodeURIComponent('name=="Sales"')}`)
    ).json()) as Page<{ name: string }>;
    expect(filtered).toMatchObject({ totalCount: 1, results: [{ name: 'Sales' }] });
    const paged = (await (await api('/v1/departments?page=1&page-size=2')).json()) as Page<{
      id: string;
    }>;
    expect(paged.results.map((d) => d.id)).toEqual(['3', '4']);
  });

  it('bulk-deletes categories only when every id exists', async () => {
    const missing = await api('/v1/categories/delete-multiple', {
      method: 'POST',
      json: { ids: ['1', '999'] },
    });
    expect(missing.status).toBe(404);
    expect(jamf.state.categories.get(1)).toBeDefined();
    expect(
      (await api('/v1/categories/delete-multiple', { method: 'POST', json: { ids: ['1', '2'] } }))
        .status,
    ).toBe(204);
    expect(jamf.state.categories.get(1)).toBeUndefined();
    expect(jamf.state.categories.get(2)).toBeUndefined();
  });
});

describe('/v2/mobile-devices', () => {
  it('lists, reads and details devices from the shared store', async () => {
    const page = (await (await api('/v2/mobile-devices?page-size=5')).json()) as Page<{
      id: string;
      serialNumber: string;
    }>;
    expect(page.totalCount).toBe(jamf.state.mobileDevices.size);
    expect(page.results).toHaveLength(5);
    const first = jamf.state.mobileDevices.get(1);
    expect(await (await api('/v2/mobile-devices/1')).json()).toMatchObject({
      id: '1',
      name: first?.name,
      serialNumber: first?.serialNumber,
    });
    const detail = (await (await api('/v2/mobile-devices/1/detail')).json()) as {
      location: { username: string };
    };
    expect(detail.location.username).toBe(first?.username);
    expect((await api('/v2/mobile-devices/999/detail')).status).toBe(404);
  });

  it('PATCH renames a device', async () => {
    const response = await api('/v2/mobile-devices/2', {
      method: 'PATCH',
      json: { name: 'Kiosk iPad' },
    });
    expect(response.status).toBe(200);
    expect(jamf.state.mobileDevices.get(2)?.name).toBe('Kiosk iPad');
  });
});
