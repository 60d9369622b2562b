import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffSpecs, formatDiff, main, type SpecDiff } from '../src/index.js';
import { hasReference, NEEDS_REFERENCE, proSchemaPath } from './reference.js';

const V1 = resolve(import.meta.dirname, 'fixtures/things-v1.json');
const V2 = resolve(import.meta.dirname, 'fixtures/things-v2.json');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

async function runDiff(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(['diff', ...args], { log: (line) => lines.push(line) });
  return { code, out: lines.join('\n') };
}

describe('diff of a hand-made pair', () => {
  const diff = diffSpecs(read(V1), read(V2), { from: 'v1', to: 'v2' });

  it('lists operations added and removed', () => {
    expect(diff.operationsAdded).toEqual([{ method: 'patch', path: '/v1/things/{id}' }]);
    expect(diff.operationsRemoved).toEqual([{ method: 'post', path: '/v1/things' }]);
  });

  it('reports each parameter change with its kind, location and before/after', () => {
    expect(diff.parameterChanges).toEqual([
      {
        method: 'get',
        path: '/v1/things',
        name: 'filter',
        kind: 'added',
        in: 'query',
        after: false,
      },
      {
        method: 'get',
        path: '/v1/things',
        name: 'page',
        kind: 'required',
        in: 'query',
        before: false,
        after: true,
      },
      {
        method: 'get',
        path: '/v1/things',
        name: 'section',
        kind: 'type',
        in: 'query',
        before: '"GENERAL"|"HARDWARE"',
        after: '"GENERAL"|"HARDWARE"|"SOFTWARE"',
      },
      { method: 'get', path: '/v1/things', name: 'sort', kind: 'removed', in: 'query' },
      {
        method: 'delete',
        path: '/v1/things/{id}',
        name: 'force',
        kind: 'location',
        in: 'query',
        before: 'header',
        after: 'query',
      },
      {
        method: 'delete',
        path: '/v1/things/{id}',
        name: 'force',
        kind: 'type',
        in: 'query',
        before: 'boolean',
        after: 'string',
      },
    ] satisfies SpecDiff['parameterChanges']);
  });

  it('reports privileges gained and lost, and deprecation flips', () => {
    expect(diff.privilegeChanges).toEqual([
      { method: 'get', path: '/v1/things', added: ['Read Inventory'], removed: [] },
      { method: 'delete', path: '/v1/things/{id}', added: [], removed: ['Delete Things'] },
    ]);
    expect(diff.deprecationChanges).toEqual([
      { method: 'delete', path: '/v1/things/{id}', deprecated: true },
    ]);
  });

  it('labels each side with its version', () => {
    expect(diff.from).toEqual({ source: 'v1', version: '1.0.0' });
    expect(diff.to).toEqual({ source: 'v2', version: '2.0.0' });
  });

  it('renders a readable report', () => {
    const text = formatDiff(diff);
    expect(text).toContain('Operations added (1)\n  + PATCH /v1/things/{id}');
    expect(text).toContain('Operations removed (1)\n  - POST /v1/things');
    expect(text).toContain('GET /v1/things  query section: enum +"SOFTWARE"');
    expect(text).toContain('DELETE /v1/things/{id}  query force: location header → query');
    expect(text).toContain('GET /v1/things  +"Read Inventory"');
    expect(text).toContain('DELETE /v1/things/{id}: now deprecated');
  });

  it('prints JSON with --json and exits 1 when documents differ', async () => {
    const { code, out } = await runDiff(V1, V2, '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as SpecDiff;
    expect(parsed.operationsAdded).toEqual(diff.operationsAdded);
    expect(parsed.from.source).toBe(V1);
  });

  it('exits 0 for identical documents and 2 for a missing one', async () => {
    expect((await runDiff(V1, V1)).code).toBe(0);
    const missing = await runDiff(V1, resolve(import.meta.dirname, 'fixtures/absent.json'));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('absent.json');
  });
});

describe.skipIf(!hasReference)(`diff of Jamf Pro 11.23.2 → 11.30.1 ${NEEDS_REFERENCE}`, () => {
  // Read in beforeAll: a skipped describe still runs its body, and the files may be absent.
  let diff: ReturnType<typeof diffSpecs>;
  beforeAll(() => {
    diff = diffSpecs(read(proSchemaPath('11.23.2')), read(proSchemaPath('11.30.1')), {
      from: '11.23.2',
      to: '11.30.1',
    });
  });
  const has = (list: { method: string; path: string }[], method: string, path: string) =>
    list.some((o) => o.method === method && o.path === path);

  it('finds the operations Jamf added and removed', () => {
    expect(diff.operationsAdded).toHaveLength(87);
    expect(diff.operationsRemoved).toHaveLength(10);
    expect(has(diff.operationsAdded, 'get', '/v1/account-groups')).toBe(true);
    expect(
      has(diff.operationsAdded, 'get', '/v4/computers-inventory/{id}/view-recovery-lock-password'),
    ).toBe(true);
    expect(has(diff.operationsRemoved, 'get', '/v2/sso')).toBe(true);
    expect(has(diff.operationsRemoved, 'put', '/v1/smtp-server')).toBe(true);
  });

  it('finds the required-privilege changes', () => {
    expect(diff.privilegeChanges).toEqual([
      {
        method: 'get',
        path: '/v1/devices/{id}/groups',
        added: [],
        removed: [
          'Read Static Computer Groups',
          'Read Smart Computer Groups',
          'Read Static Mobile Device Groups',
          'Read Smart Mobile Device Groups',
        ],
      },
      {
        method: 'get',
        path: '/v2/local-admin-password/settings',
        added: ['Read User-Initiated Enrollment'],
        removed: [],
      },
    ]);
  });

  it('finds the parameter changes and newly deprecated operations', () => {
    expect(
      diff.parameterChanges.map((c) => `${c.method} ${c.path} ${c.in} ${c.name} ${c.kind}`),
    ).toEqual([
      'delete /v1/notifications/{type}/{id} path type type',
      'get /v2/mobile-devices/detail query exception-handling added',
    ]);
    expect(diff.deprecationChanges).toHaveLength(68);
    expect(diff.deprecationChanges).toContainEqual({
      method: 'post',
      path: '/v1/computer-inventory/{id}/erase',
      deprecated: true,
    });
    expect(diff.deprecationChanges.every((c) => c.deprecated)).toBe(true);
  });
});
