import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { specPath } from './support/contract.js';

const jamf = setupJamfMock({ seed: 5, maxBodyBytes: 1024 * 1024 });
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, Json>>;
};

type Json = Record<string, unknown>;

/** mulberry32: the fuzz corpus is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Operations whose body is required JSON: any malformed body must be refused. */
const jsonBodyOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => {
      const body = op.requestBody as Json | undefined;
      const content = Object.keys((body?.content as Json | undefined) ?? {});
      return (
        body?.required === true &&
        content.length > 0 &&
        content.every((type) => type.includes('json'))
      );
    })
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, '1'),
      op,
    })),
);
const listPaths = [
  '/v1/computers-inventory',
  '/v3/computers-inventory',
  '/v1/categories',
  '/v1/departments',
  '/v1/buildings',
  '/v1/scripts',
  '/v2/mobile-devices',
];
const itemPaths = [
  '/v1/categories',
  '/v1/departments',
  '/v1/buildings',
  '/v1/scripts',
  '/v2/mobile-devices',
  '/v1/computers-inventory-detail',
];
const SPEC_DERIVED_CLASSIC = [
  'printers',
  'users',
  'usergroups',
  'macapplications',
  'ldapservers',
  'restrictedsoftware',
];
const classicWrites = [
  'categories',
  'departments',
  'buildings',
  'scripts',
  'computergroups',
  'policies',
  'computers',
  'mobiledevices',
  'osxconfigurationprofiles',
  'mobiledevicegroups',
  'packages',
  'sites',
  // Spec-derived Classic collections (src/http/classic/classic-generic-resource.ts).
  ...SPEC_DERIVED_CLASSIC,
];
/** Classic lookups and singletons beyond the CRUD resources, each asked something malformed. */
const classicLookups = [
  '/computers/id/abc/subset/General&Hardware',
  '/computers/id/999999/subset/General',
  '/mobiledevices/serialnumber/%00/subset/General',
  '/osxconfigurationprofiles/id/-1/subset/Scope',
  '/accounts/userid/abc',
  '/accounts/userid/999999',
  '/accounts/username/%20',
  '/accounts/groupid/1',
];
const BAD_RSQL = [
  'general.name==',
  '(general.name=="x"',
  'general.name=="x";',
  '==x',
  'name=zz=x',
  'name=="unterminated',
  ';;',
  'name=in=(a,b',
  'a==b,,c==d',
  '"',
];
const BAD_JSON = [
  '{',
  '{"name":',
  '[1,2',
  'nul',
  '{"a":1}}',
  '\u0000',
  '{"name":"x",}',
  "{'name':'x'}",
  'NaN',
  '{"name":"\\q"}',
];
const BAD_XML = [
  '<category><name>x</name>',
  '<category><name>x</category>',
  'not xml at all',
  '<?xml version="1.0"?>',
  '<a><b></a></b>',
  '<category name="x"/><category/>',
  '<category><name>&bogus;</name></category>',
  '<<>>',
];
const BAD_IDS = [
  '999999',
  '0',
  '-1',
  'abc',
  '1.5',
  '%ZZ',
  'x'.repeat(300),
  '1%2F2',
  '%00',
  '99999999999999999999',
];
const WEIRD_METHODS = ['PROPFIND', 'FOO', 'MKCOL', 'LINK', 'PURGE'];

interface Case {
  kind: string;
  request: () => Request;
}

function corpus(count: number, random: () => number, token: string): Case[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pro = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return new Request(`${jamf.baseUrl}/api${path}`, { ...init, headers });
  };
  const classic = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return new Request(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
  };
  const makers: (() => Case)[] = [
    () => {
      const target = pick(jsonBodyOperations);
      const body = pick(BAD_JSON);
      return {
        kind: 'malformed JSON',
        request: () =>
          pro(target.path, {
            method: target.method,
            body,
            headers: { 'content-type': 'application/json' },
          }),
      };
    },
    () => {
      const target = pick(jsonBodyOperations);
      const type = pick([
        'text/plain',
        'application/xml',
        'image/png',
        'multipart/form-data; boundary=x',
        '',
      ]);
      return {
        kind: 'wrong content type',
        request: () =>
          pro(target.path, {
            method: target.method,
            body: '{"name":"x"}',
            headers: { 'content-type': type },
          }),
      };
    },
    () => {
      const path = pick(listPaths);
      const filter = pick(BAD_RSQL);
      return {
        kind: 'invalid RSQL',
        request: () => pro(`${path}?filter=${encodeURIComponent(filter)}`),
      };
    },
    () => {
      const path = pick(listPaths);
      const query = pick([
        'page=-1',
        'page=abc',
        'page-size=0',
        'page-size=x',
        'sort=name:sideways',
        'sort=:asc',
        'page=1.5',
      ]);
      return { kind: 'bad paging or sort', request: () => pro(`${path}?${query}`) };
    },
    () => {
      const path = pick(itemPaths);
      const id = pick(BAD_IDS);
      const method = pick(['GET', 'DELETE']);
      return { kind: 'unknown or bad id', request: () => pro(`${path}/${id}`, { method }) };
    },
    () => {
      const resource = pick(classicWrites);
      const id = pick(BAD_IDS);
      return {
        kind: 'Classic unknown id',
        request: () => classic(`/${resource}/id/${id}`, { method: pick(['GET', 'DELETE']) }),
      };
    },
    () => {
      const resource = pick(classicWrites);
      const body = pick(BAD_XML);
      const method = pick(['POST', 'PUT']);
      const id = method === 'POST' ? '0' : '1';
      return {
        kind: 'bad XML to Classic',
        request: () =>
          classic(`/${resource}/id/${id}`, {
            method,
            body,
            headers: { 'content-type': 'application/xml' },
          }),
      };
    },
    () => {
      const isLookup = random() < 0.5;
      const path = pick(classicLookups);
      const body = pick(BAD_XML);
      return {
        kind: 'Classic lookup or activation code',
        request: () =>
          isLookup
            ? classic(path)
            : classic('/activationcode', {
                method: 'PUT',
                body,
                headers: { 'content-type': 'application/xml' },
              }),
      };
    },
    () => {
      const path = pick([...listPaths, ...itemPaths.map((p) => `${p}/1`)]);
      return { kind: 'weird method', request: () => pro(path, { method: pick(WEIRD_METHODS) }) };
    },
    () => {
      const target = pick(jsonBodyOperations);
      // Above the mock's maxBodyBytes (1 MiB here): 413 before parsing.
      return {
        kind: 'oversized body',
        request: () =>
          pro(target.path, {
            method: target.method,
            body: `{"name":"${'x'.repeat(1024 * 1024)}"}`,
            headers: { 'content-type': 'application/json' },
          }),
      };
    },
  ];
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    // Oversized bodies are costly; one in about forty cases is enough.
    const maker = random() < 0.025 ? makers[makers.length - 1] : pick(makers.slice(0, -1));
    cases.push((maker as () => Case)());
  }
  return cases;
}

function snapshot(): string {
  const s = jamf.state;
  return JSON.stringify([
    ...[
      s.computers,
      s.mobileDevices,
      s.departments,
      s.buildings,
      s.categories,
      s.scripts,
      s.policies,
      s.computerGroups,
      s.mobileDeviceGroups,
      s.macosConfigurationProfiles,
      // The store Classic /sites and Pro /v1/sites share (a fresh mock has no sites).
      s.collections.collection('/v1/sites', () => []),
      // Seeded by the requests the test makes before its first snapshot.
      ...SPEC_DERIVED_CLASSIC.map((segment) => s.classicObjects.store(segment, () => [])),
    ].map((store) => store.list()),
    s.activationCode,
  ]);
}

describe('malformed requests', () => {
  it('1,200 seeded malformed requests: every answer a 4xx, no 5xx, no internal error, no state change', {
    timeout: 300_000,
  }, async () => {
    const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
    });
    const { token } = (await auth.json()) as { token: string };
    for (const segment of SPEC_DERIVED_CLASSIC)
      await fetch(`${jamf.baseUrl}/JSSResource/${segment}/id/1`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const before = snapshot();
    const cases = corpus(1200, prng(20261123), token);
    const outcomes = new Map<string, Map<number, number>>();
    const failures: string[] = [];
    for (const { kind, request } of cases) {
      const req = request();
      const response = await fetch(req);
      await response.arrayBuffer();
      const byStatus = outcomes.get(kind) ?? new Map<number, number>();
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      outcomes.set(kind, byStatus);
      if (response.status < 400 || response.status >= 500)
        failures.push(`${kind}: ${req.method} ${req.url.slice(0, 120)} → ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect(jamf.internalErrors).toEqual([]);
    expect(snapshot()).toBe(before);
    expect(outcomes.size).toBe(10);
  });
});
