import { getResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJamfMock, type JamfMockOptions } from '../src/index.js';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

const PACKAGE = {
  packageName: 'Firefox 140',
  fileName: 'Firefox-140.pkg',
  categoryId: '-1',
  priority: 10,
  fillUserTemplate: false,
  osInstall: false,
  rebootRequired: false,
  suppressEula: false,
  suppressFromDock: false,
  suppressRegistration: false,
  suppressUpdates: false,
};

/** GET `path` from a fresh mock of its own (not the file's), as an administrator. */
async function seeded(
  seed: number,
  path: string,
  options: JamfMockOptions = {},
): Promise<Record<string, unknown>> {
  const mock = createJamfMock({ ...options, seed });
  const call = async (request: Request) => {
    const response = await getResponse(mock.handlers, request);
    if (!response) throw new Error(`no handler for ${request.url}`);
    return response;
  };
  const auth = await call(
    new Request(`${mock.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
    }),
  );
  const { token: own } = (await auth.json()) as { token: string };
  const response = await call(
    new Request(`${mock.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${own}` } }),
  );
  return (await response.json()) as Record<string, unknown>;
}

type Page = { totalCount: number; results: Record<string, unknown>[] };

async function page(path: string): Promise<Page> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

function patch(path: string, body: unknown): Promise<Response> {
  return fetch(`${jamf.baseUrl}/api${path}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' },
    body: JSON.stringify(body),
  });
}

describe('a derived collection', () => {
  it('stores what was posted, under a new numeric string id with its href', async () => {
    const created = await api(jamf, token, 'POST', '/v1/packages', PACKAGE);
    expect(created.status).toBe(201);
    const { id, href } = (await created.json()) as { id: string; href: string };
    expect(id).toMatch(/^\d+$/);
    expect(href).toBe(`${jamf.baseUrl}/api/v1/packages/${id}`);
    const stored = await (await api(jamf, token, 'GET', `/v1/packages/${id}`)).json();
    expect(stored).toMatchObject({ ...PACKAGE, id });
  });

  it('pages, sorts and filters with the same engine as the hand-modelled lists', async () => {
    for (const name of ['Zeta.pkg', 'alpha.pkg', 'Mu.pkg'])
      await api(jamf, token, 'POST', '/v1/packages', { ...PACKAGE, packageName: name });
    const all = await page('/v1/packages?page-size=100');
    const sorted = await page('/v1/packages?sort=packageName:asc&page-size=2&page=0');
    expect(sorted.totalCount).toBe(all.totalCount);
    expect(sorted.results).toHaveLength(2);
    const names = all.results.map((row) => String(row.packageName));
    expect(sorted.results.map((row) => row.packageName)).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).slice(0, 2),
    );
    const hit = await page(`/v1/packages?filter=${encodeURIComponent('packageName=="Mu.pkg"')}`);
    expect(hit.results.map((row) => row.packageName)).toEqual(['Mu.pkg']);
    expect(hit.totalCount).toBe(1);
  });

  it('replaces on PUT, merges on PATCH, and answers 404 after DELETE', async () => {
    const { id } = (await (await api(jamf, token, 'POST', '/v1/packages', PACKAGE)).json()) as {
      id: string;
    };
    const replaced = await api(jamf, token, 'PUT', `/v1/packages/${id}`, {
      ...PACKAGE,
      packageName: 'Renamed',
      info: 'replaced',
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ packageName: 'Renamed', info: 'replaced', id });

    const location = await api(jamf, token, 'POST', '/v1/volume-purchasing-locations', {
      name: 'Before',
      serviceToken: 'token-1',
      siteId: '-1',
    });
    const locationId = ((await location.json()) as { id: string }).id;
    expect(
      (await patch(`/v1/volume-purchasing-locations/${locationId}`, { name: 'After' })).status,
    ).toBe(200);
    const merged = (await (
      await api(jamf, token, 'GET', `/v1/volume-purchasing-locations/${locationId}`)
    ).json()) as Record<string, unknown>;
    expect(merged.name).toBe('After');
    expect(merged.siteId).toBe('-1');

    expect((await api(jamf, token, 'DELETE', `/v1/packages/${id}`)).status).toBe(204);
    const gone = await api(jamf, token, 'GET', `/v1/packages/${id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({
      httpStatus: 404,
      errors: [{ code: 'INVALID_ID', field: 'id' }],
    });
  });

  it('leaves state unchanged when a write is rejected', async () => {
    const before = await page('/v1/packages?page-size=100');
    const { packageName: _, ...withoutName } = PACKAGE;
    for (const body of [withoutName, { ...PACKAGE, priority: 'high' }]) {
      const refused = await api(jamf, token, 'POST', '/v1/packages', body);
      expect(refused.status).toBe(400);
    }
    const first = String(before.results[0]?.id);
    expect((await api(jamf, token, 'PUT', `/v1/packages/${first}`, { info: 'x' })).status).toBe(
      400,
    );
    expect(await page('/v1/packages?page-size=100')).toEqual(before);
  });

  it('adds history entries below an object, with who wrote them', async () => {
    const before = await page('/v1/packages/1/history');
    const added = await api(jamf, token, 'POST', '/v1/packages/1/history', { note: 'checked' });
    expect(added.status).toBe(201);
    const after = await page('/v1/packages/1/history?sort=id:desc');
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.results[0]).toMatchObject({ note: 'checked', username: 'admin' });
  });
});

describe('seeded objects', () => {
  it('are the same for the same seed and differ for another', async () => {
    const first = await seeded(7, '/v1/packages');
    expect(first.totalCount).toBe(3);
    expect(await seeded(7, '/v1/packages')).toEqual(first);
    expect(await seeded(8, '/v1/packages')).not.toEqual(first);
  });
});

describe('a settings object', () => {
  it('keeps what was PUT', async () => {
    const put = await api(jamf, token, 'PUT', '/v1/jamf-pro-server-url', {
      url: 'https://jamf.example.test:8443',
    });
    expect(put.status).toBe(200);
    const got = await (await api(jamf, token, 'GET', '/v1/jamf-pro-server-url')).json();
    expect(got).toMatchObject({ url: 'https://jamf.example.test:8443' });
  });
});

describe('/v1/jamf-pro-version', () => {
  it("answers the spec's version in Jamf's shape, or the configured one", async () => {
    const { version } = (await (await api(jamf, token, 'GET', '/v1/jamf-pro-version')).json()) as {
      version: string;
    };
    expect(version).toMatch(/^11\.30\.1-t\d{13}$/);
    const configured = await seeded(1, '/v1/jamf-pro-version', { jamfProVersion: '11.25.2' });
    expect(configured).toMatchObject({ version: expect.stringMatching(/^11\.25\.2-t\d{13}$/) });
  });
});
