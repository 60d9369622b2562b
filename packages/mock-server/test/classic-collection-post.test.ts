import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// A Classic create posted to the resource's own path (`POST /JSSResource/<resource>`) is the
// same create as `POST /JSSResource/<resource>/id/0`, as jamf-pro-sdk-python and
// go-api-sdk-jamfpro send it.
const jamf = setupJamfMock({ seed: 5 });
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

async function createdId(response: Response): Promise<number> {
  expect(response.status).toBe(201);
  return Number(/<id>(\d+)<\/id>/.exec(await response.text())?.[1]);
}

describe('POST to a Classic resource path', () => {
  it.each([
    ['advancedcomputersearches', 'advanced_computer_search', 'advanced_computer_search'],
    ['categories', 'category', 'category'],
    ['computergroups', 'computer_group', 'computer_group'],
    ['scripts', 'script', 'script'],
  ])('creates a %s object as /id/0 does', async (plural, root, jsonRoot) => {
    const name = `Posted to /${plural}`;
    const id = await createdId(
      await classic(`/${plural}`, {
        method: 'POST',
        body: `<${root}><name>${name}</name></${root}>`,
      }),
    );
    expect(id).toBeGreaterThan(0);
    const read = await classic(`/${plural}/id/${id}`, { headers: { accept: 'application/json' } });
    expect(read.status).toBe(200);
    const body = (await read.json()) as Record<
      string,
      { name?: string; general?: { name: string } }
    >;
    expect(body[jsonRoot]?.name ?? body[jsonRoot]?.general?.name).toBe(name);
  });

  it('refuses what /id/0 refuses: a duplicate name is 409 and creates nothing', async () => {
    const body = '<category><name>Twice posted</name></category>';
    await createdId(await classic('/categories', { method: 'POST', body }));
    const before = jamf.state.categories.list().length;
    expect((await classic('/categories', { method: 'POST', body })).status).toBe(409);
    expect(jamf.state.categories.list().length).toBe(before);
  });
});
