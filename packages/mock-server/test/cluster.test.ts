import { describe, expect, it } from 'vitest';
import { CLUSTER_COOKIE, createJamfMock, MockOptionError } from '../src/index.js';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Jamf Cloud's cluster, emulated: requests land on several nodes, the APBALANCEID cookie pins a
// client to one, and an object one node creates is unknown to the others until the refresh.
const jamf = setupJamfMock({ cluster: { nodes: 3, syncSeconds: 60 } });

/** The cookie pair (`APBALANCEID=…`) an answer sets. */
function cookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${CLUSTER_COOKIE}=`));
  return (line ?? '').split(';')[0] ?? '';
}

async function call(path: string, token: string, init: RequestInit = {}, cookie?: string) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (cookie !== undefined) headers.set('cookie', cookie);
  return fetch(`${jamf.baseUrl}${path}`, { ...init, headers });
}

describe('cluster emulation', () => {
  it('sets the node cookie on every answer, taking nodes in turn without one', async () => {
    const token = await userToken(jamf);
    const cookies: string[] = [];
    for (let i = 0; i < 4; i++) {
      cookies.push(cookieOf(await call('/api/v1/jamf-pro-version', token)));
    }
    expect(new Set(cookies).size).toBe(3);
    expect(cookies[3]).toBe(cookies[0]);
    const pinned = await call('/api/v1/jamf-pro-version', token, {}, cookies[1]);
    expect(cookieOf(pinned)).toBe(cookies[1]);
  });

  it('a Pro object is 404 on the other nodes until the refresh, and found with the cookie', async () => {
    const token = await userToken(jamf);
    const created = await call('/api/v1/categories', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Made on one node', priority: 9 }),
    });
    expect(created.status).toBe(201);
    const node = cookieOf(created);
    const { id } = (await created.json()) as { id: string };
    const elsewhere = await call(`/api/v1/categories/${id}`, token);
    expect(elsewhere.status).toBe(404);
    expect(cookieOf(elsewhere)).not.toBe(node);
    expect((await call(`/api/v1/categories/${id}`, token, {}, node)).status).toBe(200);
    jamf.clock.advance(59_000);
    expect((await call(`/api/v1/categories/${id}`, token)).status).toBe(404);
    jamf.clock.advance(1_000);
    for (let i = 0; i < 3; i++) {
      expect((await call(`/api/v1/categories/${id}`, token)).status).toBe(200);
    }
  });

  it('a Classic object is an HTML 404 on the other nodes, and nothing is changed there', async () => {
    const token = await userToken(jamf);
    const created = await call('/JSSResource/categories/id/0', token, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<category><name>Classic on one node</name></category>',
    });
    expect(created.status).toBe(201);
    const node = cookieOf(created);
    const id = /<id>(\d+)<\/id>/.exec(await created.text())?.[1];
    const put = await call(`/JSSResource/categories/id/${id}`, token, {
      method: 'PUT',
      headers: { 'content-type': 'application/xml' },
      body: '<category><name>Renamed elsewhere</name></category>',
    });
    expect(put.status).toBe(404);
    expect(await put.text()).toContain('<p>Error: The server has not found anything');
    const read = await call(`/JSSResource/categories/id/${id}`, token, {}, node);
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('<name>Classic on one node</name>');
  });

  it('is off by default, and refuses options it cannot honour', async () => {
    const plain = createJamfMock();
    const { getResponse } = await import('msw');
    const response = await getResponse(
      plain.handlers,
      new Request(`${plain.baseUrl}/api/v1/startup-status`),
    );
    expect(response?.headers.getSetCookie()).toEqual([]);
    for (const cluster of [{ nodes: 0 }, { nodes: 1.5 }, { syncSeconds: -1 }, null]) {
      expect(() => createJamfMock({ cluster: cluster as never })).toThrow(MockOptionError);
    }
  });
});
