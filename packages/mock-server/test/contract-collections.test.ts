import { beforeEach, describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { type DerivedCollection, deriveResources } from '../src/spec/resources.js';
import { flattenSchema } from '../src/spec/responder/conform.js';
import { sampleSchema } from '../src/spec/responder/sample-schema.js';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// One `it` per collection the mock derives from the spec: create → read → list (count, paging,
// sort, a filter on a real field, 400 on an unknown one) → update → delete → 404. Each step runs
// where the spec declares the operation; every answer is also checked against the spec.
const jamf = setupJamfMock();
watchContract(jamf);
const { collections } = deriveResources(proSpec);

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bodies that must name real objects (roles name privileges, clients name roles, …). */
const REAL_BODIES: Readonly<Record<string, (n: number) => Json>> = {
  '/v1/api-roles': (n) => ({ displayName: `Contract role ${n}`, privileges: ['Read Computers'] }),
  '/v1/api-integrations': (n) => ({
    displayName: `Contract client ${n}`,
    authorizationScopes: ['Contract role 0'],
    enabled: true,
    accessTokenLifetimeSeconds: 300,
  }),
  // An account's site must exist: the sampled siteId names none.
  '/v1/accounts': (n) => ({ username: `contract-user-${n}`, plainPassword: 'pw', siteId: -1 }),
  // A distribution point's backup must be another point (the sampled id names none).
  '/v1/distribution-points': (n) => ({
    name: `Contract distribution point ${n}`,
    serverName: `dp${n}.example.com`,
    fileSharingConnectionType: 'SMB',
    backupDistributionPointId: '-1',
  }),
  // A title configuration names a title of the patch catalogue (the sampled id names none).
  '/v2/patch-software-title-configurations': (n) => ({
    displayName: `Contract title ${n}`,
    softwareTitleId: '1',
  }),
  '/v3/patch-software-title-configurations': (n) => ({
    displayName: `Contract title ${n}`,
    softwareTitleId: '2',
  }),
  computersInventory: (n) => ({
    general: { name: `Contract Mac ${n}` },
    userAndLocation: { departmentId: '1', buildingId: '1' },
  }),
};

function realBody(resource: DerivedCollection, n: number): Json | undefined {
  if (resource.collection.endsWith('/computers-inventory'))
    return REAL_BODIES.computersInventory?.(n);
  return REAL_BODIES[resource.collection]?.(n);
}

function requestMediaType(operation: { object: Json } | undefined): string | undefined {
  const body = operation?.object.requestBody;
  if (!isJson(body) || !isJson(body.content)) return undefined;
  return Object.keys(body.content).find((k) => k.includes('json'));
}

function requestSchema(operation: { object: Json } | undefined): unknown {
  const body = operation?.object.requestBody;
  if (!isJson(body) || !isJson(body.content)) return undefined;
  const key = Object.keys(body.content).find((k) => k.includes('json'));
  const media = key === undefined ? undefined : body.content[key];
  return isJson(media) ? media.schema : undefined;
}

/** A top-level text field both the written body and the served object have, free to hold any text. */
function plainTextField(writeSchema: unknown, resource: DerivedCollection): string | undefined {
  const write = flattenSchema(writeSchema, proSpec);
  const served = flattenSchema(resource.objectSchema, proSpec);
  const writeProps = isJson(write.properties) ? write.properties : {};
  const servedProps = isJson(served.properties) ? served.properties : {};
  const candidates = Object.entries(writeProps).filter(([name, schema]) => {
    const flat = flattenSchema(schema, proSpec);
    const servedFlat = flattenSchema(servedProps[name], proSpec);
    return (
      name !== 'id' &&
      flat.type === 'string' &&
      servedFlat.type === 'string' &&
      flat.enum === undefined &&
      flat.format === undefined &&
      flat.pattern === undefined &&
      flat.readOnly !== true &&
      resource.queryFields.includes(name)
    );
  });
  const names = candidates.map(([name]) => name);
  return ['name', 'displayName'].find((name) => names.includes(name)) ?? names[0];
}

function bodyFor(resource: DerivedCollection, operation: { object: Json }, n: number): Json {
  const real = realBody(resource, n);
  if (real) return real;
  const sample = sampleSchema(requestSchema(operation) ?? { type: 'object' }, proSpec, {
    direction: 'request',
    path: `contract ${resource.collection} ${n}`,
  });
  return isJson(sample) ? sample : {};
}

function declares(operation: { object: Json } | undefined, parameter: string): boolean {
  const parameters = operation?.object.parameters;
  return (
    Array.isArray(parameters) &&
    parameters.some((p) => {
      const resolved =
        isJson(p) && typeof p.$ref === 'string'
          ? (proSpec.components?.parameters?.[p.$ref.split('/').pop() ?? ''] as Json | undefined)
          : p;
      return isJson(resolved) && resolved.name === parameter;
    })
  );
}

let token = '';
beforeEach(async () => {
  token = await userToken(jamf);
});

async function json(response: Response): Promise<Json> {
  const body: unknown = await response.json();
  expect(isJson(body)).toBe(true);
  return body as Json;
}

function expectJamfError(body: Json, status: number): void {
  expect(body.httpStatus).toBe(status);
  const errors = body.errors as Json[];
  expect(errors.length).toBeGreaterThan(0);
  expect(Object.keys(errors[0] ?? {}).sort()).toEqual(['code', 'description', 'field', 'id']);
}

describe('derived collections', () => {
  it('derives the collections of the spec, the known ones among them', () => {
    const paths = collections.map((c) => c.collection);
    expect(collections.length).toBeGreaterThanOrEqual(100);
    for (const known of ['/v1/packages', '/v1/scripts', '/v1/buildings/{id}/history', '/v1/users'])
      expect(paths).toContain(known);
  });
});

describe('every derived collection keeps state', () => {
  for (const resource of collections) {
    it(`${resource.collection}`, async () => {
      // Role-dependent bodies name this role.
      if (resource.collection === '/v1/api-integrations')
        await api(jamf, token, 'POST', '/v1/api-roles', REAL_BODIES['/v1/api-roles']?.(0));
      // Pro only reads account groups (Classic /accounts/groupid writes them); a fresh mock has none.
      if (resource.collection === '/v1/account-groups')
        jamf.state.accounts.createGroup({
          name: 'Contract group',
          accessLevel: 'Full Access',
          privilegeSet: 'Custom',
          siteId: -1,
          privileges: ['Read Computers'],
          memberIds: [1],
        });
      const base = resource.collection.replace(/\{[^}]+\}/g, '1');
      const page = resource.listShape === 'page';
      const listed = async (query = ''): Promise<{ totalCount?: number; results: Json[] }> => {
        const response = await api(jamf, token, 'GET', `${base}${query}`);
        expect(response.status, `GET ${base}${query}`).toBe(200);
        const body: unknown = await response.json();
        return page
          ? (body as { totalCount: number; results: Json[] })
          : { results: body as Json[] };
      };
      const before = resource.list ? await listed('?page-size=100') : undefined;

      let id: string;
      let field: string | undefined;
      let value: unknown;
      if (resource.create) {
        const body = bodyFor(resource, resource.create, 1);
        field = realBody(resource, 1)
          ? undefined
          : plainTextField(requestSchema(resource.create), resource);
        if (field) body[field] = value = `Contract ${field} 1`;
        const created = await api(jamf, token, 'POST', base, body);
        expect(created.status, `POST ${base}`).toBeGreaterThanOrEqual(200);
        expect(created.status, `POST ${base}`).toBeLessThan(300);
        const answer = await json(created);
        expect(answer.id).toBeDefined();
        id = String(answer.id);
      } else {
        // An item is named by its path's id parameter (`deviceId` for a patch policy's logs).
        const first = before?.results[0] as Json | undefined;
        id = String(first?.[resource.idParam ?? 'id'] ?? first?.id ?? '1');
      }

      if (resource.read && resource.item) {
        const item = resource.item.replace(/\{[^}]+\}$/, id).replace(/\{[^}]+\}/g, '1');
        const got = await api(jamf, token, 'GET', item);
        expect(got.status, `GET ${item}`).toBe(200);
        const object = await json(got);
        if ('id' in object) expect(String(object.id)).toBe(id);
        if (field) expect(object[field]).toBe(value);
      }

      if (resource.list && before) {
        const after = await listed('?page-size=100');
        if (page) {
          const total = after.totalCount ?? Number.NaN;
          expect(total).toBe((before.totalCount ?? Number.NaN) + (resource.create ? 1 : 0));
          expect(after.results.length).toBe(total);
          if (total >= 2) {
            const second = await listed('?page=1&page-size=1');
            expect(second.results).toHaveLength(1);
            expect(second.results[0]).toEqual(after.results[1]);
          }
          if (declares(resource.list, 'sort') && resource.queryFields.includes('id')) {
            const descending = await listed('?sort=id:desc&page-size=100');
            const ids = descending.results.map((row) => Number(row.id));
            expect(ids).toEqual([...ids].sort((a, b) => b - a));
          }
          if (declares(resource.list, 'filter')) {
            if (field) {
              const hit = await listed(`?filter=${encodeURIComponent(`${field}=="${value}"`)}`);
              expect(hit.totalCount).toBe(1);
              if ('id' in (hit.results[0] ?? {}))
                expect(hit.results.map((row) => String(row.id))).toEqual([id]);
            }
            const unknown = await api(jamf, token, 'GET', `${base}?filter=noSuchField%3D%3D1`);
            expect(unknown.status).toBe(400);
            expectJamfError(await json(unknown), 400);
          }
        } else {
          expect(after.results.length).toBe(before.results.length + (resource.create ? 1 : 0));
        }
      }

      if (!resource.item) return;
      const item = resource.item.replace(/\{[^}]+\}$/, id).replace(/\{[^}]+\}/g, '1');
      const update = resource.replace ?? resource.merge;
      if (update && resource.read) {
        const body = bodyFor(resource, update, 2);
        const updateField = realBody(resource, 2)
          ? undefined
          : plainTextField(requestSchema(update), resource);
        if (updateField) body[updateField] = `Contract ${updateField} 2`;
        // A locked object (prestages) takes a write that echoes its current versionLock.
        if ('versionLock' in body) {
          body.versionLock = (await json(await api(jamf, token, 'GET', item))).versionLock;
        }
        const updated = await fetch(`${jamf.baseUrl}/api${item}`, {
          method: update.method.toUpperCase(),
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': requestMediaType(update) ?? 'application/json',
          },
          body: JSON.stringify(body),
        });
        expect(
          updated.status,
          `${update.method} ${item} ${await updated.clone().text()}`,
        ).toBeLessThan(300);
        if (updateField) {
          const got = await json(await api(jamf, token, 'GET', item));
          expect(got[updateField]).toBe(`Contract ${updateField} 2`);
        }
      }

      if (resource.remove) {
        const removed = await api(jamf, token, 'DELETE', item);
        expect(removed.status, `DELETE ${item}`).toBeLessThan(300);
        if (resource.read) {
          const gone = await api(jamf, token, 'GET', item);
          expect(gone.status).toBe(404);
          expectJamfError(await json(gone), 404);
        }
      }
    });
  }
});
