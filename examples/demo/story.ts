import { authMiddleware, clientCredentials, userCredentials, withAuth } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient, JamfApiError, paginate, unwrap } from '@jamf/pro-api';
import { requiredPrivileges } from '@jamf/pro-api/privileges';
import { provisionApiClient } from '@jamf/pro-api/provisioning';
import type { Narrator } from './narrator.js';
import type { DemoTarget } from './target.js';
import { webhookStep } from './webhook-step.js';

/** Names of what the demo creates, so a re-run finds and cleans up its own objects. */
const ROLE_NAME = 'SDK demo: inventory reader';
const CLIENT_NAME = 'SDK demo: inventory app';

/**
 * The SDK's story, step by step: an administrator logs in, provisions a least-privilege API
 * client, the app switches to OAuth and reads inventory through both APIs, then tokens are kept
 * alive, revoked and everything the demo made is removed.
 */
export async function runStory(target: DemoTarget, say: Narrator): Promise<void> {
  say.note(`Jamf Pro: ${say.style('bold', target.description)}`);

  await using admin = userCredentials({
    baseUrl: target.baseUrl,
    username: target.username,
    password: target.password,
    allowInsecureHttp: true,
  });
  const jamf = createProClient({ baseUrl: target.baseUrl, middleware: [authMiddleware(admin)] });

  await say.step('Administrator logs in with username and password', async () => {
    const token = await admin.getToken();
    say.ok(
      `bearer token issued for ${target.username}, valid for ${token.secondsRemaining(Date.now())} s`,
    );
    say.note(say.style('dim', `printed, a token shows as ${JSON.stringify(token)}`));
  });

  await say.step('Privileges an API role can hold', async () => {
    const all = await unwrap(jamf.GET('/v1/api-role-privileges'));
    say.ok(`${all.privileges?.length ?? 0} privileges on this server`);
    const found = await unwrap(
      jamf.GET('/v1/api-role-privileges/search', {
        params: { query: { name: 'Computer', limit: '5' } },
      }),
    );
    say.table(
      ['search "Computer" (first 5)'],
      (found.privileges ?? []).map((name) => [name]),
    );
  });

  const operations = [
    'GET /v1/computers-inventory',
    'GET /v1/computers-inventory-detail/{id}',
  ] as const;
  const provisioned = await say.step(
    'Provision a least-privilege API role and client',
    async () => {
      const result = await provisionApiClient(jamf, {
        roleName: ROLE_NAME,
        operations,
        // The Classic API's computer reads use the same privilege; named here for clarity.
        privileges: ['Read Computers'],
        clientName: CLIENT_NAME,
        tokenLifetimeSeconds: 600,
      });
      say.table(
        ['operation', 'requires'],
        operations.map((operation) => {
          const [method, path] = operation.split(' ') as ['GET', keyof typeof requiredPrivileges];
          const needs = (requiredPrivileges[path] as Record<string, readonly string[]>)[
            method.toLowerCase()
          ];
          return [operation, needs?.join(', ') ?? '—'];
        }),
      );
      say.ok(
        `role "${ROLE_NAME}" ${result.role} (id ${result.roleId}) with ${result.privileges.join(', ')}`,
      );
      say.ok(
        `client "${CLIENT_NAME}" ${result.integration} (id ${result.integrationId}); credentials ${JSON.stringify(result.credentials)}`,
      );
      return result;
    },
  );

  await using app = clientCredentials({
    baseUrl: target.baseUrl,
    clientId: provisioned.credentials.clientId,
    clientSecret: provisioned.credentials.clientSecret,
    allowInsecureHttp: true,
  });
  const appJamf = createProClient({ baseUrl: target.baseUrl, middleware: [authMiddleware(app)] });

  await say.step('The app switches to OAuth client credentials', async () => {
    const token = await app.getToken();
    say.ok(
      `access token issued, scope "${token.scope ?? ''}", valid for ${token.secondsRemaining(Date.now())} s`,
    );
  });

  const computers = await say.step('Page through every computer with paginate()', async () => {
    const first = await unwrap(
      appJamf.GET('/v1/computers-inventory', { params: { query: { 'page-size': 1 } } }),
    );
    const progress = say.progress('computers', first.totalCount ?? 0);
    const seen: { name: string; serial: string; model: string; os: string }[] = [];
    for await (const computer of paginate(appJamf, '/v1/computers-inventory', {
      params: { query: { section: ['GENERAL', 'HARDWARE', 'OPERATING_SYSTEM'], sort: ['id:asc'] } },
      pageSize: 100,
      concurrency: 5,
    })) {
      seen.push({
        name: computer.general?.name ?? '',
        serial: computer.hardware?.serialNumber ?? '',
        model: computer.hardware?.model ?? '',
        os: computer.operatingSystem?.version ?? '',
      });
      progress.tick(seen.length);
    }
    progress.done();
    say.table(
      ['name', 'serial', 'model', 'macOS'],
      seen.slice(0, 5).map((c) => [c.name, c.serial, c.model, c.os]),
    );
    say.ok(
      `${seen.length} computers read, ${Math.ceil(seen.length / 100)} pages, at most 5 requests in flight`,
    );
    return seen;
  });

  await say.step('The app tries something its role does not allow', async () => {
    const attempt = await appJamf.POST('/v1/api-roles', {
      body: { displayName: 'not allowed', privileges: [] },
    });
    if (attempt.response.ok)
      throw new Error('the server let a least-privilege client create an API role');
    const error = JamfApiError.from(attempt.response, attempt.error);
    const needed = requiredPrivileges['/v1/api-roles'].post.join(', ');
    say.refused(
      `HTTP ${error.status} ${error.errors[0]?.code ?? error.code}: ${error.errors[0]?.description ?? error.message}`,
    );
    say.note(`POST /v1/api-roles needs "${needed}", which "${ROLE_NAME}" does not grant`);
  });

  await say.step('The same computers through the Classic API', async () => {
    const classic = createClassicClient({ baseUrl: target.baseUrl, fetch: withAuth(fetch, app) });
    const listed = await classic.computers.list();
    say.ok(
      `/JSSResource/computers lists ${listed.length} computers (Pro API: ${computers.length}), same OAuth token`,
    );
    const serial = computers[0]?.serial;
    if (serial) {
      const one = await classic.computers.get({ serialnumber: serial });
      say.table(
        ['lookup', 'name', 'serial', 'model'],
        [
          [
            `serialnumber/${serial}`,
            one.general?.name ?? '',
            one.general?.serial_number ?? '',
            one.hardware?.model ?? '',
          ],
        ],
      );
    }
  });

  await say.step('Keep the administrator session alive', async () => {
    const before = await admin.getToken();
    const renewed = await unwrap(
      jamf.POST('/v1/auth/keep-alive', { headers: { authorization: `Bearer ${before.token}` } }),
    );
    say.ok(`keep-alive issued a new token, valid until ${renewed.expires}`);
    const old = await fetch(new URL('api/v1/auth', withSlash(target.baseUrl)), {
      headers: { authorization: `Bearer ${before.token}` },
    });
    say.refused(`the old token is now refused: HTTP ${old.status}`);
    if (old.status !== 401)
      throw new Error(`the old token still works after keep-alive (HTTP ${old.status})`);
    const again = await jamf.GET('/v1/auth');
    say.ok(
      `the auth middleware noticed the 401, fetched a new token and replayed: HTTP ${again.response.status}`,
    );
  });

  await say.step('A webhook reaches the SDK receiver when a computer is created', () =>
    webhookStep(
      { baseUrl: target.baseUrl, admin },
      say,
      async (name) => {
        const created = await unwrap(
          jamf.POST('/v1/computers-inventory', { body: { general: { name } } }),
        );
        return Number(created.id);
      },
      async (id) => {
        await unwrap(
          jamf.DELETE('/v1/computers-inventory/{id}', { params: { path: { id: String(id) } } }),
        );
      },
    ),
  );

  await say.step('Clean up what the demo created', async () => {
    await unwrap(
      jamf.DELETE('/v1/api-integrations/{id}', {
        params: { path: { id: String(provisioned.integrationId) } },
      }),
    );
    await unwrap(
      jamf.DELETE('/v1/api-roles/{id}', { params: { path: { id: provisioned.roleId } } }),
    );
    say.ok(`deleted client ${provisioned.integrationId} and role ${provisioned.roleId}`);
  });

  await say.step('Log out: invalidate the administrator token', async () => {
    const token = await admin.getToken();
    await admin.close();
    const after = await fetch(new URL('api/v1/auth', withSlash(target.baseUrl)), {
      headers: { authorization: `Bearer ${token.token}` },
    });
    say.refused(`invalidated; the token is refused from now on: HTTP ${after.status}`);
    if (after.status !== 401)
      throw new Error(`the token still works after invalidation (HTTP ${after.status})`);
  });
}

function withSlash(baseUrl: string): string {
  const root = baseUrl.replace(/\/(api|JSSResource)\/?$/, '');
  return root.endsWith('/') ? root : `${root}/`;
}
