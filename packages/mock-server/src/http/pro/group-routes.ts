import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import type { Entity, EntityStore } from '../../state/inventory/entity-store.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { hrefResponse, idParam, notFound, specShaped, withQuery } from './pro-answers.js';

/** A smart or static group endpoint family. */
export type GroupKind = 'smart' | 'static';

/** How one kind of device group (computer, mobile device) maps between its store and Pro JSON. */
export interface GroupModel<G extends Entity & { isSmart: boolean }> {
  store(ctx: RouteContext): EntityStore<G>;
  /** The group as Pro shows one object. */
  view(group: G, ctx: RouteContext): Record<string, unknown>;
  /** Fields from a request body; `existing` is set for updates. */
  fieldsFrom(
    body: Record<string, unknown>,
    kind: GroupKind,
    existing: G | undefined,
  ): Omit<G, 'id'>;
  /** Body field of the name (`name`, `groupName`), named in a 400. */
  nameField: string;
  /** `computer group`, `mobile device group`. */
  noun: string;
  /** Sort of a list request that names none. */
  defaultSort: string;
}

/** The group of the path's `{id}` when it is of `kind`. */
export function groupOf<G extends Entity & { isSmart: boolean }>(
  model: GroupModel<G>,
  ctx: RouteContext,
  kind: GroupKind,
): G | undefined {
  const id = idParam(ctx);
  const group = id === undefined ? undefined : model.store(ctx).get(id);
  return group?.isSmart === (kind === 'smart') ? group : undefined;
}

/** `Smart computer group`, `Static mobile device group`: the subject of a 404. */
export function groupLabel(model: { noun: string }, kind: GroupKind): string {
  return `${kind === 'smart' ? 'Smart' : 'Static'} ${model.noun}`;
}

function refusedName<G extends Entity & { isSmart: boolean }>(
  model: GroupModel<G>,
  ctx: RouteContext,
  name: string,
  exceptId?: number,
): Response | undefined {
  const field = model.nameField;
  if (name.trim() === '')
    return jamfError(400, 'INVALID_FIELD', `${field} must not be empty`, field);
  if (model.store(ctx).isNameTaken(name, exceptId)) {
    return jamfError(400, 'DUPLICATE_FIELD', `A ${model.noun} named ${name} already exists`, field);
  }
  return undefined;
}

/**
 * List, create, read, update (`update.method` answering `update.status`) and delete of one kind
 * of group at `base`, over the model's store: smart and static groups share one id space, and a
 * group of the other kind is not found.
 */
export function groupKindRoutes<G extends Entity & { isSmart: boolean }>(
  model: GroupModel<G>,
  base: string,
  kind: GroupKind,
  update: { method: 'PUT' | 'PATCH'; status: number },
): Route[] {
  const label = groupLabel(model, kind);
  return [
    {
      method: 'GET',
      path: base,
      handle: (ctx) =>
        withQuery(() => {
          const fields = listQueryFields(ctx.operation);
          const rows = model
            .store(ctx)
            .list()
            .filter((group) => group.isSmart === (kind === 'smart'))
            .map((group) => model.view(group, ctx));
          const page = listQuery(rows, ctx.url, {
            filterFields: fields,
            sortFields: fields,
            defaultSort: [model.defaultSort],
          });
          return specShaped(ctx, page, 200, true);
        }),
    },
    {
      method: 'POST',
      path: base,
      handle: async (ctx) => {
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = model.fieldsFrom(read.body, kind, undefined);
        const refused = refusedName(model, ctx, fields.name);
        if (refused) return refused;
        return hrefResponse(ctx, model.store(ctx).create(fields).id);
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = groupOf(model, ctx, kind);
        return group
          ? specShaped(ctx, model.view(group, ctx), 200, true)
          : notFound(label, ctx.params.id);
      },
    },
    {
      method: update.method,
      path: `${base}/{id}`,
      handle: async (ctx) => {
        const group = groupOf(model, ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        const read = await readJsonObject(ctx.request);
        if ('error' in read) return read.error;
        const fields = model.fieldsFrom(read.body, kind, group);
        const refused = refusedName(model, ctx, fields.name, group.id);
        if (refused) return refused;
        const updated = model.store(ctx).update(group.id, fields as Partial<Omit<G, 'id'>>) as G;
        return specShaped(ctx, model.view(updated, ctx), update.status, true);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (ctx) => {
        const group = groupOf(model, ctx, kind);
        if (!group) return notFound(label, ctx.params.id);
        model.store(ctx).delete(group.id);
        return new Response(null, { status: 204 });
      },
    },
  ];
}
