import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  leastPrivileges,
  type OperationRef,
  requiredPrivileges,
  UnknownOperationError,
} from '../src/privileges.js';

const referencePath = fileURLToPath(
  new URL('../../../../shared/reference/jamf-pro-11.30.1.api-schema.json', import.meta.url),
);
const hasReference = existsSync(referencePath);
if (!hasReference) {
  console.warn(`Skipping spec comparison: Jamf's schema not found at ${referencePath}`);
}

type Operation = { 'x-required-privileges'?: string[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

describe.skipIf(!hasReference)("requiredPrivileges against Jamf's schema", () => {
  const spec = hasReference
    ? (JSON.parse(readFileSync(referencePath, 'utf8')) as {
        paths: Record<string, Partial<Record<string, Operation>>>;
      })
    : { paths: {} };
  const table = requiredPrivileges as Record<string, Record<string, readonly string[]>>;
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation === undefined ? [] : [{ path, method, operation }];
    }),
  );

  it.each([
    ['/v1/computers-inventory', 'get'],
    ['/v1/api-roles', 'post'],
    ['/v1/api-roles/{id}', 'delete'],
    ['/v1/api-integrations/{id}/client-credentials', 'post'],
    ['/v1/api-role-privileges', 'get'],
  ])('matches the schema for %s %s', (path, method) => {
    const expected = spec.paths[path]?.[method]?.['x-required-privileges'];
    expect(expected?.length).toBeGreaterThan(0);
    expect(table[path]?.[method]).toEqual(expected);
  });

  it('matches the schema for every 25th operation', () => {
    const sampled = operations.filter((_, index) => index % 25 === 0);
    expect(sampled.length).toBeGreaterThan(20);
    for (const { path, method, operation } of sampled) {
      const expected = operation['x-required-privileges'];
      if (expected === undefined || expected.length === 0) continue;
      expect({ path, method, privileges: table[path]?.[method] }).toEqual({
        path,
        method,
        privileges: expected,
      });
    }
  });

  it('lists every operation of the schema, with [] where it declares no privilege', () => {
    for (const { path, method, operation } of operations) {
      expect(table[path]?.[method], `${method} ${path}`).toEqual(
        operation['x-required-privileges'] ?? [],
      );
    }
    // Plus the documented /api/oauth/token, which an overlay adds beside /api/v1/oauth/token.
    const listed = Object.values(table).flatMap((methods) => Object.keys(methods));
    expect(listed.length).toBe(operations.length + 1);
  });
});

describe('leastPrivileges', () => {
  it('unions, dedupes and sorts the privileges of the given operations', () => {
    const operations: OperationRef[] = [
      'GET /v1/api-roles',
      { method: 'post', path: '/v1/api-roles' },
      { method: 'GET', path: '/v1/api-roles/{id}' },
      'GET /v1/computers-inventory',
    ];
    const privileges = leastPrivileges(operations);
    const expected = [
      ...requiredPrivileges['/v1/api-roles'].get,
      ...requiredPrivileges['/v1/api-roles'].post,
      ...requiredPrivileges['/v1/api-roles/{id}'].get,
      ...requiredPrivileges['/v1/computers-inventory'].get,
    ];
    expect(privileges).toEqual([...new Set(expected)].sort());
    expect(new Set(privileges).size).toBe(privileges.length);
    expect(privileges).toContain('Read API Roles');
    expect(privileges).toContain('Create API Roles');
  });

  it('returns nothing for no operations', () => {
    expect(leastPrivileges([])).toEqual([]);
  });

  it('throws a typed error naming every unknown operation', () => {
    const unknown = [
      'GET /v1/computers-inventory',
      'GET /v1/no-such-thing',
      { method: 'PATCH', path: '/v1/api-roles' },
      'constructor /v1/api-roles',
      'GET /api/v1/api-roles',
    ] as unknown as OperationRef[];
    let thrown: unknown;
    try {
      leastPrivileges(unknown);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownOperationError);
    expect(thrown).toMatchObject({
      code: 'UNKNOWN_OPERATION',
      operations: [
        'GET /v1/no-such-thing',
        'PATCH /v1/api-roles',
        'CONSTRUCTOR /v1/api-roles',
        'GET /api/v1/api-roles',
      ],
    });
  });

  it('says so when given no operations at all, rather than naming "null"', () => {
    for (const nothing of [null, undefined]) {
      expect(() => leastPrivileges(nothing as never)).toThrow(
        "No operations given: pass a list such as ['GET /v1/computers-inventory']",
      );
    }
    expect(() => leastPrivileges([5] as never)).toThrow('No required privileges known for 5 (');
  });

  it('knows the operations that need no privilege, such as the version and token endpoints', () => {
    expect(leastPrivileges(['GET /v1/jamf-pro-version', 'POST /v1/auth/token'])).toEqual([]);
    expect(leastPrivileges(['GET /v1/jamf-pro-version', 'GET /v1/computers-inventory'])).toEqual([
      'Read Computers',
    ]);
  });

  it('rejects unknown operations at compile time', () => {
    // @ts-expect-error: not an operation of the Jamf Pro API
    expect(() => leastPrivileges(['GET /v1/no-such-thing'])).toThrow(UnknownOperationError);
    // @ts-expect-error: /v1/api-roles has no PATCH
    expect(() => leastPrivileges([{ method: 'PATCH', path: '/v1/api-roles' }])).toThrow(
      UnknownOperationError,
    );
  });
});
