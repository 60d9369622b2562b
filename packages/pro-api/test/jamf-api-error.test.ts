import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createProClient, JamfApiError, type Schema, unwrap } from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const id = request.url?.split('/').at(-1);
    switch (id) {
      case '1':
        return sendJson(response, 200, { id: '1', displayName: 'Readers', privileges: [] });
      case 'missing':
        return sendJson(response, 404, {
          httpStatus: 404,
          errors: [{ code: 'INVALID_ID', field: 'id', description: 'No role with id', id: '0' }],
        });
      case 'html':
        response.writeHead(502, { 'content-type': 'text/html' });
        return response.end('<html><body><h1>Bad Gateway</h1></body></html>');
      case 'empty':
        response.writeHead(401);
        return response.end();
      case 'huge':
        response.writeHead(500, { 'content-type': 'text/plain' });
        return response.end('x'.repeat(10_000));
      default:
        response.writeHead(204);
        return response.end();
    }
  });
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<JamfApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JamfApiError);
  return error as JamfApiError;
}

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const role = await unwrap(jamf.GET('/v1/api-roles/{id}', { params: { path: { id: '1' } } }));
    expectTypeOf(role).toEqualTypeOf<Schema<'ApiRole'>>();
    expect(role.displayName).toBe('Readers');
  });

  it('accepts an awaited result and returns undefined for 204', async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const result = await jamf.DELETE('/v1/api-roles/{id}', { params: { path: { id: 'gone' } } });
    const data = await unwrap(result);
    expectTypeOf(data).toEqualTypeOf<undefined>();
    expect(data).toBeUndefined();
  });

  it("throws Jamf's error list with the status", async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const error = await failure(
      unwrap(jamf.GET('/v1/api-roles/{id}', { params: { path: { id: 'missing' } } })),
    );
    expect(error).toMatchObject({
      name: 'JamfApiError',
      code: 'NOT_FOUND',
      status: 404,
      url: `${server.origin}/api/v1/api-roles/missing`,
      errors: [{ code: 'INVALID_ID', field: 'id', description: 'No role with id', id: '0' }],
      body: undefined,
    });
    expect(error.message).toBe(
      `Jamf Pro API 404 from ${server.origin}/api/v1/api-roles/missing: INVALID_ID (id) No role with id`,
    );
  });

  it('keeps the status and the start of an HTML body', async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const error = await failure(
      unwrap(jamf.GET('/v1/api-roles/{id}', { params: { path: { id: 'html' } } })),
    );
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502, errors: [] });
    expect(error.body).toContain('Bad Gateway');
    expect(error.message).toBe(
      `Jamf Pro API 502 from ${server.origin}/api/v1/api-roles/html: non-JSON body`,
    );
  });

  it('keeps the status of an empty body', async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const error = await failure(
      unwrap(jamf.GET('/v1/api-roles/{id}', { params: { path: { id: 'empty' } } })),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, errors: [], body: undefined });
    expect(error.message).toBe(
      `Jamf Pro API 401 from ${server.origin}/api/v1/api-roles/empty: empty body`,
    );
  });

  it('truncates a long body', async () => {
    const jamf = createProClient({ baseUrl: server.origin });
    const error = await failure(
      unwrap(jamf.GET('/v1/api-roles/{id}', { params: { path: { id: 'huge' } } })),
    );
    expect(error.body?.length).toBeLessThanOrEqual(501);
  });
});

describe('JamfApiError.fromResponse', () => {
  it('reads an unread response', async () => {
    const response = await fetch(`${server.origin}/api/v1/api-roles/missing`);
    const error = await JamfApiError.fromResponse(response);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.errors[0]?.code).toBe('INVALID_ID');
  });

  it('maps statuses to stable codes', async () => {
    const codes = await Promise.all(
      [400, 403, 409, 429, 418, 503].map(
        async (status) => (await JamfApiError.fromResponse(new Response(null, { status }))).code,
      ),
    );
    expect(codes).toEqual([
      'BAD_REQUEST',
      'FORBIDDEN',
      'CONFLICT',
      'RATE_LIMITED',
      'HTTP_ERROR',
      'SERVER_ERROR',
    ]);
  });
});
