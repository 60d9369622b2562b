import {
  type ClassicResource,
  findClassicResources,
  type SchemaResourceFacts,
} from './classic-resources.js';
import { normaliseClassicArrays } from './classic-schemas.js';
import { distil } from './distil.js';
import { HTTP_METHODS } from './operations.js';

/** What the distiller reports beside the document: each repair of the swagger, for the log. */
export interface ClassicDistilled {
  spec: Record<string, unknown>;
  repairs: string[];
}

const XML = 'application/xml';
const JSON_TYPE = 'application/json';
const ERROR_STATUSES = ['4XX', '5XX'];

/**
 * Jamf's Classic swagger (2.0, operations only) and the Classic object schemas → one fact-only
 * OpenAPI 3 document: typed path parameters, JSON and XML reads, XML writes, the 201 `<id>`
 * answer, HTML error pages, and the resource table in `x-jamf-classic-resources`.
 */
export function distilClassic(
  swagger: Record<string, unknown>,
  schemasDocument: Record<string, unknown>,
  jamfProVersion: string,
): ClassicDistilled {
  const repairs: string[] = [];
  const facts = distil(swagger, { product: 'Jamf Classic API', jamfProVersion });
  const schemaFacts = distil(schemasDocument, { product: 'Jamf Classic API', jamfProVersion });
  const rawSchemas = ((schemaFacts.components as Record<string, unknown> | undefined)?.schemas ??
    {}) as Record<string, unknown>;
  const schemas = normaliseClassicArrays(rawSchemas);
  schemas.ClassicCreated = {
    type: 'object',
    properties: { id: { type: 'integer' } },
    required: ['id'],
  };

  const swaggerPaths = (facts.paths ?? {}) as Record<string, Record<string, unknown>>;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const path of Object.keys(swaggerPaths).sort()) {
    const item = swaggerPaths[path] ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, operation] of Object.entries(item)) {
      // Jamf's document has a method key written ' delete'.
      const method = key.trim().toLowerCase();
      if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
      if (!operation || typeof operation !== 'object') continue;
      if (method !== key) repairs.push(`${path}: method key "${key}" read as ${method}`);
      out[method] = convertOperation(path, method, operation as Record<string, unknown>, repairs);
    }
    paths[path] = out;
  }
  dropDuplicateOperationIds(paths, repairs);
  alignPathParameters(paths, repairs);

  const schemaResources = (schemasDocument['x-jamf-classic-resources'] ?? {}) as Record<
    string,
    SchemaResourceFacts
  >;
  const resources = findClassicResources(paths, schemas, schemaResources);
  for (const resource of Object.values(resources)) typeResource(paths, resource);

  const spec: Record<string, unknown> = {
    openapi: '3.0.3',
    info: facts.info,
    servers: [{ url: '/JSSResource' }],
    security: [{ bearerAuth: [] }, { basicAuth: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        basicAuth: { type: 'http', scheme: 'basic' },
      },
      responses: {
        ClassicErrorPage: {
          description: '',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
      },
    },
    tags: facts.tags,
    'x-jamf-source': facts['x-jamf-source'],
    'x-jamf-classic-resources': resources,
  };
  return { spec, repairs };
}

function convertOperation(
  path: string,
  method: string,
  operation: Record<string, unknown>,
  repairs: string[],
): Record<string, unknown> {
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const parameters: Record<string, unknown>[] = [];
  const bodyFields: Record<string, unknown> = {};
  for (const raw of (operation.parameters ?? []) as Record<string, unknown>[]) {
    const name = String(raw.name);
    const where = raw.in as string | undefined;
    if (where === 'path' || (where === undefined && templateNames.includes(name))) {
      if (!templateNames.includes(name)) {
        repairs.push(
          `${method.toUpperCase()} ${path}: dropped path parameter "${name}" absent from the path`,
        );
        continue;
      }
      if (parameters.some((p) => p.name === name)) continue;
      if (where === undefined) {
        repairs.push(
          `${method.toUpperCase()} ${path}: parameter "${name}" had no "in"; it is in the path`,
        );
      }
      parameters.push({ name, in: 'path', required: true, schema: parameterSchema(raw) });
    } else if (where === 'query' || where === 'header') {
      parameters.push({
        name,
        in: where,
        required: raw.required === true,
        schema: parameterSchema(raw),
      });
    } else {
      // Body parameters (several per operation, or missing `in`) describe fields of the XML body.
      if (where === undefined)
        repairs.push(`${method.toUpperCase()} ${path}: parameter "${name}" had no "in"`);
      bodyFields[name] =
        (raw.schema as Record<string, unknown> | undefined) ?? parameterSchema(raw);
    }
  }
  for (const name of templateNames) {
    if (!parameters.some((p) => p.name === name)) {
      repairs.push(`${method.toUpperCase()} ${path}: declared missing path parameter "${name}"`);
      parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of ['operationId', 'tags', 'deprecated', 'x-deprecation-date']) {
    if (operation[key] !== undefined) out[key] = operation[key];
  }
  if (parameters.length > 0) out.parameters = parameters;
  if (Object.keys(bodyFields).length > 0) {
    out.requestBody = {
      required: true,
      content: { [XML]: { schema: { type: 'object', properties: bodyFields } } },
    };
  }
  const responses: Record<string, unknown> = { '200': { description: '' } };
  for (const status of ERROR_STATUSES) {
    responses[status] = { $ref: '#/components/responses/ClassicErrorPage' };
  }
  out.responses = responses;
  return out;
}

/** Jamf reuses some operationIds; OpenAPI needs them unique, so later duplicates lose theirs. */
function dropDuplicateOperationIds(
  paths: Record<string, Record<string, unknown>>,
  repairs: string[],
): void {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as { operationId?: unknown }).operationId;
      if (typeof id !== 'string') continue;
      if (seen.has(id)) {
        delete (operation as { operationId?: unknown }).operationId;
        repairs.push(`${method.toUpperCase()} ${path}: dropped duplicate operationId "${id}"`);
      }
      seen.add(id);
    }
  }
}

/**
 * Jamf types `{id}` as a string on some POSTs and as an integer on the same path's other
 * methods; the path is one resource, so every method takes the GET's (or first) declaration.
 */
function alignPathParameters(
  paths: Record<string, Record<string, unknown>>,
  repairs: string[],
): void {
  for (const [path, item] of Object.entries(paths)) {
    const operations = Object.entries(item) as [
      string,
      { parameters?: Record<string, unknown>[] },
    ][];
    const reference =
      (item.get as { parameters?: Record<string, unknown>[] } | undefined) ?? operations[0]?.[1];
    for (const declared of reference?.parameters ?? []) {
      if (declared.in !== 'path') continue;
      const wanted = JSON.stringify(declared.schema);
      for (const [method, operation] of operations) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'path' || parameter.name !== declared.name) continue;
          if (JSON.stringify(parameter.schema) === wanted) continue;
          parameter.schema = structuredClone(declared.schema);
          repairs.push(
            `${method.toUpperCase()} ${path}: path parameter "${String(declared.name)}" typed as on the other methods`,
          );
        }
      }
    }
  }
}

function parameterSchema(raw: Record<string, unknown>): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: raw.type ?? 'string' };
  for (const key of ['format', 'enum', 'items', 'default', 'minimum', 'maximum']) {
    if (raw[key] !== undefined) schema[key] = raw[key];
  }
  return schema;
}

/** Adds the resource's JSON/XML read bodies, XML write bodies and 201 answers to its paths. */
function typeResource(
  paths: Record<string, Record<string, unknown>>,
  resource: ClassicResource,
): void {
  const ref = { $ref: `#/components/schemas/${resource.schema}` };
  const wrapped = (root: string, schema: unknown) => ({
    type: 'object',
    required: [root],
    properties: { [root]: schema },
  });
  const read = (root: string, schema: unknown) => ({
    description: '',
    content: {
      [JSON_TYPE]: { schema: wrapped(root, schema) },
      [XML]: { schema: { allOf: [schema], xml: { name: root } } },
    },
  });
  const write = (operation: Record<string, unknown>) => {
    operation.requestBody = {
      required: true,
      content: { [XML]: { schema: { allOf: [ref], xml: { name: resource.root } } } },
    };
    (operation.responses as Record<string, unknown>)['201'] = {
      description: '',
      content: {
        [XML]: {
          schema: {
            allOf: [{ $ref: '#/components/schemas/ClassicCreated' }],
            xml: { name: resource.root },
          },
        },
      },
    };
  };
  const objectPaths = [
    ...Object.values(resource.lookups).map((lookup) => lookup.path),
    ...(resource.singleton ? [resource.singleton.path] : []),
  ];
  for (const path of objectPaths) {
    const item = paths[path] ?? {};
    const get = item.get as Record<string, unknown> | undefined;
    if (get) (get.responses as Record<string, unknown>)['200'] = read(resource.root, ref);
    for (const method of ['post', 'put']) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (operation) write(operation);
    }
    const subset = paths[`${path}/subset/{subset}`]?.get as Record<string, unknown> | undefined;
    if (subset) (subset.responses as Record<string, unknown>)['200'] = read(resource.root, ref);
  }
  const list = resource.list;
  if (list) {
    const get = paths[list.path]?.get as Record<string, unknown> | undefined;
    const listRef = { $ref: `#/components/schemas/${list.schema}` };
    if (get) (get.responses as Record<string, unknown>)['200'] = read(list.root, listRef);
  }
  // Other reads of the segment: searches answer the list, other lookups the object.
  const prefix = resource.segment === 'accounts' ? undefined : `/${resource.segment}/`;
  for (const [path, item] of Object.entries(paths)) {
    const get = item.get as { responses: Record<string, unknown> } | undefined;
    if (!prefix || !path.startsWith(prefix) || !get || isTyped(get.responses['200'])) continue;
    const words = path.slice(prefix.length).split('/');
    const isSearch = words.some((word) => LIST_WORDS.has(word));
    if (isSearch && list) {
      get.responses['200'] = read(list.root, { $ref: `#/components/schemas/${list.schema}` });
    } else if (!isSearch && isObjectLookup(words, resource)) {
      get.responses['200'] = read(resource.root, ref);
    }
  }
}

/** Path words of reads that answer a list (`/computers/match/{match}`, `/users/email/{email}`). */
const LIST_WORDS = new Set(['match', 'category', 'createdBy', 'email']);

/**
 * `/<segment>/<word>/{value}`, optionally followed by `/version/{version}` or
 * `/subset/{subset}`, addresses one object; for a segment named after its object schema
 * (`computerhistory`, `computerapplications`) every read does.
 */
function isObjectLookup(words: string[], resource: ClassicResource): boolean {
  if (resource.root.replaceAll('_', '') === resource.segment) return true;
  const [word, value, ...rest] = words;
  if (!word || word.startsWith('{') || !value?.startsWith('{')) return false;
  return rest.length === 0 || (rest.length === 2 && ['version', 'subset'].includes(rest[0] ?? ''));
}

function isTyped(response: unknown): boolean {
  return typeof response === 'object' && response !== null && 'content' in response;
}
