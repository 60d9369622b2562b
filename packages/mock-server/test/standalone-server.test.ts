import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JamfMockServer, startJamfMockServer } from '../src/index.js';
import { basic } from './support/auth-support.js';

let server: JamfMockServer;
const lines: string[] = [];

beforeAll(async () => {
  server = await startJamfMockServer({ port: 0, log: (line) => lines.push(line) });
});

afterAll(async () => {
  await server.close();
});

async function token(): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic('admin', 'jamf1234') },
  });
  return ((await response.json()) as { token: string }).token;
}

describe('startJamfMockServer over node:http', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the same pipeline: token, roles, 401 without a token', async () => {
    const bearer = await token();
    const created = await fetch(`${server.url}/api/v1/api-roles`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ displayName: 'over http', privileges: ['Read Computers'] }),
    });
    expect(created.status).toBe(200);
    const listed = await fetch(`${server.url}/api/v1/api-roles/?page-size=1`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(await listed.json()).toMatchObject({
      totalCount: 1,
      results: [{ displayName: 'over http' }],
    });
    expect((await fetch(`${server.url}/api/v1/api-roles`)).status).toBe(401);
  });

  it('answers HEAD without a body and OPTIONS with Allow', async () => {
    const bearer = await token();
    const head = await fetch(`${server.url}/api/v1/api-roles`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const options = await fetch(`${server.url}/api/v1/api-roles/1`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')?.split(', ').sort()).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PUT',
    ]);
  });

  it('answers 405 with Allow for a method the path lacks, and 404 for an unknown path', async () => {
    const bearer = await token();
    const patch = await fetch(`${server.url}/api/v1/api-roles/1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(patch.status).toBe(405);
    expect(await patch.json()).toMatchObject({ httpStatus: 405 });
    const missing = await fetch(`${server.url}/api/v9/nothing`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      httpStatus: 404,
      errors: [{ code: 'NOT_FOUND' }],
    });
  });

  it('answers a method Fetch cannot carry (TRACE) with a Jamf-shaped 405 and its Allow, not a 500', async () => {
    const { status, body, allow } = await new Promise<{
      status: number;
      body: string;
      allow: string | undefined;
    }>((resolve, reject) => {
      const request = httpRequest(
        `${server.url}/api/v1/api-roles`,
        { method: 'TRACE' },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: text,
              allow: response.headers.allow,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(405);
    // RFC 9110 §15.5.6: a 405 lists the methods the path allows.
    expect(allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(JSON.parse(body)).toMatchObject({
      httpStatus: 405,
      errors: [{ code: 'METHOD_NOT_ALLOWED' }],
    });
  });

  it('drops the connection for a network-error fault', async () => {
    server.mock.faults.add({ path: '/api/v1/auth/token', networkError: true, times: 1 });
    await expect(token()).rejects.toThrow(TypeError);
    expect(await token()).toEqual(expect.any(String));
  });

  it('logs one line per request with method, path, status and ms, and no secret', async () => {
    const bearer = await token();
    await fetch(`${server.url}/api/v1/api-role-privileges/search?name=secret-in-query&limit=2`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const line = lines.at(-1) ?? '';
    expect(line).toMatch(/^GET \/api\/v1\/api-role-privileges\/search 200 \d+(\.\d+)?ms$/);
    const all = lines.join('\n');
    expect(all).not.toContain(bearer);
    expect(all).not.toContain('secret-in-query');
    expect(all).not.toContain('jamf1234');
    expect(server.mock.internalErrors).toEqual([]);
  });
});
