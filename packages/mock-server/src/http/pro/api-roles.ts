import { jamfError } from '../../spec/jamf-error.js';
import type { ApiRole } from '../../state/api-roles.js';
import { jsonResponse } from '../responses/json-response.js';
import { listResponse } from '../responses/list-response.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';

const FIELDS = ['id', 'displayName', 'privileges'];

/** CRUD on `/v1/api-roles`, checked against the real privilege names. */
export function apiRoleRoutes(privilegeNames: readonly string[]): Route[] {
  const known = new Set(privilegeNames);
  return [
    { method: 'GET', path: '/v1/api-roles', handle: listRoles },
    { method: 'POST', path: '/v1/api-roles', handle: (ctx) => saveRole(ctx, known, undefined) },
    { method: 'GET', path: '/v1/api-roles/{id}', handle: getRole },
    {
      method: 'PUT',
      path: '/v1/api-roles/{id}',
      handle: (ctx) => saveRole(ctx, known, ctx.params.id),
    },
    { method: 'DELETE', path: '/v1/api-roles/{id}', handle: deleteRole },
  ];
}

function notFound(id: string | undefined): Response {
  return jamfError(404, 'INVALID_ID', `API role ${id ?? ''} not found`, 'id');
}

function listRoles(ctx: RouteContext): Response {
  return listResponse(ctx, ctx.state.apiRoles.list(), FIELDS);
}

function getRole(ctx: RouteContext): Response {
  const role = ctx.state.apiRoles.get(ctx.params.id ?? '');
  return role ? jsonResponse(role) : notFound(ctx.params.id);
}

async function saveRole(
  ctx: RouteContext,
  known: ReadonlySet<string>,
  id: string | undefined,
): Promise<Response> {
  if (id !== undefined && !ctx.state.apiRoles.get(id)) return notFound(id);
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const { displayName, privileges } = read.body;
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    return jamfError(400, 'INVALID_FIELD', 'displayName is required', 'displayName');
  }
  if (!Array.isArray(privileges) || privileges.some((name) => typeof name !== 'string')) {
    return jamfError(
      400,
      'INVALID_FIELD',
      'privileges must be a list of privilege names',
      'privileges',
    );
  }
  const unknown = privileges.find((name) => !known.has(name));
  if (unknown !== undefined)
    return jamfError(400, 'INVALID_FIELD', `Unknown privilege: ${unknown}`, 'privileges');
  const duplicate = ctx.state.apiRoles.findByName(displayName);
  if (duplicate && duplicate.id !== id) {
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `displayName "${displayName}" is already in use`,
      'displayName',
    );
  }
  const input: Omit<ApiRole, 'id'> = {
    displayName,
    privileges: [...new Set(privileges as string[])],
  };
  const saved =
    id === undefined ? ctx.state.apiRoles.create(input) : ctx.state.apiRoles.update(id, input);
  return jsonResponse(saved, 200);
}

function deleteRole(ctx: RouteContext): Response {
  const id = ctx.params.id ?? '';
  if (!ctx.state.apiRoles.get(id)) return notFound(id);
  if (ctx.state.apiIntegrations.usesRole(id)) {
    return jamfError(409, 'API_ROLE_IN_USE', 'The API role is assigned to an API client', 'id');
  }
  ctx.state.apiRoles.delete(id);
  return new Response(null, { status: 204 });
}
