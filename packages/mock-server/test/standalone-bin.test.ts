import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from './support/auth-support.js';
import { type SpawnedServer, spawnServer } from './support/standalone-support.js';

let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer([
    '--port',
    '0',
    '--user',
    'ci:s3cret-pass',
    '--token-lifetime',
    '90',
    '--computers',
    '3',
    '--seed',
    '7',
  ]);
}, 60_000);

afterAll(async () => {
  if (server.child.exitCode === null) await server.stop();
});

describe('jamf-mock-server (the bin)', () => {
  it('prints "listening on http://127.0.0.1:PORT" and serves the accounts given with --user', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const denied = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('admin', 'jamf1234') },
    });
    expect(denied.status).toBe(401);
    const response = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('ci', 's3cret-pass') },
    });
    expect(response.status).toBe(200);
    const { token, expires } = (await response.json()) as { token: string; expires: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(90);
    expect(Math.floor(Date.parse(expires) / 1000)).toBe(claims.exp);
    const inventory = await fetch(`${server.url}/api/v1/computers-inventory`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await inventory.json()) as { totalCount: number }).totalCount).toBe(3);
  });

  it('logs requests without secrets and exits cleanly on SIGTERM', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('ci', 's3cret-pass') },
    });
    const { token } = (await response.json()) as { token: string };
    await fetch(`${server.url}/api/v1/auth?client_secret=hidden-value`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    const output = server.output();
    expect(output).toMatch(/^POST \/api\/v1\/auth\/token 200 [\d.]+ms$/m);
    expect(output).toMatch(/^GET \/api\/v1\/auth 200 [\d.]+ms$/m);
    expect(output).not.toContain(token);
    expect(output).not.toContain('s3cret-pass');
    expect(output).not.toContain('hidden-value');
  });

  it('with --quiet logs no request lines, and exits cleanly on SIGINT', async () => {
    const quiet = await spawnServer(['--port', '0', '--quiet']);
    const response = await fetch(`${quiet.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('admin', 'jamf1234') },
    });
    expect(response.status).toBe(200);
    expect(await quiet.stop('SIGINT')).toBe(0);
    expect(quiet.output().trim()).toBe(`listening on ${quiet.url}`);
  }, 60_000);

  it('a port in use: one "error: cannot listen" line and exit code 1, no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as AddressInfo).port);
    const error = await spawnServer(['--port', port, '--quiet']).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await new Promise((resolve) => taken.close(resolve));
    expect(error?.message).toMatch(/exited \(1\)[\s\S]*error: cannot listen: .*EADDRINUSE/);
    expect(error?.message).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('rejects a bad flag with usage and exit code 2', async () => {
    await expect(spawnServer(['--port', 'abc'])).rejects.toThrow(
      /exited \(2\)[\s\S]*--port takes a whole number/,
    );
  });
});
