import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { basic, userToken } from './support/auth-support.js';

// The same inventory page asked twice is served from the text built the first time; any write in
// between must show in the second answer, whichever door it came through.

const jamf = setupJamfMock({ seed: 11, counts: { computers: 20 } });

const PAGE = '/api/v1/computers-inventory?section=GENERAL&page=0&page-size=5';

interface Page {
  totalCount: number;
  results: { id: string; general: { name: string; assetTag: string } }[];
}

async function page(token: string): Promise<Page> {
  const response = await fetch(`${jamf.baseUrl}${PAGE}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

function send(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${jamf.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('an inventory page asked again', () => {
  it('is the same answer while nothing changed', async () => {
    const token = await userToken(jamf);
    expect(await page(token)).toEqual(await page(token));
  });

  it('shows a Pro PATCH of a computer on the page', async () => {
    const token = await userToken(jamf);
    const before = await page(token);
    const target = before.results[2]!;
    const patched = await send(token, 'PATCH', `/api/v1/computers-inventory-detail/${target.id}`, {
      general: { assetTag: 'TAG-AFTER-PATCH' },
    });
    expect(patched.status).toBe(200);
    const after = await page(token);
    expect(after.results.map((c) => c.id)).toEqual(before.results.map((c) => c.id));
    expect(after.results[2]!.general.assetTag).toBe('TAG-AFTER-PATCH');
  });

  it('shows a write through the state API', async () => {
    const token = await userToken(jamf);
    const before = await page(token);
    const target = before.results[0]!;
    jamf.state.computers.update(Number(target.id), { assetTag: 'TAG-FROM-STATE' });
    const after = await page(token);
    expect(after.results[0]!.general.assetTag).toBe('TAG-FROM-STATE');
  });

  it('shows a Classic rename, a create and a delete', async () => {
    const token = await userToken(jamf);
    const before = await page(token);
    const first = before.results[0]!;
    const renamed = await fetch(`${jamf.baseUrl}/JSSResource/computers/id/${first.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: '<computer><general><name>zzz renamed over Classic</name></general></computer>',
    });
    expect(renamed.status).toBe(201);
    const afterRename = await page(token);
    expect(afterRename.results.map((c) => c.id)).not.toContain(first.id);

    const created = await send(token, 'POST', '/api/v1/computers-inventory', {
      general: { name: '000 first by name' },
    });
    expect(created.status).toBe(201);
    const afterCreate = await page(token);
    expect(afterCreate.totalCount).toBe(before.totalCount + 1);
    expect(afterCreate.results[0]!.general.name).toBe('000 first by name');

    const removed = await send(
      token,
      'DELETE',
      `/api/v1/computers-inventory/${afterCreate.results[0]!.id}`,
    );
    expect(removed.status).toBe(204);
    expect(await page(token)).toEqual(afterRename);
  });

  it('is built afresh after reset()', async () => {
    const token = await userToken(jamf);
    jamf.state.computers.update(1, { name: '000 before reset' });
    expect((await page(token)).results[0]!.general.name).toBe('000 before reset');
    jamf.reset();
    const fresh = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('admin', 'jamf1234') },
    });
    const { token: afterReset } = (await fresh.json()) as { token: string };
    expect((await page(afterReset)).results[0]!.general.name).not.toBe('000 before reset');
  });
});
