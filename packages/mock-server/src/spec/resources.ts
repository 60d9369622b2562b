import {
  listSpecOperations,
  type OpenApiDocument,
  type SpecOperation,
} from './openapi-document.js';
import { flattenSchema, responseSchemaOf, type SchemaNode } from './responder/conform.js';
import { successStatus } from './responder/respond.js';

/**
 * A collection of the Pro API derived from the spec: a path whose list `GET` and/or `POST` work on
 * objects that the item path (`{id}`) reads, replaces, merges or deletes. Sub-collections below
 * another object (`/v1/buildings/{id}/history`) have a parent parameter and may lack an item path.
 */
export interface DerivedCollection {
  /** Collection template relative to `/api`, e.g. `/v1/packages` or `/v1/buildings/{id}/history`. */
  collection: string;
  /** Item template, e.g. `/v1/packages/{id}`; undefined for append-only collections. */
  item: string | undefined;
  /** Name of the item path's id parameter (`id`, `panel-id`, …). */
  idParam: string | undefined;
  /** `GET` of the collection, with how it lists: a page (`{totalCount, results}`) or a plain array. */
  list: SpecOperation | undefined;
  listShape: 'page' | 'array' | undefined;
  create: SpecOperation | undefined;
  read: SpecOperation | undefined;
  replace: SpecOperation | undefined;
  merge: SpecOperation | undefined;
  remove: SpecOperation | undefined;
  /** Schema of one object as served: the item `GET`'s, else one element of the list. */
  objectSchema: unknown;
  /** Fields `filter` and `sort` may name: the object's properties, dotted one level into objects. */
  queryFields: readonly string[];
  /** Sort applied when a list request names none: the spec's default, else `id:asc` where there is an id. */
  defaultSort: readonly string[];
  /** Type of the object's `id` property in the served schema. */
  idType: 'string' | 'integer';
}

/**
 * A settings object of the Pro API derived from the spec: a path without an id whose `GET` answers
 * one object and whose `PUT` or `PATCH` changes it (`/v1/sso`, `/v2/check-in`).
 */
export interface DerivedSingleton {
  path: string;
  read: SpecOperation;
  replace: SpecOperation | undefined;
  merge: SpecOperation | undefined;
}

/** What the spec says is state: collections and settings singletons. */
export interface DerivedResources {
  collections: readonly DerivedCollection[];
  singletons: readonly DerivedSingleton[];
}

const ID_SEGMENT = /^\{([^}]*id)\}$/i;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function hasJsonBody(operation: SpecOperation): boolean {
  const body = operation.object.requestBody;
  const resolved =
    isNode(body) && typeof body.$ref === 'string'
      ? (operation.document.components?.requestBodies as Record<string, unknown> | undefined)?.[
          body.$ref.split('/').pop() ?? ''
        ]
      : body;
  if (!isNode(resolved) || !isNode(resolved.content)) return false;
  return Object.keys(resolved.content).some((key) => key.includes('json'));
}

/** The list shape of a `GET`'s success body, or undefined when it answers one object. */
function listShapeOf(operation: SpecOperation): 'page' | 'array' | undefined {
  const schema = flattenSchema(responseSchemaOf(operation, 200), operation.document);
  const properties = isNode(schema.properties) ? schema.properties : {};
  if ('results' in properties && 'totalCount' in properties) return 'page';
  if (schema.type === 'array' && isNode(flattenSchema(schema.items, operation.document).properties))
    return 'array';
  return undefined;
}

/** The schema of one element of a list answer. */
function elementSchema(operation: SpecOperation, shape: 'page' | 'array'): unknown {
  const schema = flattenSchema(responseSchemaOf(operation, 200), operation.document);
  if (shape === 'array') return schema.items;
  const results = isNode(schema.properties) ? schema.properties.results : undefined;
  return flattenSchema(results, operation.document).items;
}

/** A `POST` that creates: a JSON body and a success body carrying the new object's `id`. */
function isCreate(operation: SpecOperation): boolean {
  if (!hasJsonBody(operation)) return false;
  const status = successStatus(operation);
  const schema = flattenSchema(responseSchemaOf(operation, status), operation.document);
  return isNode(schema.properties) && 'id' in schema.properties;
}

function isObjectAnswer(operation: SpecOperation): boolean {
  const schema = flattenSchema(responseSchemaOf(operation, 200), operation.document);
  return schema.type === 'object' || isNode(schema.properties);
}

function queryFieldsOf(schema: unknown, document: OpenApiDocument): string[] {
  const fields: string[] = [];
  const top = flattenSchema(schema, document);
  for (const [name, property] of Object.entries(isNode(top.properties) ? top.properties : {})) {
    const flat = flattenSchema(property, document);
    if (isNode(flat.properties) && Object.keys(flat.properties).length > 0) {
      for (const [inner, innerSchema] of Object.entries(flat.properties)) {
        const innerFlat = flattenSchema(innerSchema, document);
        if (innerFlat.type !== 'object' && innerFlat.type !== 'array')
          fields.push(`${name}.${inner}`);
      }
    } else if (flat.type !== 'array') {
      fields.push(name);
    }
  }
  return fields;
}

/** The `sort` parameter's declared default of a list, else `id:asc` when `id` is a field. */
function defaultSortOf(list: SpecOperation | undefined, fields: readonly string[]): string[] {
  const parameters = Array.isArray(list?.object.parameters) ? list.object.parameters : [];
  for (const parameter of parameters) {
    if (!isNode(parameter) || parameter.name !== 'sort') continue;
    const schema = isNode(parameter.schema) ? parameter.schema : {};
    const declared = Array.isArray(schema.default) ? schema.default : [schema.default];
    const sort = declared.filter(
      (entry): entry is string => typeof entry === 'string' && entry !== '',
    );
    if (sort.every((entry) => fields.includes(entry.split(':')[0] ?? ''))) return sort;
  }
  return fields.includes('id') ? ['id:asc'] : [];
}

const listFields = new WeakMap<object, readonly string[] | undefined>();

/**
 * The fields `filter` and `sort` may name on a paged list operation (its result objects'
 * properties, dotted one level into objects, and those Jamf documents for the operation), or
 * undefined for an operation that is no such list.
 */
export function listQueryFields(
  operation: SpecOperation | undefined,
): readonly string[] | undefined {
  if (operation === undefined) return undefined;
  if (listFields.has(operation.object)) return listFields.get(operation.object);
  const shape = operation.method === 'get' ? listShapeOf(operation) : undefined;
  const fields =
    shape === 'page'
      ? [
          ...new Set([
            ...queryFieldsOf(elementSchema(operation, shape), operation.document),
            ...documentedQueryFields(operation),
          ]),
        ]
      : undefined;
  listFields.set(operation.object, fields);
  return fields;
}

/**
 * The fields the operation's `filter` and `sort` parameters document as allowed (`x-jamf-fields`,
 * distilled by codegen from Jamf's parameter descriptions), some deeper than one level
 * (`general.remoteManagement.managed`) or absent from the response schema.
 */
function documentedQueryFields(operation: SpecOperation): string[] {
  const parameters = Array.isArray(operation.object.parameters) ? operation.object.parameters : [];
  return parameters.flatMap((parameter) => {
    const flat = flattenSchema(parameter, operation.document);
    const fields = flat['x-jamf-fields'];
    return (flat.name === 'filter' || flat.name === 'sort') && Array.isArray(fields)
      ? fields.filter((field): field is string => typeof field === 'string')
      : [];
  });
}

const derived = new WeakMap<OpenApiDocument, DerivedResources>();

/**
 * Derives the stateful resources of a Pro document: every collection (a path with a list `GET`
 * and/or a creating `POST`, and an `{id}` item path, or a sub-collection that only lists and adds)
 * and every settings singleton. Computed once per document.
 */
export function deriveResources(document: OpenApiDocument): DerivedResources {
  const cached = derived.get(document);
  if (cached) return cached;
  const byPath = new Map<string, Map<string, SpecOperation>>();
  for (const operation of listSpecOperations(document)) {
    const methods = byPath.get(operation.path) ?? new Map<string, SpecOperation>();
    methods.set(operation.method, operation);
    byPath.set(operation.path, methods);
  }
  const collections: DerivedCollection[] = [];
  const collectionPaths = new Set<string>();
  for (const [path, methods] of byPath) {
    if (lastSegment(path).startsWith('{')) continue;
    const get = methods.get('get');
    const post = methods.get('post');
    const listShape = get ? listShapeOf(get) : undefined;
    const list = listShape ? get : undefined;
    const create = post && isCreate(post) ? post : undefined;
    if (!list && !create) continue;
    const item = [...byPath.keys()].find(
      (candidate) =>
        candidate.startsWith(`${path}/`) &&
        ID_SEGMENT.test(candidate.slice(path.length + 1)) &&
        byPath.get(candidate)?.has('get'),
    );
    const itemMethods = item ? byPath.get(item) : undefined;
    const read = itemMethods?.get('get');
    // Without an item path only a paged list that one can add to is a collection (history, notes).
    if (!read && !(listShape === 'page' && create)) continue;
    if (read && !isObjectAnswer(read)) continue;
    const objectSchema = read
      ? responseSchemaOf(read, 200)
      : elementSchema(list as SpecOperation, listShape as 'page');
    const listSchema = list && listShape ? elementSchema(list, listShape) : objectSchema;
    const queryFields = [
      ...new Set([
        ...queryFieldsOf(listSchema, document),
        ...(list ? documentedQueryFields(list) : []),
      ]),
    ];
    const idSchema = flattenSchema(objectSchema, document);
    const idProperty = isNode(idSchema.properties)
      ? flattenSchema(idSchema.properties.id, document)
      : {};
    collections.push({
      collection: path,
      item: read ? item : undefined,
      idParam: read && item ? ID_SEGMENT.exec(lastSegment(item))?.[1] : undefined,
      list,
      listShape,
      create,
      read,
      replace: itemMethods?.get('put'),
      merge: itemMethods?.get('patch'),
      remove: itemMethods?.get('delete'),
      objectSchema,
      queryFields,
      defaultSort: defaultSortOf(list, queryFields),
      idType: idProperty.type === 'integer' ? 'integer' : 'string',
    });
    collectionPaths.add(path);
    if (read && item) collectionPaths.add(item);
  }
  const singletons: DerivedSingleton[] = [];
  for (const [path, methods] of byPath) {
    if (collectionPaths.has(path) || lastSegment(path).startsWith('{')) continue;
    const read = methods.get('get');
    const replace = methods.get('put');
    const merge = methods.get('patch');
    if (!read || (!replace && !merge) || !isObjectAnswer(read) || listShapeOf(read)) continue;
    if ((replace && !hasJsonBody(replace)) || (merge && !hasJsonBody(merge))) continue;
    singletons.push({ path, read, replace, merge });
  }
  const result = { collections, singletons };
  derived.set(document, result);
  return result;
}
