import type { XmlShape } from '../../generated/classic-resources.js';
import type { Entity, EntityStore } from '../../state/inventory/entity-store.js';
import type { MockState } from '../../state/mock-state.js';
import { hasPrivileges } from '../../state/principal.js';
import type { Route, RouteContext, RouteHandler } from '../route.js';
import { classicError } from './classic-error.js';
import { classicIdResponse, classicResponse, readClassicXml } from './classic-format.js';

/**
 * What a Classic resource needs of its store: an inventory `EntityStore`, or a view over the
 * objects another API keeps (packages and sites live in the Pro API's collections).
 */
export type ClassicStore<T extends Entity> = Pick<
  EntityStore<T>,
  'values' | 'get' | 'isNameTaken' | 'create' | 'update' | 'delete'
>;

/** How one Classic resource maps between a store and its XML/JSON elements. */
export interface ClassicResource<T extends Entity> {
  /** URL segment after `/JSSResource/`, e.g. `computergroups`. */
  plural: string;
  /** Root element of the list, e.g. `computer_groups`. */
  listRoot: string;
  /** Root element of one object, e.g. `computer_group`. */
  root: string;
  /**
   * Root element of the `<root><id>N</id></root>` answer to a create or update, where Jamf names
   * it otherwise than the object (distribution points: `file_share_distribution_point`).
   */
  writeAnswerRoot?: string;
  store(state: MockState): ClassicStore<T>;
  /** One entry of the list. */
  summary(row: Readonly<T>, state: MockState): Record<string, unknown>;
  /** The whole object. */
  detail(row: Readonly<T>, state: MockState): Record<string, unknown>;
  /** Lookup segments besides `id` (e.g. `name`, `serialnumber`) and the value each compares. */
  lookups: Readonly<Record<string, (row: Readonly<T>) => string>>;
  /** Fields from a parsed XML element; a string is the 409 message. `existing` is set for PUT. */
  fromXml(
    value: Record<string, unknown>,
    existing: Readonly<T> | undefined,
    state: MockState,
  ): Omit<T, 'id'> | string;
  /** Names must be unique (categories, scripts, …; not computers). */
  isNameUnique: boolean;
  /**
   * The object of Jamf's privilege names (`Computers` in `Read Computers`); with several, any
   * one will do (a computer group is smart or static).
   */
  privilegeObjects: readonly string[];
  /** False where an object may have no name (an invitation); names are required otherwise. */
  isNameRequired?: boolean;
  /** XML facts of the list and of one object (spec-derived resources): item names, `<size>`. */
  xmlShapes?: { list?: XmlShape; object: XmlShape };
  /**
   * Subset names that are not their section's name without `_` (lower case), by subset:
   * a mobile device's `Security` subset is its `security_object` section.
   */
  subsetSections?: Readonly<Record<string, string>>;
}

const ACTIONS: Readonly<Record<string, string>> = {
  GET: 'Read',
  POST: 'Create',
  PUT: 'Update',
  DELETE: 'Delete',
};

/**
 * Wraps a handler with the Classic privilege check: `Read …` for GET, `Create …` for POST, and so
 * on, with the object names of `resource` (any one will do); 403 status page otherwise.
 */
export function guarded(
  resource: Pick<ClassicResource<Entity>, 'privilegeObjects'>,
  method: string,
  handle: RouteHandler,
): RouteHandler {
  const action = ACTIONS[method] ?? 'Read';
  return (ctx) => {
    const { principal } = ctx;
    const allowed =
      principal !== undefined &&
      resource.privilegeObjects.some((object) => hasPrivileges(principal, [`${action} ${object}`]));
    if (!allowed) {
      return classicError(
        403,
        `The account lacks the privilege ${action} ${resource.privilegeObjects.join(' or ')}`,
      );
    }
    return handle(ctx);
  };
}

/** Reads a child element as text (`''` when absent or not text). */
export function xmlText(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const child = (value as Record<string, unknown>)[key];
  return typeof child === 'string' ? child : typeof child === 'number' ? String(child) : undefined;
}

/** Reads a child element as an object (`{}` when absent). */
export function xmlObject(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const child = (value as Record<string, unknown>)[key];
  return typeof child === 'object' && child !== null && !Array.isArray(child)
    ? (child as Record<string, unknown>)
    : {};
}

/** Reads a Classic list (`<computers><computer>…</computer></computers>`) as an array of elements. */
export function xmlList(
  value: unknown,
  listKey: string,
  itemKey: string,
): Record<string, unknown>[] {
  const list = xmlObject(value, listKey)[itemKey];
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
}

/** The record a Classic lookup names (`id`, or one of the resource's lookups, case-insensitive). */
export function findClassicRow<T extends Entity>(
  resource: ClassicResource<T>,
  ctx: RouteContext,
  by: string,
): T | undefined {
  const store = resource.store(ctx.state);
  const key = ctx.params.key ?? '';
  if (by === 'id') return /^\d{1,9}$/.test(key) ? store.get(Number(key)) : undefined;
  const read = resource.lookups[by];
  if (read === undefined) return undefined;
  const wanted = key.toLowerCase();
  for (const row of store.values())
    if (read(row).toLowerCase() === wanted) return store.get(row.id);
  return undefined;
}

/** Classic's 404 status page. */
export function classicNotFound(): Response {
  return classicError(404, 'The server has not found anything matching the request URI');
}

function checkName<T extends Entity>(
  resource: ClassicResource<T>,
  state: MockState,
  name: string,
  exceptId?: number,
): string | undefined {
  if (name.trim() === '' && resource.isNameRequired !== false) return 'Name is required';
  if (name !== '' && resource.isNameUnique && resource.store(state).isNameTaken(name, exceptId))
    return 'Duplicate name';
  return undefined;
}

/** GET, POST, PUT and DELETE routes of one Classic resource, by id and by each lookup. */
export function classicResourceRoutes<T extends Entity>(resource: ClassicResource<T>): Route[] {
  const base = `/JSSResource/${resource.plural}`;
  const lookups = ['id', ...Object.keys(resource.lookups)];
  const routes: Route[] = [
    {
      method: 'GET',
      path: base,
      handle: (ctx) => {
        const rows = [...resource.store(ctx.state).values()].map((row) =>
          resource.summary(row, ctx.state),
        );
        return classicResponse(ctx.request, resource.listRoot, rows, 200, resource.xmlShapes?.list);
      },
    },
    {
      method: 'POST',
      path: `${base}/id/{key}`,
      handle: async (ctx) => {
        const read = await readClassicXml(ctx.request, resource.root, ctx.maxBodyBytes);
        if ('error' in read) return read.error;
        const fields = resource.fromXml(read.value, undefined, ctx.state);
        if (typeof fields === 'string') return classicError(409, fields);
        const problem = checkName(resource, ctx.state, fields.name);
        if (problem !== undefined) return classicError(409, problem);
        return classicIdResponse(
          resource.writeAnswerRoot ?? resource.root,
          resource.store(ctx.state).create(fields).id,
          201,
        );
      },
    },
  ];
  for (const by of lookups) {
    const path = `${base}/${by}/{key}`;
    routes.push(
      {
        method: 'GET',
        path,
        handle: (ctx) => {
          const row = findClassicRow(resource, ctx, by);
          if (row === undefined)
            return classicError(404, 'The server has not found anything matching the request URI');
          return classicResponse(
            ctx.request,
            resource.root,
            resource.detail(row, ctx.state),
            200,
            resource.xmlShapes?.object,
          );
        },
      },
      {
        method: 'PUT',
        path,
        handle: async (ctx) => {
          const row = findClassicRow(resource, ctx, by);
          if (row === undefined)
            return classicError(404, 'The server has not found anything matching the request URI');
          const read = await readClassicXml(ctx.request, resource.root, ctx.maxBodyBytes);
          if ('error' in read) return read.error;
          const fields = resource.fromXml(read.value, row, ctx.state);
          if (typeof fields === 'string') return classicError(409, fields);
          const problem = checkName(resource, ctx.state, fields.name, row.id);
          if (problem !== undefined) return classicError(409, problem);
          resource.store(ctx.state).update(row.id, fields as Partial<Omit<T, 'id'>>);
          return classicIdResponse(resource.writeAnswerRoot ?? resource.root, row.id, 201);
        },
      },
      {
        method: 'DELETE',
        path,
        handle: (ctx) => {
          const row = findClassicRow(resource, ctx, by);
          if (row === undefined)
            return classicError(404, 'The server has not found anything matching the request URI');
          resource.store(ctx.state).delete(row.id);
          return classicIdResponse(resource.root, row.id, 200);
        },
      },
    );
  }
  return routes.map((route) => ({
    ...route,
    handle: guarded(resource, route.method, route.handle),
  }));
}
