import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProClient, JamfServerUrlError } from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './support/local-server.js';

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
    ['the Classic API root', '/JSSResource'],
    ['the Classic API root with a trailing slash', '/JSSResource/'],
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

  it.each([
    ['not an absolute URL', 'tenant.jamfcloud.com', 'INVALID_BASE_URL'],
    ['another scheme', 'ftp://tenant.jamfcloud.com', 'INVALID_BASE_URL'],
    ['a query string', 'https://tenant.jamfcloud.com/?x=1', 'INVALID_BASE_URL'],
    ['credentials', 'https://admin:pw@tenant.jamfcloud.com', 'INVALID_BASE_URL'],
    ['plain http to another host', 'http://jamf.example.com', 'INSECURE_TRANSPORT'],
  ])('refuses %s with a JamfServerUrlError', (_label, baseUrl, code) => {
    expect(() => createProClient({ baseUrl })).toThrow(JamfServerUrlError);
    expect(() => createProClient({ baseUrl })).toThrow(expect.objectContaining({ code }));
  });

  it('sends plain http to another host only with allowInsecureHttp', async () => {
    const urls: string[] = [];
    const jamf = createProClient({
      baseUrl: 'http://jamf.example.com/',
      allowInsecureHttp: true,
      fetch: async (request) => {
        urls.push(request.url);
        return Response.json({ totalCount: 0, results: [] });
      },
    });
    await jamf.GET('/v1/api-roles');
    expect(urls).toEqual(['http://jamf.example.com/api/v1/api-roles']);
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
