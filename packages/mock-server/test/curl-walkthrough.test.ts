import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedServer, spawnServer } from './support/standalone-support.js';

const run = promisify(execFile);
let server: SpawnedServer;
let hasCurl = true;

beforeAll(async () => {
  hasCurl = await run('curl', ['--version']).then(
    () => true,
    () => false,
  );
  server = await spawnServer(['--port', '0']);
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop();
});

/** Runs real curl the way Jamf's documentation does; returns the status and the body. */
// biome-ignore lint/suspicious/noExplicitAny: the walkthrough reads many ad-hoc JSON shapes
async function curl(...args: string[]): Promise<{ status: number; body: string; json: () => any }> {
  const { stdout } = await run('curl', [
    '--silent',
    '--show-error',
    '--write-out',
    '\n%{http_code}',
    ...args,
  ]);
  const cut = stdout.lastIndexOf('\n');
  const body = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body, json: () => JSON.parse(body) };
}

describe('Jamf documentation walkthrough with real curl against the bin', () => {
  it('runs token → roles → privileges → integrations → OAuth → 403 → keep-alive → invalidate', async (context) => {
    if (!hasCurl) context.skip('curl is not installed');
    const base = server.url;

    // Bearer token with Basic credentials.
    const issued = await curl('-u', 'admin:jamf1234', '-X', 'POST', `${base}/api/v1/auth/token`);
    expect(issued.status).toBe(200);
    let token: string = issued.json().token;
    const bearer = () => `Authorization: Bearer ${token}`;
    expect(
      (await curl('-H', bearer(), '-H', 'Accept: application/json', `${base}/api/v1/auth`)).json()
        .account.username,
    ).toBe('admin');

    // Privilege search, then an API role with two of them.
    const search = await curl(
      '-H',
      bearer(),
      '-H',
      'accept: application/json',
      `${base}/api/v1/api-role-privileges/search?name=Computer%20Groups&limit=5`,
    );
    expect(search.json().privileges).toContain('Read Smart Computer Groups');
    const role = await curl(
      '-X',
      'POST',
      `${base}/api/v1/api-roles`,
      '-H',
      bearer(),
      '-H',
      'accept: application/json',
      '-H',
      'Content-Type: application/json; charset=utf-8',
      '--data-raw',
      JSON.stringify({
        displayName: 'Walkthrough role',
        privileges: ['Read API Roles', 'Read Computers'],
      }),
    );
    expect(role.status).toBe(200);
    const roleId: string = role.json().id;
    expect(
      (await curl('-H', bearer(), `${base}/api/v1/api-roles/${roleId}/`)).json().displayName,
    ).toBe('Walkthrough role');
    const renamed = await curl(
      '-X',
      'PUT',
      `${base}/api/v1/api-roles/${roleId}`,
      '-H',
      bearer(),
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ displayName: 'Walkthrough role', privileges: ['Read API Roles'] }),
    );
    expect(renamed.json().privileges).toEqual(['Read API Roles']);
    const filtered = await curl(
      '-G',
      '-H',
      bearer(),
      `${base}/api/v1/api-roles`,
      '--data-urlencode',
      'filter=displayName=="Walkthrough*"',
      '--data-urlencode',
      'sort=id:desc',
    );
    expect(filtered.json().totalCount).toBe(1);

    // API integration and its client credentials.
    const integration = await curl(
      '-X',
      'POST',
      `${base}/api/v1/api-integrations`,
      '-H',
      bearer(),
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({
        authorizationScopes: ['Walkthrough role'],
        displayName: 'Walkthrough client',
        enabled: true,
        accessTokenLifetimeSeconds: 120,
      }),
    );
    expect(integration.status).toBe(201);
    const integrationId: number = integration.json().id;
    const credentials = await curl(
      '-X',
      'POST',
      '-H',
      bearer(),
      `${base}/api/v1/api-integrations/${integrationId}/client-credentials`,
    );
    expect(credentials.status).toBe(200);
    const { clientId, clientSecret } = credentials.json() as {
      clientId: string;
      clientSecret: string;
    };

    // OAuth token, documented path and spec path, form-encoded with --data-urlencode.
    let clientToken = '';
    for (const path of ['/api/oauth/token', '/api/v1/oauth/token']) {
      const oauth = await curl(
        '--location',
        '--request',
        'POST',
        `${base}${path}`,
        '--header',
        'Content-Type: application/x-www-form-urlencoded',
        '--data-urlencode',
        `client_id=${clientId}`,
        '--data-urlencode',
        'grant_type=client_credentials',
        '--data-urlencode',
        `client_secret=${clientSecret}`,
      );
      expect(oauth.status).toBe(200);
      expect(oauth.json()).toMatchObject({
        token_type: 'Bearer',
        expires_in: 119,
        scope: `api-role:${roleId}`,
      });
      clientToken = oauth.json().access_token;
    }
    const badSecret = await curl(
      '-X',
      'POST',
      `${base}/api/oauth/token`,
      '--data-urlencode',
      `client_id=${clientId}`,
      '--data-urlencode',
      'grant_type=client_credentials',
      '--data-urlencode',
      'client_secret=nope',
    );
    expect(badSecret.status).toBe(400);
    expect(badSecret.json().error).toBe('invalid_client');

    // The client can read roles but lacks the privilege to read integrations: 403.
    expect(
      (await curl('-H', `Authorization: Bearer ${clientToken}`, `${base}/api/v1/api-roles`)).status,
    ).toBe(200);
    const forbidden = await curl(
      '-H',
      `Authorization: Bearer ${clientToken}`,
      '-H',
      'Accept: application/json',
      `${base}/api/v1/api-integrations`,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.json()).toMatchObject({
      httpStatus: 403,
      errors: [{ code: 'INVALID_PRIVILEGE' }],
    });

    // Deleting a role in use is a conflict; after the client goes, the role can go.
    expect(
      (await curl('-X', 'DELETE', '-H', bearer(), `${base}/api/v1/api-roles/${roleId}`)).status,
    ).toBe(409);
    expect(
      (
        await curl(
          '-X',
          'DELETE',
          '-H',
          bearer(),
          `${base}/api/v1/api-integrations/${integrationId}`,
        )
      ).status,
    ).toBe(204);
    expect(
      (await curl('-X', 'DELETE', '-H', bearer(), `${base}/api/v1/api-roles/${roleId}`)).status,
    ).toBe(204);

    // Keep-alive gives a new token and kills the old one.
    const old = token;
    const renewed = await curl('-X', 'POST', '-H', bearer(), `${base}/api/v1/auth/keep-alive`);
    expect(renewed.status).toBe(200);
    token = renewed.json().token;
    expect((await curl('-H', `Authorization: Bearer ${old}`, `${base}/api/v1/auth`)).status).toBe(
      401,
    );
    expect((await curl('-H', bearer(), `${base}/api/v1/auth`)).status).toBe(200);

    // Invalidate: 204, then 401.
    const invalidated = await curl(
      '-X',
      'POST',
      '-H',
      bearer(),
      `${base}/api/v1/auth/invalidate-token`,
    );
    expect(invalidated.status).toBe(204);
    const after = await curl('-H', bearer(), `${base}/api/v1/auth`);
    expect(after.status).toBe(401);
    expect(after.json()).toEqual({ httpStatus: 401, errors: [] });
  });

  it('answers HEAD (-I), OPTIONS, Classic with Bearer, and 401 to Basic on Classic', async (context) => {
    if (!hasCurl) context.skip('curl is not installed');
    const base = server.url;
    const token = (
      await curl('-u', 'admin:jamf1234', '-X', 'POST', `${base}/api/v1/auth/token`)
    ).json().token as string;
    const head = await run('curl', [
      '--silent',
      '-I',
      '-H',
      `Authorization: Bearer ${token}`,
      `${base}/api/v1/api-roles`,
    ]);
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200/);
    const options = await run('curl', [
      '--silent',
      '-i',
      '-X',
      'OPTIONS',
      `${base}/api/v1/api-roles`,
    ]);
    expect(options.stdout).toMatch(/^HTTP\/1\.1 204/);
    expect(options.stdout).toMatch(/^allow: .*GET/im);
    const classicBasic = await curl(
      '-u',
      'admin:jamf1234',
      '-H',
      'Accept: application/json',
      `${base}/JSSResource/categories`,
    );
    // Basic on Classic is off on every server since 11.5: 401, like wrong credentials.
    expect(classicBasic.status).toBe(401);
    expect(classicBasic.body).toContain('<html>');
    const classicBearer = await curl(
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Accept: application/json',
      `${base}/JSSResource/categories`,
    );
    expect(classicBearer.status).toBe(200);
    const classicDenied = await curl('-u', 'admin:wrong', `${base}/JSSResource/categories`);
    expect(classicDenied.status).toBe(401);
    expect(classicDenied.body).toContain('<html>');
  });

  it('never logged a secret', async (context) => {
    if (!hasCurl) context.skip('curl is not installed');
    const output = server.output();
    expect(output).toContain('POST /api/oauth/token 200');
    expect(output).not.toMatch(/jamf1234|client_secret|Bearer|eyJ/);
  });
});
