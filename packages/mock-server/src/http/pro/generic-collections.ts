import jsonMergePatch from 'json-merge-patch';
import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument, SpecOperation } from '../../spec/openapi-document.js';
import { seedObjects, storedObject, typedId } from '../../spec/resource-objects.js';
import { type DerivedCollection, deriveResources } from '../../spec/resources.js';
import { flattenSchema, responseSchemaOf } from '../../spec/responder/conform.js';
import { respondFromSpec, successStatus } from '../../spec/responder/respond.js';
import type { JsonCollection, JsonObject } from '../../state/json-collection.js';
import type { MockState } from '../../state/mock-state.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { concretePath } from '../router.js';
import { distributionPointProblem } from './distribution-point-checks.js';
import { optimisticLockOf } from './optimistic-lock.js';
import { notFound, specShaped, withQuery } from './pro-answers.js';

/** How many objects each derived collection starts with. */
export const SEEDED_OBJECTS_PER_COLLECTION = 3;

/**
 * Fields a derived collection keeps unique, refused with 400 `DUPLICATE_FIELD` naming the field.
 * Packages: Jamf Pro answers `DUPLICATE_FIELD` on `packageName` when one exists (jamf/JamfSync#28,
 * from Jamf's maintainer, who adds in #31 that Jamf Pro now prevents duplicates); the 400 status
 * is unverified (Jamf's other `DUPLICATE_FIELD` answers are 400).
 */
const UNIQUE_FIELDS: Readonly<Record<string, string>> = { '/v1/packages': 'packageName' };

/** The 400 for `row` if another object of `store` has the same value in the unique field. */
function duplicateOf(
  resource: DerivedCollection,
  store: JsonCollection,
  row: JsonObject,
  selfId?: string,
): Response | undefined {
  const field = UNIQUE_FIELDS[resource.collection];
  const value = field === undefined ? undefined : row[field];
  if (field === undefined || value === undefined || value === null) return undefined;
  const taken = store.list().some((other) => other[field] === value && String(other.id) !== selfId);
  return taken
    ? jamfError(400, 'DUPLICATE_FIELD', `${field} ${String(value)} is already in use`, field)
    : undefined;
}

/**
 * Checks of other fields some derived collections make before storing a create or a replace:
 * `row`'s refusal, or undefined.
 */
const COLLECTION_CHECKS: Readonly<
  Record<string, (store: JsonCollection, row: JsonObject, selfId?: string) => Response | undefined>
> = { '/v1/distribution-points': distributionPointProblem };

/** The 400 for `row` the collection's unique fields or its checks give, or undefined. */
function problemOf(
  resource: DerivedCollection,
  store: JsonCollection,
  row: JsonObject,
  selfId?: string,
): Response | undefined {
  return (
    duplicateOf(resource, store, row, selfId) ??
    COLLECTION_CHECKS[resource.collection]?.(store, row, selfId)
  );
}

/** The store of a derived collection for the request's path parameters, seeded on first use. */
export function storeOf(resource: DerivedCollection, document: OpenApiDocument, ctx: RouteContext) {
  return collectionStore(
    resource,
    document,
    ctx.state,
    concretePath(resource.collection, ctx.params),
  );
}

/**
 * The store of the derived collection at `template` (a path without parameters, e.g.
 * `/v1/packages`), seeded as the Pro routes seed it: how a Classic view reads and writes the
 * very objects the Pro API serves. Undefined when the spec derives no such collection.
 */
export function sharedCollectionStore(
  document: OpenApiDocument,
  template: string,
  state: MockState,
): { store: JsonCollection; resource: DerivedCollection } | undefined {
  const resource = deriveResources(document).collections.find(
    (candidate) => candidate.collection === template,
  );
  return resource === undefined
    ? undefined
    : { store: collectionStore(resource, document, state, template), resource };
}

function collectionStore(
  resource: DerivedCollection,
  document: OpenApiDocument,
  state: MockState,
  path: string,
): JsonCollection {
  return state.collections.collection(path, () =>
    seedObjects(
      resource.objectSchema,
      document,
      resource.collection,
      state.seed,
      SEEDED_OBJECTS_PER_COLLECTION,
    ).map((sample) => storedObject(resource.objectSchema, sample, document)),
  );
}

/** Answers `row` as `operation`'s response at `status`, its `id` typed as that schema wants. */
function answer(ctx: RouteContext, operation: SpecOperation, row: JsonObject, status: number) {
  if (status === 204) return new Response(null, { status });
  const schema = responseSchemaOf(operation, status);
  // A success the spec declares without a JSON body (text, or nothing) is answered as declared.
  if (schema === undefined) return respondFromSpec(operation, ctx);
  const id = typeof row.id === 'string' ? typedId(schema, operation.document, row.id) : row.id;
  return specShaped(ctx, { ...row, id }, status, true);
}

/** Fields an added history entry gets from the request: who and when. */
function withProvenance(
  ctx: RouteContext,
  body: JsonObject,
  schema: unknown,
  doc: OpenApiDocument,
) {
  const entry: JsonObject = { ...body };
  const flat = flattenSchema(schema, doc);
  const fields =
    typeof flat.properties === 'object' && flat.properties !== null ? flat.properties : {};
  if ('username' in fields && ctx.principal) entry.username = ctx.principal.name;
  if ('date' in fields) entry.date = new Date(ctx.clock.now()).toISOString();
  return entry;
}

function routesOf(resource: DerivedCollection, document: OpenApiDocument): Route[] {
  const { collection, item, objectSchema } = resource;
  const label = `${collection} object`;
  const lookup = (ctx: RouteContext): { store: JsonCollection; row: JsonObject | undefined } => {
    const store = storeOf(resource, document, ctx);
    const id = ctx.params[resource.idParam ?? 'id'] ?? '';
    return { store, row: store.get(id) };
  };
  const missing = (ctx: RouteContext) => notFound(label, ctx.params[resource.idParam ?? 'id']);
  /** PUT and PATCH: the object `next` makes of the stored row and the body, checked and stored. */
  const update = async (
    ctx: RouteContext,
    operation: SpecOperation,
    next: (row: JsonObject, body: JsonObject) => unknown,
  ): Promise<Response> => {
    const { store, row } = lookup(ctx);
    if (row === undefined) return missing(ctx);
    const body = await readJsonObject(ctx.request);
    if ('error' in body) return body.error;
    const lock = optimisticLockOf(objectSchema, operation, document);
    const conflict = lock?.conflict(row, body.body);
    if (conflict) return conflict;
    const stored = storedObject(objectSchema, next(row, body.body), document) as JsonObject;
    const problem = problemOf(resource, store, stored, String(row.id));
    if (problem) return problem;
    const saved = store.replace(
      String(row.id),
      lock === undefined ? stored : lock.bumped(row, stored),
    ) as JsonObject;
    return answer(ctx, operation, saved, successStatus(operation));
  };
  const routes: Route[] = [];
  const { list, create, read, replace, merge, remove } = resource;
  if (list) {
    routes.push({
      method: 'GET',
      path: collection,
      handle: (ctx) =>
        withQuery(() => {
          const rows = storeOf(resource, document, ctx)
            .list()
            .map((row) => (resource.idType === 'integer' ? { ...row, id: Number(row.id) } : row));
          if (resource.listShape === 'array') return specShaped(ctx, rows, 200, true);
          const fields = resource.queryFields;
          const page = listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: resource.defaultSort,
          });
          return specShaped(ctx, page, 200, true);
        }),
    });
  }
  if (create) {
    routes.push({
      method: 'POST',
      path: collection,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const body = item ? read.body : withProvenance(ctx, read.body, objectSchema, document);
        const store = storeOf(resource, document, ctx);
        const stored = storedObject(objectSchema, body, document);
        const problem = problemOf(resource, store, stored as JsonObject);
        if (problem) return problem;
        const row = store.create(stored);
        const base = ctx.url.pathname.replace(/\/$/, '');
        const href = `${ctx.url.origin}${base}/${String(row.id)}`;
        return answer(ctx, create, { ...row, href }, successStatus(create));
      },
    });
  }
  if (read && item) {
    routes.push({
      method: 'GET',
      path: item,
      handle: (ctx) => {
        const { row } = lookup(ctx);
        return row === undefined ? missing(ctx) : answer(ctx, read, row, 200);
      },
    });
  }
  if (replace && item) {
    routes.push({
      method: 'PUT',
      path: item,
      handle: (ctx) => update(ctx, replace, (_row, body) => body),
    });
  }
  if (merge && item) {
    routes.push({
      method: 'PATCH',
      path: item,
      handle: (ctx) => update(ctx, merge, (row, body) => jsonMergePatch.apply(row, body)),
    });
  }
  if (remove && item) {
    routes.push({
      method: 'DELETE',
      path: item,
      handle: (ctx) => {
        const { store, row } = lookup(ctx);
        if (row === undefined) return missing(ctx);
        store.delete(String(row.id));
        return respondFromSpec(remove, ctx);
      },
    });
  }
  return routes;
}

/**
 * Stateful routes for every collection the spec describes (see `deriveResources`): create, read,
 * list with `filter`/`sort`/paging, replace, merge and delete over one store per collection.
 * Hand-written routes mounted after these replace them where the mock models more (computers,
 * API roles, …).
 */
export function genericCollectionRoutes(document: OpenApiDocument): Route[] {
  return deriveResources(document).collections.flatMap((resource) => routesOf(resource, document));
}
