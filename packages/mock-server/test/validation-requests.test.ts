import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
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

const postJson = (path: string, body: string, contentType = 'application/json') =>
  api(path, { method: 'POST', body, headers: { 'content-type': contentType } });

async function expectJamf400(response: Response, code: string, field?: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as {
    httpStatus: number;
    errors: { code: string; field: string | null }[];
  };
  expect(body.httpStatus).toBe(400);
  expect(body.errors[0]?.code).toBe(code);
  if (field !== undefined) expect(body.errors[0]?.field).toBe(field);
}

describe('request validation', () => {
  it('refuses malformed JSON with INVALID_JSON', async () => {
    await expectJamf400(await postJson('/v1/categories', '{"name": "x",'), 'INVALID_JSON');
  });

  it('refuses a content type the operation does not take', async () => {
    await expectJamf400(
      await postJson('/v1/categories', '{"name":"x","priority":1}', 'text/plain'),
      'INVALID_CONTENT_TYPE',
    );
  });

  it('refuses a missing required body', async () => {
    await expectJamf400(
      await api('/v1/categories', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }),
      'MISSING_REQUEST_BODY',
    );
  });

  it('refuses a body that breaks the schema, naming the field', async () => {
    await expectJamf400(
      await postJson('/v1/categories', JSON.stringify({ name: 'No priority' })),
      'INVALID_FIELD',
      'priority',
    );
    await expectJamf400(
      await postJson('/v1/categories', JSON.stringify({ name: 'Bad priority', priority: 'high' })),
      'INVALID_FIELD',
      'priority',
    );
  });

  it('refuses query parameters of the wrong type', async () => {
    await expectJamf400(await api('/v1/categories?page=first'), 'INVALID_PARAMETER', 'page');
    await expectJamf400(
      await api('/v1/computers-inventory?section=NOT_A_SECTION'),
      'INVALID_PARAMETER',
      'section',
    );
  });

  it('takes a list parameter repeated or comma-separated, and names a bad item', async () => {
    for (const query of ['section=GENERAL&section=HARDWARE', 'section=GENERAL,HARDWARE']) {
      const response = await api(`/v1/computers-inventory?page-size=1&${query}`);
      expect(response.status, query).toBe(200);
      const { results } = (await response.json()) as { results: Record<string, unknown>[] };
      expect(results[0]?.general, query).toBeTypeOf('object');
      expect(results[0]?.hardware, query).toBeTypeOf('object');
    }
    const bad = await api('/v1/computers-inventory?section=GENERAL,TOASTERS');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { field: string; description: string }[] };
    expect(body.errors[0]?.field).toBe('section');
    expect(body.errors[0]?.description).toMatch(/^section: TOASTERS .*\(GENERAL, /);
  });

  it('takes a boolean query parameter in any case, and refuses one that is no boolean', async () => {
    for (const value of ['true', 'False', 'TRUE']) {
      const query = `/v3/enrollment/access-groups?all-users-option-first=${value}`;
      expect((await api(query)).status, value).toBe(200);
    }
    await expectJamf400(
      await api('/v3/enrollment/access-groups?all-users-option-first=maybe'),
      'INVALID_PARAMETER',
      'all-users-option-first',
    );
  });

  it('names what the schema a discriminator picks is missing', async () => {
    const body = {
      clientData: [{ managementId: '00000000-0000-4000-8000-000000000001' }],
      commandData: { commandType: 'CLEAR_PASSCODE' },
    };
    const response = await postJson('/v2/mdm/commands', JSON.stringify(body));
    await expectJamf400(response.clone(), 'INVALID_FIELD', 'commandData.unlockToken');
    const { errors } = (await response.json()) as { errors: { description: string }[] };
    expect(errors[0]?.description).toBe('commandData.unlockToken is required');
  });

  it('refuses a missing required query parameter and a value outside its enum', async () => {
    await expectJamf400(await api('/v1/jamf-package'), 'MISSING_PARAMETER', 'application');
    expect((await api('/v1/jamf-package?application=protect')).status).toBe(200);
    await expectJamf400(
      await api('/v1/managed-software-updates/plans/group/1?group-type=TOASTERS'),
      'INVALID_PARAMETER',
      'group-type',
    );
  });

  it('leaves state unchanged when it refuses a request', async () => {
    const before = jamf.state.categories.list();
    await postJson('/v1/categories', '{"name":');
    await postJson('/v1/categories', JSON.stringify({ name: 'Only name' }));
    expect(jamf.state.categories.list()).toEqual(before);
  });

  it('lets a valid request through to the handler', async () => {
    const response = await postJson(
      '/v1/categories',
      JSON.stringify({ name: 'Valid', priority: 3 }),
    );
    expect(response.status).toBe(201);
  });
});
