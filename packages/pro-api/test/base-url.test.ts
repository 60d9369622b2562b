import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProClient } from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './local-server.js';

let server: LocalServer;
const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    sendJson(response, 200, { totalCount: 0, results: [] });
  });
});
afterAll(() => server.close());

describe('createProClient baseUrl', () => {
  it.each([
    ['the server', ''],
    ['the server with a trailing slash', '/'],
    ['the API root', '/api'],
    ['the API root with a trailing slash', '/api/'],
  ])('accepts %s', async (_label, suffix) => {
    const jamf = createProClient({ baseUrl: `${server.origin}${suffix}` });
    const { data, response } = await jamf.GET('/v1/api-roles');
    expect(response.status).toBe(200);
    expect(data?.totalCount).toBe(0);
    expect(seen.at(-1)?.url).toBe('/api/v1/api-roles');
  });

  it('keeps a context path in front of /api', async () => {
    const jamf = createProClient({ baseUrl: `${server.origin}/jamf/` });
    await jamf.GET('/v1/api-roles');
    expect(seen.at(-1)?.url).toBe('/jamf/api/v1/api-roles');
  });

  it('rejects what is not an absolute http(s) URL', () => {
    expect(() => createProClient({ baseUrl: 'tenant.jamfcloud.com' })).toThrow(TypeError);
    expect(() => createProClient({ baseUrl: 'ftp://tenant.jamfcloud.com' })).toThrow(TypeError);
    expect(() => createProClient({ baseUrl: 'https://tenant.jamfcloud.com/?x=1' })).toThrow(
      TypeError,
    );
  });

  it('sends the configured headers and runs the middleware', async () => {
    const jamf = createProClient({
      baseUrl: server.origin,
      headers: { 'x-team': 'it' },
      middleware: [
        {
          onRequest({ request }) {
            request.headers.set('authorization', 'Bearer from-middleware');
            return request;
          },
        },
      ],
    });
    await jamf.GET('/v1/api-roles');
    expect(seen.at(-1)?.headers['x-team']).toBe('it');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer from-middleware');
  });

  it('uses an injected fetch', async () => {
    const urls: string[] = [];
    const jamf = createProClient({
      baseUrl: server.origin,
      fetch: (request) => {
        urls.push(request.url);
        return fetch(request);
      },
    });
    await jamf.GET('/v1/api-roles');
    expect(urls).toEqual([`${server.origin}/api/v1/api-roles`]);
  });
});
