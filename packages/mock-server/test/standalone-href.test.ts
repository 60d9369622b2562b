import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JamfMockServer, startJamfMockServer } from '../src/index.js';
import { basic } from './support/auth-support.js';

let server: JamfMockServer;

beforeAll(async () => {
  server = await startJamfMockServer({ port: 0 });
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

/** POSTs JSON over node:http with an explicit Host header (fetch does not let a caller set it). */
function postWithHost(path: string, host: string, bearer: string, body: unknown) {
  const text = JSON.stringify(body);
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method: 'POST',
        headers: {
          host,
          authorization: `Bearer ${bearer}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('URLs the standalone server writes into its answers', () => {
  it("a create's href names the URL the client reached, never the internal origin", async () => {
    const bearer = await token();
    const created = await fetch(`${server.url}/api/v1/buildings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'href over http' }),
    });
    expect(created.status).toBe(201);
    const { id, href } = (await created.json()) as { id: string; href: string };
    expect(href).toBe(`${server.url}/api/v1/buildings/${id}`);
    const followed = await fetch(href, { headers: { authorization: `Bearer ${bearer}` } });
    expect(followed.status).toBe(200);
  });

  it('a create names the Host the client sent (localhost, a container name)', async () => {
    const bearer = await token();
    const { port } = server;
    const created = await postWithHost('/api/v1/categories', `localhost:${port}`, bearer, {
      name: 'href by host',
      priority: 9,
    });
    expect(created.status).toBe(201);
    const { id, href } = created.body as { id: string; href: string };
    expect(href).toBe(`http://localhost:${port}/api/v1/categories/${id}`);
  });

  it('a Host header that is not a plain host[:port] falls back to the listening URL', async () => {
    const bearer = await token();
    const created = await postWithHost('/api/v1/buildings', 'evil.example/steal?x=', bearer, {
      name: 'href bad host',
    });
    expect(created.status).toBe(201);
    const { id, href } = created.body as { id: string; href: string };
    expect(href).toBe(`${server.url}/api/v1/buildings/${id}`);
  });
});
