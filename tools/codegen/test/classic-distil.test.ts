import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { distilClassic } from '../src/classic-distil.js';
import { main } from '../src/index.js';
import { hasReference, NEEDS_REFERENCE, REFERENCE_DIR } from './reference.js';
import { createTempRoot, logSink, type TempRoot } from './temp-root.js';

/** A Classic swagger in Jamf's style, with its known defects, and schemas in Jamf's XML style. */
const SWAGGER = {
  swagger: '2.0',
  info: { title: 'Classic', description: 'prose to drop', version: 'production' },
  basePath: '/JSSResource/',
  paths: {
    '/widgets': {
      get: {
        operationId: 'findWidgets',
        summary: 'Finds all widgets',
        responses: { '200': { description: 'No response was specified' } },
      },
    },
    '/widgets/id/{id}': {
      get: {
        operationId: 'findWidgetsById',
        description: 'prose',
        parameters: [
          {
            in: 'path',
            name: 'id',
            required: true,
            type: 'integer',
            format: 'int64',
            description: 'prose',
          },
        ],
        responses: { '200': { description: 'x' } },
      },
      post: {
        operationId: 'createWidgetById',
        parameters: [{ in: 'path', name: 'id', required: true, type: 'string' }],
        responses: { '200': { description: 'x' } },
      },
      delete: {
        operationId: 'findWidgetsById',
        parameters: [{ in: 'path', name: 'id', required: true, type: 'integer', format: 'int64' }],
        responses: { '200': { description: 'x' } },
      },
    },
    '/widgets/name/{name}': {
      get: {
        operationId: 'findWidgetsByName',
        parameters: [
          { name: 'name', required: true, type: 'string' },
          { in: 'path', name: 'ghost', required: true, type: 'string' },
        ],
        responses: { '200': { description: 'x' } },
      },
    },
    '/logflush/{log}': {
      delete: { operationId: 'flush', responses: { '200': { description: 'x' } } },
    },
  },
};

const SCHEMAS = {
  openapi: '3.0.3',
  'x-jamf-classic-resources': {},
  components: {
    schemas: {
      size: { type: 'integer', example: 1 },
      widgets: {
        type: 'array',
        items: {
          properties: {
            size: { $ref: '#/components/schemas/size' },
            widget: { $ref: '#/components/schemas/id_name' },
          },
        },
      },
      id_name: {
        type: 'object',
        properties: { id: { type: 'integer' }, name: { type: 'string' } },
      },
      widget: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', description: 'Name of the widget', example: 'Blue' },
          enabled: { type: 'boolean', default: false },
          parts: {
            type: 'array',
            items: {
              properties: {
                part: { type: 'object', properties: { id: { type: 'integer' } } },
                size: { $ref: '#/components/schemas/size' },
              },
            },
          },
          tags: {
            type: 'object',
            properties: { tag: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const distilled = () =>
  distilClassic(structuredClone(SWAGGER), structuredClone(SCHEMAS), '11.30.1');
// biome-ignore lint/suspicious/noExplicitAny: the tests walk untyped JSON documents
type Json = Record<string, any>;

describe('Classic distiller', () => {
  it('turns XML-style arrays into JSON arrays and keeps the XML facts beside them', () => {
    const schemas = (distilled().spec.components as Json).schemas as Json;
    expect(schemas.widgets).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/id_name' },
      xml: { wrapped: true },
      'x-jamf-classic-item': 'widget',
      'x-jamf-classic-size': true,
    });
    expect(schemas.widget.properties.parts).toMatchObject({
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' } }, xml: { name: 'part' } },
      'x-jamf-classic-item': 'part',
      'x-jamf-classic-size': true,
    });
    expect(schemas.widget.properties.tags).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      'x-jamf-classic-item': 'tag',
    });
    // A default would make openapi-typescript require the field on writes.
    expect(schemas.widget.properties.enabled).toEqual({ type: 'boolean', 'x-jamf-default': false });
  });

  it('drops Jamf prose from paths and schemas', () => {
    const text = JSON.stringify(distilled().spec);
    for (const prose of [
      'prose',
      'Finds all widgets',
      'Name of the widget',
      'Blue',
      'No response was specified',
    ]) {
      expect(text).not.toContain(prose);
    }
  });

  it('repairs parameters and operation ids, and reports each repair', () => {
    const { spec, repairs } = distilled();
    const paths = spec.paths as Json;
    expect(paths['/widgets/name/{name}'].get.parameters).toEqual([
      { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(paths['/logflush/{log}'].delete.parameters).toEqual([
      { name: 'log', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(paths['/widgets/id/{id}'].post.parameters[0].schema).toEqual({
      type: 'integer',
      format: 'int64',
    });
    expect(paths['/widgets/id/{id}'].delete.operationId).toBeUndefined();
    expect(repairs).toHaveLength(5);
  });

  it('types reads as JSON under the root element and XML, writes as XML with a 201 id', () => {
    const { spec } = distilled();
    const paths = spec.paths as Json;
    expect(
      paths['/widgets/id/{id}'].get.responses['200'].content['application/json'].schema,
    ).toEqual({
      type: 'object',
      required: ['widget'],
      properties: { widget: { $ref: '#/components/schemas/widget' } },
    });
    expect(
      paths['/widgets/id/{id}'].get.responses['200'].content['application/xml'].schema.xml,
    ).toEqual({ name: 'widget' });
    expect(
      paths['/widgets/id/{id}'].post.requestBody.content['application/xml'].schema.allOf,
    ).toEqual([{ $ref: '#/components/schemas/widget' }]);
    expect(paths['/widgets/id/{id}'].post.responses['201']).toBeDefined();
    expect(
      paths['/widgets'].get.responses['200'].content['application/json'].schema.properties,
    ).toEqual({
      widgets: { $ref: '#/components/schemas/widgets' },
    });
    expect(paths['/widgets'].get.responses['4XX']).toEqual({
      $ref: '#/components/responses/ClassicErrorPage',
    });
    expect(spec.servers).toEqual([{ url: '/JSSResource' }]);
  });

  it('derives the resource table: list, lookups and their methods', () => {
    const resources = distilled().spec['x-jamf-classic-resources'] as Json;
    expect(resources).toEqual({
      widgets: {
        segment: 'widgets',
        root: 'widget',
        schema: 'widget',
        list: { path: '/widgets', root: 'widgets', schema: 'widgets' },
        lookups: {
          id: { path: '/widgets/id/{id}', param: 'id', methods: ['get', 'post', 'delete'] },
          name: { path: '/widgets/name/{name}', param: 'name', methods: ['get'] },
        },
      },
    });
  });
});

describe('classic target', () => {
  let root: TempRoot;
  beforeEach(async () => {
    root = await createTempRoot();
    await writeFile(join(root.path, 'classic.yaml'), JSON.stringify(SWAGGER));
    await writeFile(join(root.path, 'classic-schemas.json'), JSON.stringify(SCHEMAS));
  });
  afterEach(() => root.remove());

  it('writes the spec, the types and the resource table, and --check then passes', async () => {
    const sink = logSink();
    const from = join(root.path, 'classic.yaml');
    expect(
      await main(['--target', 'classic', '--from', from], { root: root.path, log: sink.log }),
      sink.text(),
    ).toBe(0);
    const types = await readFile(
      join(root.path, 'packages/classic-api/src/generated/openapi.ts'),
      'utf8',
    );
    expect(types).toContain('"/widgets/id/{id}"');
    const table = await readFile(
      join(root.path, 'packages/classic-api/src/generated/resources.ts'),
      'utf8',
    );
    expect(table).toContain('"widgets": {"list":{"path":"/widgets"');
    expect(table).toContain(
      '"widget":{"o":{"enabled":"b","name":"s","parts":{"a":"part","i":{"o":{"id":"n"}},"s":true}',
    );
    expect(
      await main(['--check', '--target', 'classic', '--from', from], {
        root: root.path,
        log: sink.log,
      }),
    ).toBe(0);
  });
});

describe.skipIf(!hasReference)(`Classic distiller on Jamf's documents ${NEEDS_REFERENCE}`, () => {
  it('keeps every swagger path and operation, types the focus resources, and carries no prose', async () => {
    const swagger = parseYaml(
      await readFile(resolve(REFERENCE_DIR, 'jamf-pro-11.30.1.classic-swagger.yaml'), 'utf8'),
    );
    const schemas = JSON.parse(
      await readFile(resolve(REFERENCE_DIR, 'classic-schemas.json'), 'utf8'),
    );
    const { spec } = distilClassic(swagger, schemas, '11.30.1');
    const paths = spec.paths as Json;
    expect(Object.keys(paths).sort()).toEqual(Object.keys(swagger.paths).sort());
    const count = (p: Json) =>
      Object.values(p).reduce((n: number, item: Json) => n + Object.keys(item).length, 0);
    expect(count(paths)).toBe(count(swagger.paths));
    const resources = spec['x-jamf-classic-resources'] as Json;
    for (const name of [
      'computers',
      'mobiledevices',
      'computergroups',
      'policies',
      'scripts',
      'categories',
      'departments',
      'buildings',
      'accountusers',
      'accountgroups',
    ]) {
      expect(resources[name]?.lookups.id?.methods, name).toContain('get');
    }
    expect(Object.keys(resources.computers.lookups).sort()).toEqual([
      'id',
      'macaddress',
      'name',
      'serialnumber',
      'udid',
    ]);
    expect(Object.keys(resources.computerhistory.lookups).sort()).toEqual([
      'id',
      'macaddress',
      'name',
      'serialnumber',
      'udid',
    ]);
    expect(resources.activationcode.singleton).toEqual({
      path: '/activationcode',
      methods: ['get', 'put'],
    });
    const typedReads = Object.values(paths).filter(
      (item: Json) => item.get?.responses['200'].content,
    );
    expect(typedReads.length).toBeGreaterThanOrEqual(214);
    expect(
      paths['/computers/match/{match}'].get.responses['200'].content['application/json'].schema
        .required,
    ).toEqual(['computers']);
    const text = JSON.stringify(spec);
    expect(text).not.toMatch(/"(summary|example|examples|externalDocs)":/);
    expect(text).not.toMatch(/"description":"[^"]/);
  });
});
