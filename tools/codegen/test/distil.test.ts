import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distil, listOperations, main } from '../src/index.js';
import { hasReference, NEEDS_REFERENCE, proSchemaPath, REPO_ROOT } from './reference.js';
import { createTempRoot, logSink, type TempRoot } from './temp-root.js';

/** Keys that hold Jamf's prose wherever they appear as a keyword (not as a name in a name map). */
const PROSE_KEYS = [
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'termsOfService',
  'title',
];
/** Keys whose children are names chosen by the document (a property called `title` is a fact). */
const NAME_MAPS = new Set([
  'paths',
  'properties',
  'schemas',
  'parameters',
  'responses',
  'content',
  'securitySchemes',
  'scopes',
  'mapping',
]);

function proseKeysIn(node: unknown, at: string, found: string[], isNameMap = false): string[] {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      proseKeysIn(child, `${at}/${i}`, found);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      if (!isNameMap && PROSE_KEYS.includes(key) && !(here === '/info/title')) {
        // OpenAPI requires a response description; the distiller empties it.
        if (
          !(key === 'description' && value === '' && /\/responses\/[^/]+\/description$/.test(here))
        )
          found.push(here);
      }
      proseKeysIn(
        value,
        here,
        found,
        !isNameMap && NAME_MAPS.has(key) && (key !== 'parameters' || !Array.isArray(value)),
      );
    }
  }
  return found;
}

describe('prose detection used below', () => {
  it('flags prose keywords and spares names and empty response descriptions', () => {
    const doc = {
      info: { title: 'kept', description: 'prose' },
      paths: { '/x': { get: { summary: 'prose', responses: { '200': { description: '' } } } } },
      components: {
        schemas: { A: { properties: { title: { type: 'string', example: 'prose' } } } },
      },
    };
    expect(proseKeysIn(doc, '', [])).toEqual([
      '/info/description',
      '/paths//x/get/summary',
      '/components/schemas/A/properties/title/example',
    ]);
  });
});

describe('documented filter and sort fields', () => {
  const parameter = (name: string, description: string) => ({
    paths: { '/x': { get: { parameters: [{ name, in: 'query', description }], responses: {} } } },
  });
  type Distilled = {
    paths: Record<string, { get: { parameters: Array<Record<string, unknown>> } }>;
  };
  const fieldsOf = (document: Record<string, unknown>) => {
    const facts = distil(document, { product: 'p', jamfProVersion: '1' }) as Distilled;
    return facts.paths['/x']?.get.parameters[0]?.['x-jamf-fields'];
  };

  it('keeps the names of a backticked list as x-jamf-fields, and not the prose', () => {
    const document = parameter(
      'filter',
      'Query in RSQL.\n\nFields allowed in the query: `general.name`, `udid`,\n`general.remoteManagement.managed`.\n\nExample: `general.name=="x"`',
    );
    expect(fieldsOf(document)).toEqual([
      'general.name',
      'udid',
      'general.remoteManagement.managed',
    ]);
    expect(proseKeysIn(distil(document, { product: 'p', jamfProVersion: '1' }), '', [])).toEqual(
      [],
    );
  });

  it('reads a plain list up to the sentence that follows it', () => {
    const plain =
      'Default sort is id:asc. Fields allowed in the query: groupName, groupType, isSmart. When using groupType in the filter, the value must be either MOBILE';
    expect(fieldsOf(parameter('filter', plain))).toEqual(['groupName', 'groupType', 'isSmart']);
    const run =
      'Fields allowed in the query: id, username, date, note, details Multiple sort criteria are supported';
    expect(fieldsOf(parameter('sort', run))).toEqual(['id', 'username', 'date', 'note', 'details']);
  });

  it('adds nothing to other parameters or to a description without a list', () => {
    expect(fieldsOf(parameter('section', 'Fields allowed in the query: `a`'))).toBeUndefined();
    expect(fieldsOf(parameter('filter', 'Query in the RSQL format.'))).toBeUndefined();
  });
});

describe.skipIf(!hasReference)(`distilling Jamf Pro schemas ${NEEDS_REFERENCE}`, () => {
  const committed = JSON.parse(
    readFileSync(resolve(REPO_ROOT, 'specs/jamf-pro.openapi.json'), 'utf8'),
  );

  it('keeps every one of the 817 operations of 11.30.1', () => {
    const source = JSON.parse(readFileSync(proSchemaPath('11.30.1'), 'utf8'));
    const expected = listOperations(source).map((o) => `${o.method} ${o.path}`);
    const distilled = new Set(listOperations(committed).map((o) => `${o.method} ${o.path}`));
    expect(expected).toHaveLength(817);
    expect(expected.filter((op) => !distilled.has(op))).toEqual([]);
  });

  it('keeps facts (privileges, enums, deprecation) and none of the prose', () => {
    expect(proseKeysIn(committed, '', [])).toEqual([]);
    expect(committed.info).toEqual({ title: 'Jamf Pro API', version: '11.30.1' });
    expect(committed.paths['/v1/api-roles'].get['x-required-privileges']).toEqual([
      'Read API Roles',
    ]);
    expect(committed.paths['/v1/computer-inventory/{id}/erase'].post.deprecated).toBe(true);
    expect(committed.paths['/v1/api-roles'].get.responses['200'].description).toBe('');
  });

  describe('regenerating from 11.23.2 into a temporary root', () => {
    let root: TempRoot;
    const sink = logSink();
    let code: number;
    beforeAll(async () => {
      root = await createTempRoot({ withRepoOverlays: true });
      const options = { root: root.path, log: sink.log };
      code = await main(['--target', 'pro', '--from', proSchemaPath('11.23.2')], options);
      if (code === 0) code = await main(['--target', 'pro-areas'], options);
    }, 120_000);
    afterAll(() => root.remove());
    const read = (path: string) => readFile(join(root.path, path), 'utf8');

    it('writes the 11.23.2 spec, types and privileges', async () => {
      expect(code, sink.text()).toBe(0);
      const spec = JSON.parse(await read('specs/jamf-pro.openapi.json'));
      expect(spec['x-jamf-source'].jamfProVersion).toBe('11.23.2');
      expect(spec.paths['/v1/smtp-server']).toBeDefined();
      expect(spec.paths['/v1/account-groups']).toBeUndefined();
      expect(proseKeysIn(spec, '', [])).toEqual([]);
      const types = await read('packages/pro-api/src/generated/openapi.ts');
      expect(types).toContain('Jamf Pro 11.23.2');
      expect(types).toContain('"/v1/smtp-server": {');
      const privileges = await read('packages/pro-api/src/generated/privileges.ts');
      expect(privileges).toContain('"/v2/local-admin-password/settings"');
    });

    it('writes the 11.23.2 areas', async () => {
      const sso = await read('packages/pro-api/src/generated/areas/sso-settings.ts');
      expect(sso).toContain('"/v2/sso": {');
    });

    it('never touches the real checkout', async () => {
      const real = readFileSync(resolve(REPO_ROOT, 'specs/jamf-pro.openapi.json'), 'utf8');
      expect(JSON.parse(real)['x-jamf-source'].jamfProVersion).toBe('11.30.1');
    });
  });
});
