import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({ seed: 42, counts: { computers: 30 } });
watchContract(jamf);

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
  });
  const { token } = (await auth.json()) as { token: string };
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(`${jamf.baseUrl}/api${path}`, { ...init, headers });
}

interface Page {
  totalCount: number;
  results: Record<string, Record<string, unknown> | string>[];
}

describe('/v1/computers-inventory', () => {
  it('pages with page and page-size and reports the total before paging', async () => {
    const first = (await (await api('/v1/computers-inventory?page=0&page-size=10')).json()) as Page;
    const last = (await (await api('/v1/computers-inventory?page=2&page-size=10')).json()) as Page;
    const beyond = (await (
      await api('/v1/computers-inventory?page=3&page-size=10')
    ).json()) as Page;
    expect(first.totalCount).toBe(30);
    expect(first.results).toHaveLength(10);
    expect(last.results).toHaveLength(10);
    expect(beyond.results).toHaveLength(0);
    const ids = new Set([...first.results, ...last.results].map((c) => c.id));
    expect(ids.size).toBe(20);
  });

  it('returns only GENERAL by default and exactly the sections asked for', async () => {
    const plain = (await (await api('/v1/computers-inventory?page-size=1')).json()) as Page;
    expect(Object.keys(plain.results[0] ?? {}).sort()).toEqual(['general', 'id', 'udid']);
    const some = (await (
      await api(
        '/v1/computers-inventory?page-size=1&section=HARDWARE&section=OPERATING_SYSTEM&section=USER_AND_LOCATION',
      )
    ).json()) as Page;
    expect(Object.keys(some.results[0] ?? {}).sort()).toEqual([
      'hardware',
      'id',
      'operatingSystem',
      'udid',
      'userAndLocation',
    ]);
    const hardware = some.results[0]?.hardware as Record<string, unknown>;
    expect(hardware.serialNumber).toMatch(/^C02[A-Z0-9]{9}$/);
  });

  it('sorts by general.name and filters with RSQL', async () => {
    const sorted = (await (
      await api('/v1/computers-inventory?sort=general.name:desc&page-size=3')
    ).json()) as Page;
    const names = sorted.results.map((c) => (c.general as Record<string, unknown>).name);
    expect(names).toEqual(['MAC-00030', 'MAC-00029', 'MAC-00028']);
    const filtered = (await (
      await api(`/v1/computers-inventory?filter=${encodeURIComponent('general.name=="MAC-0001*"')}`)
    ).json()) as Page;
    expect(filtered.totalCount).toBe(10);
  });

  it('answers 400 for an invalid RSQL filter and an unknown section, without changing state', async () => {
    const before = jamf.state.computers.size;
    const bad = await api(`/v1/computers-inventory?filter=${encodeURIComponent('general.name==')}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      httpStatus: 400,
      errors: [{ code: expect.any(String) }],
    });
    expect((await api('/v1/computers-inventory?section=NOPE')).status).toBe(400);
    expect(jamf.state.computers.size).toBe(before);
  });
});

describe('/v1/computers-inventory-detail/{id}', () => {
  it('serves every modelled section of one computer and 404 for an unknown id', async () => {
    const detail = (await (await api('/v1/computers-inventory-detail/3')).json()) as Record<
      string,
      Record<string, unknown>
    >;
    const stored = jamf.state.computers.get(3);
    expect(detail.id).toBe('3');
    expect(detail.general?.name).toBe(stored?.name);
    expect(detail.hardware?.serialNumber).toBe(stored?.serialNumber);
    expect(detail.operatingSystem?.version).toBe(stored?.osVersion);
    expect(detail.userAndLocation?.username).toBe(stored?.username);
    const missing = await api('/v1/computers-inventory-detail/99999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      httpStatus: 404,
      errors: [{ code: 'INVALID_ID' }],
    });
  });

  it('PATCH renames a computer and the list shows the new name', async () => {
    const patch = await api('/v1/computers-inventory-detail/5', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ general: { name: 'Renamed Mac' } }),
    });
    expect(patch.status).toBe(200);
    const listed = (await (
      await api(
        `/v1/computers-inventory?filter=${encodeURIComponent('general.name=="Renamed Mac"')}`,
      )
    ).json()) as Page;
    expect(listed.results.map((c) => c.id)).toEqual(['5']);
  });

  it('the same page asked again after a rename is sorted by the new name', async () => {
    const query = '/v1/computers-inventory?sort=general.name:desc&page-size=5';
    const before = (await (await api(query)).json()) as Page;
    expect(before.results.map((c) => c.id)).not.toContain('9');
    const patch = await api('/v1/computers-inventory-detail/9', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ general: { name: 'zzz last by name' } }),
    });
    expect(patch.status).toBe(200);
    const after = (await (await api(query)).json()) as Page;
    expect(after.results[0]?.id).toBe('9');
  });

  it('DELETE removes the computer', async () => {
    expect((await api('/v1/computers-inventory/7', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/v1/computers-inventory/7')).status).toBe(404);
    expect((await api('/v1/computers-inventory/7', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('POST /v3/computers-inventory', () => {
  it('creates a computer that Classic finds by serial number', async () => {
    const created = await api('/v3/computers-inventory', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        general: { name: 'New Mac' },
        hardware: { serialNumber: 'C02NEWMAC001' },
        userAndLocation: { departmentId: '2' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const classic = await fetch(`${jamf.baseUrl}/JSSResource/computers/serialnumber/C02NEWMAC001`, {
      headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' },
    });
    const body = (await classic.json()) as {
      computer: { general: { id: number; name: string; udid: string } };
    };
    expect(body.computer.general).toMatchObject({ id: Number(id), name: 'New Mac' });
    expect(body.computer.general.udid).toMatch(/^[0-9A-F-]{36}$/);
    const again = await api('/v3/computers-inventory', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        general: { name: 'Clone' },
        hardware: { serialNumber: 'C02NEWMAC001' },
      }),
    });
    expect(again.status).toBe(400);
  });
});
