import { describe, expect, it } from 'vitest';
import { createProClient, JamfApiError } from '../src/index.js';

// Calls openapi-fetch cannot make as given: each rejects with JamfApiError INVALID_REQUEST
// (status 0) before anything is sent, never a TypeError and never a request to another URL.
describe('calls the client refuses to send', () => {
  const sent: string[] = [];
  const fetch = async (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const jamf = createProClient({ baseUrl: 'https://tenant.jamfcloud.com', fetch });
  const refused = async (call: Promise<unknown>, message: string) => {
    await expect(call).rejects.toBeInstanceOf(JamfApiError);
    await expect(call).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      status: 0,
      message: expect.stringContaining(message),
    });
  };

  it('refuse a path parameter that is not a string or a finite number (an empty object went to /v1/buildings/)', async () => {
    const values: [unknown, string][] = [
      [{}, 'is an object'],
      [new Date(0), 'is an object'],
      [{ a: '..' }, 'is an object'],
      [Object.create(null), 'is an object'],
      [['7'], 'is an array'],
      [[], 'is an array'],
      [Number.NaN, 'is NaN'],
      [Number.POSITIVE_INFINITY, 'is Infinity'],
      [true, 'is a boolean'],
      [Symbol('id'), 'is a symbol'],
    ];
    for (const [id, what] of values) {
      await refused(
        jamf.DELETE('/v1/buildings/{id}', { params: { path: { id } } } as never),
        `DELETE /v1/buildings/{id}: path parameter id ${what}, which names no object`,
      );
    }
    expect(sent).toEqual([]);
    await jamf.DELETE('/v1/buildings/{id}', { params: { path: { id: 7 } } } as never);
    await jamf.DELETE('/v1/buildings/{id}', { params: { path: { id: 8n } } } as never);
    await jamf.DELETE('/v1/buildings/{id}', { params: { path: { id: '%2e%2e' } } });
    expect(sent).toEqual([
      'DELETE /api/v1/buildings/7',
      'DELETE /api/v1/buildings/8',
      'DELETE /api/v1/buildings/%252e%252e',
    ]);
    sent.length = 0;
  });

  it('refuse a method or a path that is not a string, options that are not an object and an unknown parseAs', async () => {
    await refused(
      jamf.request(null as never, '/v1/buildings'),
      "the method must be a string such as 'GET', not object",
    );
    await refused(
      jamf.GET(undefined as never),
      "the path must be a string such as '/v1/buildings'",
    );
    await refused(jamf.GET({} as never), 'the path must be a string');
    await refused(jamf.GET('/v1/buildings', 'x' as never), "the call's options must be an object");
    // null options rejected too (the client's request building read them first and threw).
    await refused(
      jamf.POST('/v1/inventory-preload/validate-csv', null as never),
      "the call's options must be an object",
    );
    await refused(
      jamf.GET('/v1/buildings', { parseAs: 'bogus' } as never),
      'parseAs must be one of json, text, blob, arrayBuffer, stream',
    );
    expect(sent).toEqual([]);
    await jamf.request('get', '/v1/buildings', { parseAs: 'text' });
    expect(sent).toEqual(['GET /api/v1/buildings']);
  });
});
