import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import type { Building } from '../../state/inventory/buildings.js';
import type { Category } from '../../state/inventory/categories.js';
import type { Department } from '../../state/inventory/departments.js';
import type { Entity, EntityStore } from '../../state/inventory/entity-store.js';
import type { Script, ScriptPriority } from '../../state/inventory/scripts.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { hrefResponse, idParam, notFound, specShaped, withQuery } from './pro-answers.js';

/** How one simple resource maps between its store and its Pro JSON. */
interface Resource<T extends Entity> {
  /** Path of the collection relative to `/api`, e.g. `/v1/categories`. */
  base: string;
  label: string;
  store: (ctx: RouteContext) => EntityStore<T>;
  toPro: (record: T, ctx: RouteContext) => Record<string, unknown>;
  /** Fields from a request body; `existing` is set for updates. */
  fromPro: (body: Record<string, unknown>, existing: T | undefined) => Omit<T, 'id'>;
  hasDeleteMultiple: boolean;
}

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;

function routesOf<T extends Entity>(resource: Resource<T>): Route[] {
  const { base, label } = resource;
  const routes: Route[] = [
    {
      method: 'GET',
      path: base,
      handle: (ctx) =>
        withQuery(() => {
          const rows = resource
            .store(ctx)
            .list()
            .map((row) => resource.toPro(row, ctx));
          return specShaped(
            ctx,
            listQuery(rows, ctx.url, {
              defaultSort: ['id:asc'],
              filterFields: listQueryFields(ctx.operation),
              sortFields: listQueryFields(ctx.operation),
            }),
          );
        }),
    },
    {
      method: 'POST',
      path: base,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = resource.fromPro(read.body, undefined);
        if (fields.name.trim() === '')
          return jamfError(400, 'INVALID_FIELD', 'name must not be empty', 'name');
        if (resource.store(ctx).isNameTaken(fields.name)) {
          return jamfError(
            400,
            'DUPLICATE_FIELD',
            `A ${label.toLowerCase()} named ${fields.name} already exists`,
            'name',
          );
        }
        return hrefResponse(ctx, resource.store(ctx).create(fields).id);
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const record = lookup(resource, ctx);
        return record === undefined
          ? notFound(label, ctx.params.id)
          : specShaped(ctx, resource.toPro(record, ctx));
      },
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: async (ctx) => {
        const existing = lookup(resource, ctx);
        if (existing === undefined) return notFound(label, ctx.params.id);
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = resource.fromPro(read.body, existing);
        if (fields.name.trim() === '')
          return jamfError(400, 'INVALID_FIELD', 'name must not be empty', 'name');
        if (resource.store(ctx).isNameTaken(fields.name, existing.id)) {
          return jamfError(
            400,
            'DUPLICATE_FIELD',
            `A ${label.toLowerCase()} named ${fields.name} already exists`,
            'name',
          );
        }
        const updated = resource.store(ctx).update(existing.id, fields);
        return updated === undefined
          ? notFound(label, ctx.params.id)
          : specShaped(ctx, resource.toPro(updated, ctx));
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const record = lookup(resource, ctx);
        if (record === undefined) return notFound(label, ctx.params.id);
        resource.store(ctx).delete(record.id);
        return new Response(null, { status: 204 });
      },
    },
  ];
  if (resource.hasDeleteMultiple) {
    routes.push({
      method: 'POST',
      path: `${base}/delete-multiple`,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const ids = Array.isArray(read.body.ids) ? read.body.ids.map(String) : [];
        const store = resource.store(ctx);
        const missing = ids.find(
          (id) => !/^\d{1,9}$/.test(id) || store.get(Number(id)) === undefined,
        );
        // Checked before deleting anything: a failed request changes no state.
        if (missing !== undefined) return notFound(label, missing);
        for (const id of ids) store.delete(Number(id));
        return new Response(null, { status: 204 });
      },
    });
  }
  return routes;
}

function lookup<T extends Entity>(resource: Resource<T>, ctx: RouteContext): T | undefined {
  const id = idParam(ctx);
  return id === undefined ? undefined : resource.store(ctx).get(id);
}

const departments: Resource<Department> = {
  base: '/v1/departments',
  label: 'Department',
  store: (ctx) => ctx.state.departments,
  toPro: (row) => ({ id: String(row.id), name: row.name }),
  fromPro: (body, existing) => ({ name: text(body.name, existing?.name) }),
  hasDeleteMultiple: true,
};

const buildings: Resource<Building> = {
  base: '/v1/buildings',
  label: 'Building',
  store: (ctx) => ctx.state.buildings,
  toPro: (row) => ({ ...row, id: String(row.id) }),
  fromPro: (body, existing) => ({
    name: text(body.name, existing?.name),
    streetAddress1: text(body.streetAddress1, existing?.streetAddress1),
    streetAddress2: text(body.streetAddress2, existing?.streetAddress2),
    city: text(body.city, existing?.city),
    stateProvince: text(body.stateProvince, existing?.stateProvince),
    zipPostalCode: text(body.zipPostalCode, existing?.zipPostalCode),
    country: text(body.country, existing?.country),
  }),
  hasDeleteMultiple: true,
};

const categories: Resource<Category> = {
  base: '/v1/categories',
  label: 'Category',
  store: (ctx) => ctx.state.categories,
  toPro: (row) => ({ id: String(row.id), name: row.name, priority: row.priority }),
  fromPro: (body, existing) => ({
    name: text(body.name, existing?.name),
    priority: typeof body.priority === 'number' ? body.priority : (existing?.priority ?? 9),
  }),
  hasDeleteMultiple: true,
};

const PRIORITIES: readonly ScriptPriority[] = ['BEFORE', 'AFTER', 'AT_REBOOT'];

const scripts: Resource<Script> = {
  base: '/v1/scripts',
  label: 'Script',
  store: (ctx) => ctx.state.scripts,
  toPro: (row, ctx) => {
    const out: Record<string, unknown> = {
      id: String(row.id),
      name: row.name,
      info: row.info,
      notes: row.notes,
      priority: row.priority,
      categoryId: String(row.categoryId),
      categoryName: ctx.state.categories.get(row.categoryId)?.name ?? 'NONE',
      osRequirements: row.osRequirements,
      scriptContents: row.scriptContents,
    };
    row.parameters.forEach((label, i) => {
      out[`parameter${i + 4}`] = label;
    });
    return out;
  },
  fromPro: (body, existing) => {
    const priority = PRIORITIES.find((p) => p === body.priority) ?? existing?.priority ?? 'AFTER';
    const category = Number(text(body.categoryId, String(existing?.categoryId ?? -1)));
    const parameters = Array.from({ length: 8 }, (_, i) =>
      text(body[`parameter${i + 4}`], existing?.parameters[i]),
    );
    while (parameters.length > 0 && parameters[parameters.length - 1] === '') parameters.pop();
    return {
      name: text(body.name, existing?.name),
      info: text(body.info, existing?.info),
      notes: text(body.notes, existing?.notes),
      priority,
      categoryId: Number.isInteger(category) ? category : -1,
      parameters,
      osRequirements: text(body.osRequirements, existing?.osRequirements),
      scriptContents: text(body.scriptContents, existing?.scriptContents),
    };
  },
  hasDeleteMultiple: false,
};

/** `GET /v1/scripts/{id}/download`: the stored script's contents as text. */
function downloadScript(ctx: RouteContext): Response {
  const id = idParam(ctx);
  const script = id === undefined ? undefined : ctx.state.scripts.get(id);
  if (script === undefined) return notFound('Script', ctx.params.id);
  return new Response(script.scriptContents, {
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
  });
}

/** Pro CRUD routes of departments, buildings, categories and scripts over the shared stores. */
export function simpleResourceRoutes(): Route[] {
  return [
    ...routesOf(departments),
    ...routesOf(buildings),
    ...routesOf(categories),
    ...routesOf(scripts),
    { method: 'GET', path: '/v1/scripts/{id}/download', handle: downloadScript },
  ];
}
