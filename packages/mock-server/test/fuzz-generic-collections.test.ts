import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { deriveResources } from '../src/spec/resources.js';
import { flattenSchema } from '../src/spec/responder/conform.js';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Malformed requests against every collection the mock derives from the spec: each must get a
// Jamf-shaped 4xx (never a 5xx), and none may change what the lists show.
const jamf = setupJamfMock({ seed: 3 });
const { collections } = deriveResources(proSpec);

type Json = Record<string, unknown>;

/** A value of the wrong type for a schema: text where a number is due, a number for text, … */
function wrongValue(schema: unknown): unknown {
  const flat = flattenSchema(schema, proSpec);
  if (flat.type === 'string') return { not: 'a string' };
  if (flat.type === 'array') return 'not an array';
  return 'not-a-number-or-object';
}

/** A body whose first typed field holds the wrong type, or undefined when the body has none. */
function mistypedBody(operation: { object: Json }): Json | undefined {
  const body = operation.object.requestBody as Json | undefined;
  const content = (body?.content ?? {}) as Record<string, Json>;
  const key = Object.keys(content).find((k) => k.includes('json'));
  const schema = flattenSchema(key ? content[key]?.schema : undefined, proSpec);
  const properties = (schema.properties ?? {}) as Json;
  const typed = Object.entries(properties).find(([, property]) => {
    const flat = flattenSchema(property, proSpec);
    return ['string', 'integer', 'number', 'boolean', 'array'].includes(String(flat.type));
  });
  return typed ? { [typed[0]]: wrongValue(typed[1]) } : undefined;
}

interface Case {
  label: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

function casesFor(resource: (typeof collections)[number]): Case[] {
  const base = resource.collection.replace(/\{[^}]+\}/g, '1');
  const item = resource.item?.replace(/\{[^}]+\}$/, '1').replace(/\{[^}]+\}/g, '1');
  const cases: Case[] = [];
  if (resource.listShape === 'page') {
    for (const query of ['page=-1', 'page-size=0', 'page=x', 'sort=id:sideways', 'filter=%3D%3D'])
      cases.push({ label: `list ?${query}`, method: 'GET', path: `${base}?${query}` });
  }
  if (resource.create) {
    cases.push({ label: 'create, broken JSON', method: 'POST', path: base, body: '{"a":' });
    cases.push({ label: 'create, JSON array', method: 'POST', path: base, body: '[]' });
    cases.push({
      label: 'create, wrong content type',
      method: 'POST',
      path: base,
      body: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    const mistyped = mistypedBody(resource.create);
    if (mistyped)
      cases.push({
        label: 'create, mistyped field',
        method: 'POST',
        path: base,
        body: JSON.stringify(mistyped),
      });
  }
  if (item && resource.read) {
    cases.push({ label: 'read, unknown id', method: 'GET', path: item.replace(/1$/, '999999') });
  }
  if (item && resource.replace) {
    cases.push({ label: 'replace, broken JSON', method: 'PUT', path: item, body: '{' });
    const mistyped = mistypedBody(resource.replace);
    if (mistyped)
      cases.push({
        label: 'replace, mistyped field',
        method: 'PUT',
        path: item,
        body: JSON.stringify(mistyped),
      });
  }
  if (item && resource.merge) {
    cases.push({ label: 'merge, broken JSON', method: 'PATCH', path: item, body: 'null,' });
  }
  if (item && resource.remove) {
    cases.push({
      label: 'delete, unknown id',
      method: 'DELETE',
      path: item.replace(/1$/, '999999'),
    });
  }
  return cases;
}

describe('malformed requests to the derived collections', () => {
  it('all get a 4xx with Jamf’s error body, and no list changes', {
    timeout: 120_000,
  }, async () => {
    const token = await userToken(jamf);
    const call = (method: string, path: string, body?: string, contentType = 'application/json') =>
      fetch(`${jamf.baseUrl}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        body,
      });
    const lists = collections
      .filter((resource) => resource.list)
      .map((resource) => resource.collection.replace(/\{[^}]+\}/g, '1'));
    const snapshot = async () =>
      Promise.all(lists.map(async (path) => (await call('GET', `${path}?page-size=100`)).text()));
    const before = await snapshot();
    const failures: string[] = [];
    let count = 0;
    for (const resource of collections) {
      for (const c of casesFor(resource)) {
        count++;
        const response = await call(c.method, c.path, c.body, c.contentType);
        const text = await response.text();
        const body = (() => {
          try {
            return JSON.parse(text) as Json;
          } catch {
            return undefined;
          }
        })();
        const isJamfError = body?.httpStatus === response.status && Array.isArray(body?.errors);
        if (response.status < 400 || response.status >= 500 || !isJamfError)
          failures.push(
            `${c.label}: ${c.method} ${c.path} → ${response.status} ${text.slice(0, 80)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(500);
    expect(jamf.internalErrors).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
