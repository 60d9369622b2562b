import { readFileSync } from 'node:fs';
import type { Operation } from 'openapi-backend';
import { describe, expect, it } from 'vitest';
import { sampleSchema } from '../src/spec/responder/sample-schema.js';
import { managementIdOf } from '../src/state/inventory/management-id.js';
import { setupJamfMock } from '../src/vitest.js';
import { loadSpec, SpecContract, specPath } from './support/contract.js';

// Request bodies come from the mock's own sampler in request mode; the check of each answer is
// openapi-backend's, independent of the mock.
const jamf = setupJamfMock();
// Inputs are sampled from the spec as written; the contract reads it with discriminators applied.
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
const contract = new SpecContract(loadSpec());

type Json = Record<string, unknown>;

function resolve(node: unknown): Json {
  let current = node as Json | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 16; hops++) {
    const [, , section, name] = current.$ref.split('/');
    current = ((spec.components as Json)[section ?? ''] as Json)[name ?? ''] as Json;
  }
  return current ?? {};
}

function scalar(schema: Json): string {
  const node = resolve(schema);
  if (Array.isArray(node.enum)) return String(node.enum[0]);
  if (node.type === 'integer' || node.type === 'number') return String(node.minimum ?? 1);
  if (node.type === 'boolean') return 'true';
  if (node.format === 'date-time') return '2026-01-15T09:30:00Z';
  if (node.format === 'date') return '2026-01-15';
  return '1';
}

function requestFor(operation: Operation, token: string): Request {
  let path = operation.path;
  // openapi-backend's operation is dereferenced and rewritten; sample from the spec as written.
  const written =
    (spec.paths as Record<string, Record<string, Json>>)[operation.path]?.[operation.method] ?? {};
  const query = new URLSearchParams();
  const pathLevel =
    ((spec.paths as Record<string, Json>)[operation.path]?.parameters as unknown[] | undefined) ??
    [];
  for (const raw of [...pathLevel, ...((written.parameters as unknown[] | undefined) ?? [])]) {
    const parameter = resolve(raw);
    const schema = resolve(parameter.schema);
    // Computer and mobile device groups share one id space each: the seeded groups 1 and 3 are
    // smart, 2 and 4 static; v2 mobile device groups take 3 and 4, so v1's deletes leave them.
    const group =
      /\/(computer|mobile-device)-groups\/(smart|static)-group(s|-membership)\/\{id\}$/.exec(
        operation.path,
      );
    const value = group
      ? String(
          (group[2] === 'static' ? 2 : 1) +
            (operation.path.startsWith('/v2/mobile-device-groups/') ? 2 : 0),
        )
      : scalar(schema);
    if (parameter.in === 'path')
      path = path.replace(`{${String(parameter.name)}}`, encodeURIComponent(value));
    if (parameter.in === 'query' && parameter.required === true) {
      query.append(
        String(parameter.name),
        scalar(schema.type === 'array' ? (schema.items as Json) : schema),
      );
    }
  }
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const search = query.size > 0 ? `?${query}` : '';
  const init: RequestInit = { method: operation.method.toUpperCase(), headers };
  const content = (resolve(written.requestBody).content ?? {}) as Record<string, Json>;
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (mediaType !== undefined && media !== undefined) {
    const sample = sampleSchema(media.schema ?? { type: 'object' }, spec, {
      direction: 'request',
      path: `${operation.method} ${operation.path}`,
    });
    if (mediaType === 'multipart/form-data') {
      const form = new FormData();
      for (const [key, value] of Object.entries((sample ?? {}) as Json)) {
        form.append(key, typeof value === 'object' ? new Blob(['file']) : String(value));
      }
      if ([...form.keys()].length === 0) form.append('file', new Blob(['file']), 'file.txt');
      init.body = form;
    } else if (mediaType === 'application/x-www-form-urlencoded') {
      headers.set('content-type', mediaType);
      init.body = new URLSearchParams(
        Object.entries((sample ?? {}) as Json).map(([k, v]) => [k, String(v)]),
      );
    } else if (mediaType.includes('json')) {
      headers.set('content-type', mediaType);
      init.body = JSON.stringify(sample);
    } else {
      headers.set('content-type', mediaType);
      init.body = typeof sample === 'string' ? sample : 'a,b\n1,2\n';
    }
  }
  return new Request(`${jamf.baseUrl}/api${path}${search}`, init);
}

const basicAdmin = `Basic ${btoa('admin:jamf1234')}`;

async function call(path: string, init: RequestInit, token: string): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  return fetch(`${jamf.baseUrl}/api${path}`, { ...init, headers });
}

/** Real references for operations whose bodies name other objects (a role's privileges, …). */
async function seedReferences(token: string): Promise<{ clientId: string; clientSecret: string }> {
  const role = await call(
    '/v1/api-roles',
    {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Sweep role', privileges: ['Read Computers'] }),
    },
    token,
  );
  expect(role.status).toBe(200);
  const client = await call(
    '/v1/api-integrations',
    {
      method: 'POST',
      body: JSON.stringify({
        displayName: 'Sweep client',
        authorizationScopes: ['Sweep role'],
        enabled: true,
        accessTokenLifetimeSeconds: 300,
      }),
    },
    token,
  );
  expect(client.status).toBe(201);
  // An icon, so `GET /v1/icon/1` (which declares no 404) reads one.
  const form = new FormData();
  form.append('file', new Blob(['png'], { type: 'image/png' }), 'sweep.png');
  const icon = await call('/v1/icon', { method: 'POST', body: form }, token);
  expect(await icon.json()).toMatchObject({ id: 1 });
  const { id } = (await client.json()) as { id: string | number };
  const secret = await call(
    `/v1/api-integrations/${id}/client-credentials`,
    { method: 'POST' },
    token,
  );
  return (await secret.json()) as { clientId: string; clientSecret: string };
}

/**
 * A computer attachment read or deleted is one just uploaded to computer 2 (the sampled id names
 * none, each version's DELETE needs its own, and computer 1 is deleted before the last of them).
 */
async function withFreshAttachment(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const match = /^(.*\/computers-inventory)\/1(\/attachments)\/[^/]+$/.exec(url.pathname);
  if (match === null) return request;
  const attachments = `${url.origin}${match[1]}/2${match[2]}`;
  const form = new FormData();
  form.append('file', new Blob(['sweep'], { type: 'text/plain' }), 'sweep.txt');
  const created = await fetch(attachments, {
    method: 'POST',
    headers: { authorization: request.headers.get('authorization') ?? '' },
    body: form,
  });
  const { id } = (await created.json()) as { id: string };
  return new Request(`${attachments}/${id}${url.search}`, request);
}

/**
 * A patch policy's log read names a computer the policy is pending on (the sampled device id may
 * be one it is not).
 */
async function withPendingDevice(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const match = /^(.*\/v2\/patch-policies\/1\/logs)\/1(\/details)?$/.exec(url.pathname);
  if (match === null) return request;
  const logs = await fetch(`${url.origin}${match[1]}`, {
    headers: { authorization: request.headers.get('authorization') ?? '' },
  });
  const { results } = (await logs.json()) as { results: { deviceId: string }[] };
  const deviceId = results[0]?.deviceId ?? '1';
  return new Request(`${url.origin}${match[1]}/${deviceId}${match[2] ?? ''}${url.search}`, request);
}

/**
 * A write to a locked object (prestages) echoes the object's current `versionLock`, as a client
 * does after reading it; a sampled one is stale and answered 409 `OPTIMISTIC_LOCK_FAILED`.
 */
async function withCurrentVersionLock(request: Request): Promise<Request> {
  if (request.method !== 'PUT' || !request.headers.get('content-type')?.includes('json'))
    return request;
  const body = (await request.clone().json()) as unknown;
  if (typeof body !== 'object' || body === null || !('versionLock' in body)) return request;
  const current = await fetch(request.url, {
    headers: { authorization: request.headers.get('authorization') ?? '' },
  });
  if (current.status !== 200) return request;
  const { versionLock } = (await current.json()) as { versionLock?: unknown };
  return new Request(request, { body: JSON.stringify({ ...body, versionLock }) });
}

function withRealReferences(
  operation: Operation,
  request: Request,
  client: { clientId: string; clientSecret: string },
): Request {
  const key = `${operation.method.toUpperCase()} ${operation.path}`;
  const json = (body: unknown) =>
    new Request(request, {
      body: JSON.stringify(body),
      headers: {
        authorization: request.headers.get('authorization') ?? '',
        'content-type': 'application/json',
      },
    });
  if (key === 'POST /v1/auth/token')
    return new Request(request, { headers: { authorization: basicAdmin } });
  if (key === 'POST /v1/oauth/token' || key === 'POST /oauth/token') {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    return new Request(request, {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  if (key === 'POST /v1/api-roles' || key === 'PUT /v1/api-roles/{id}') {
    return json({ displayName: `Role for ${key}`, privileges: ['Read Computers'] });
  }
  if (key === 'POST /v1/api-integrations' || key === 'PUT /v1/api-integrations/{id}') {
    return json({
      displayName: `Client for ${key}`,
      authorizationScopes: ['Sweep role'],
      enabled: true,
      accessTokenLifetimeSeconds: 300,
    });
  }
  if (key.startsWith('POST /v') && key.endsWith('/computers-inventory')) {
    return json({
      general: { name: `Swept ${key}` },
      userAndLocation: { departmentId: '1', buildingId: '1' },
    });
  }
  if (key.startsWith('PATCH /v') && key.endsWith('/computers-inventory-detail/{id}')) {
    return json({
      general: { name: 'Swept Mac' },
      userAndLocation: { departmentId: '1', buildingId: '1' },
    });
  }
  // A distribution point's backup must be another point (the sampled id names none).
  if (
    key === 'POST /v1/distribution-points' ||
    key === 'PUT /v1/distribution-points/{id}' ||
    key === 'PATCH /v1/distribution-points/{id}'
  ) {
    return json({
      name: `Swept ${key}`,
      serverName: 'dp.example.com',
      fileSharingConnectionType: 'SMB',
    });
  }
  // A title configuration names a catalogue title (the sampled id names none); v2 and v3 share
  // one store, so v3's DELETE takes title 2, which v2's DELETE of title 1 left.
  if (/^(POST|PATCH) \/v[23]\/patch-software-title-configurations(\/\{id\})?$/.test(key)) {
    return new Request(request, {
      body: JSON.stringify({ displayName: `Swept ${key}`, softwareTitleId: '1' }),
      headers: {
        authorization: request.headers.get('authorization') ?? '',
        'content-type': key.startsWith('PATCH')
          ? 'application/merge-patch+json'
          : 'application/json',
      },
    });
  }
  if (key === 'DELETE /v3/patch-software-title-configurations/{id}')
    return new Request(request.url.replace(/\/1$/, '/2'), request);
  // A patch report export names columns the report has (the sampled name is none).
  if (/^GET \/v[23]\/patch-software-title-configurations\/\{id\}\/export-report$/.test(key)) {
    const url = new URL(request.url);
    url.searchParams.set('columns-to-export', 'computerName');
    return new Request(url, request);
  }
  // An export's filter must be RSQL its list reads (the sampled one is not).
  if (key.startsWith('POST ') && key.endsWith('/export')) return json({ page: 0, pageSize: 10 });
  // Account 1 is the admin the sweep logs in as: it creates account 2 to delete, keeps 1's name and password.
  if (key === 'POST /v1/accounts') return json({ username: 'swept', plainPassword: 'swept-pw' });
  if (key === 'PUT /v1/accounts/{id}') return json({ realname: 'Swept Admin' });
  if (key === 'DELETE /v1/accounts/{id}')
    return new Request(request.url.replace(/\/1$/, '/2'), request);
  if (key.endsWith('/delete-multiple')) return json({ ids: ['2'] });
  // A command names a real, managed device (seeded mobile devices are managed).
  if (key === 'POST /v2/mdm/commands') {
    return json({
      clientData: [{ managementId: managementIdOf('mobileDevice', 1) }],
      commandData: { commandType: 'DEVICE_LOCK' },
    });
  }
  return request;
}

/** DELETEs, bulk deletes and secret rotation go last, so earlier operations still find id 1 and its secret. */
const isDestructive = (operation: Operation) =>
  operation.method === 'delete' || /\/(delete-multiple|client-credentials)$/.test(operation.path);

describe('every operation of the spec', () => {
  it('answers a valid admin request with a declared status and a body valid for it', {
    timeout: 240_000,
  }, async () => {
    await contract.ready();
    const all = contract.api.router.getOperations();
    expect(all.length).toBeGreaterThanOrEqual(817);
    const operations = [...all.filter((op) => !isDestructive(op)), ...all.filter(isDestructive)];
    const newToken = async () =>
      (
        (await (
          await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
            method: 'POST',
            headers: { authorization: basicAdmin },
          })
        ).json()) as { token: string }
      ).token;
    const token = await newToken();
    const client = await seedReferences(token);
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (const operation of operations) {
      // Invalidating or renewing a token ends it: those operations get a token of their own.
      const own = /invalidate|keep-?alive/i.test(operation.path) ? await newToken() : token;
      const response = await fetch(
        await withCurrentVersionLock(
          await withPendingDevice(
            await withFreshAttachment(
              withRealReferences(operation, requestFor(operation, own), client),
            ),
          ),
        ),
      );
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      problems.push(...(await contract.check(operation, response, { isStrict: true })));
    }
    expect(problems).toEqual([]);
    expect(jamf.internalErrors).toEqual([]);
    expect(Object.keys(statuses).every((status) => Number(status) < 500)).toBe(true);
    // Most answers are successes: a sweep that only collected declared 404s would prove little.
    const successes = Object.entries(statuses)
      .filter(([status]) => Number(status) < 300)
      .reduce((sum, [, n]) => sum + n, 0);
    expect(successes).toBeGreaterThanOrEqual(all.length - 10);
  });
});
