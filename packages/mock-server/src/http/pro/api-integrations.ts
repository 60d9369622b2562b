import { jamfError } from '../../spec/jamf-error.js';
import {
  type ApiIntegrationInput,
  DEFAULT_CLIENT_TOKEN_LIFETIME_SECONDS,
} from '../../state/api-integrations.js';
import { jsonResponse } from '../responses/json-response.js';
import { listResponse } from '../responses/list-response.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';

const FIELDS = [
  'id',
  'displayName',
  'enabled',
  'accessTokenLifetimeSeconds',
  'authorizationScopes',
  'clientId',
  'appType',
];

/** CRUD on `/v1/api-integrations` and secret rotation at `/{id}/client-credentials`. */
export function apiIntegrationRoutes(): Route[] {
  return [
    { method: 'GET', path: '/v1/api-integrations', handle: listIntegrations },
    {
      method: 'POST',
      path: '/v1/api-integrations',
      handle: (ctx) => saveIntegration(ctx, undefined),
    },
    { method: 'GET', path: '/v1/api-integrations/{id}', handle: getIntegration },
    {
      method: 'PUT',
      path: '/v1/api-integrations/{id}',
      handle: (ctx) => saveIntegration(ctx, idOf(ctx)),
    },
    { method: 'DELETE', path: '/v1/api-integrations/{id}', handle: deleteIntegration },
    {
      method: 'POST',
      path: '/v1/api-integrations/{id}/client-credentials',
      handle: rotateCredentials,
    },
  ];
}

/** The integer id of the path, or NaN (which no integration has). */
function idOf(ctx: RouteContext): number {
  const text = ctx.params.id ?? '';
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

function notFound(ctx: RouteContext): Response {
  return jamfError(404, 'INVALID_ID', `API integration ${ctx.params.id ?? ''} not found`, 'id');
}

function listIntegrations(ctx: RouteContext): Response {
  return listResponse(ctx, ctx.state.apiIntegrations.list(), FIELDS);
}

function getIntegration(ctx: RouteContext): Response {
  const integration = ctx.state.apiIntegrations.get(idOf(ctx));
  return integration ? jsonResponse(integration) : notFound(ctx);
}

async function saveIntegration(ctx: RouteContext, id: number | undefined): Promise<Response> {
  const existing = id === undefined ? undefined : ctx.state.apiIntegrations.get(id);
  if (id !== undefined && !existing) return notFound(ctx);
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const { displayName, authorizationScopes, enabled, accessTokenLifetimeSeconds } = read.body;
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    return jamfError(400, 'INVALID_FIELD', 'displayName is required', 'displayName');
  }
  if (
    !Array.isArray(authorizationScopes) ||
    authorizationScopes.some((scope) => typeof scope !== 'string')
  ) {
    return jamfError(
      400,
      'INVALID_FIELD',
      'authorizationScopes must be a list of API role names',
      'authorizationScopes',
    );
  }
  // Jamf Pro: an API client needs at least one API role (its form will not save without one).
  if (authorizationScopes.length === 0) {
    return jamfError(
      400,
      'INVALID_FIELD',
      'authorizationScopes must name at least one API role',
      'authorizationScopes',
    );
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    return jamfError(400, 'INVALID_FIELD', 'enabled must be true or false', 'enabled');
  }
  if (
    accessTokenLifetimeSeconds !== undefined &&
    (!Number.isSafeInteger(accessTokenLifetimeSeconds) ||
      (accessTokenLifetimeSeconds as number) < 1)
  ) {
    return jamfError(
      400,
      'INVALID_FIELD',
      'accessTokenLifetimeSeconds must be a positive integer',
      'accessTokenLifetimeSeconds',
    );
  }
  const roleIds: string[] = [];
  for (const scope of authorizationScopes as string[]) {
    const role = ctx.state.apiRoles.findByName(scope);
    if (!role)
      return jamfError(400, 'INVALID_FIELD', `Unknown API role: ${scope}`, 'authorizationScopes');
    if (!roleIds.includes(role.id)) roleIds.push(role.id);
  }
  const duplicate = ctx.state.apiIntegrations
    .list()
    .find((entry) => entry.displayName === displayName && entry.id !== id);
  if (duplicate)
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `displayName "${displayName}" is already in use`,
      'displayName',
    );
  const input: ApiIntegrationInput = {
    displayName,
    roleIds,
    enabled: (enabled as boolean | undefined) ?? existing?.enabled ?? true,
    accessTokenLifetimeSeconds:
      (accessTokenLifetimeSeconds as number | undefined) ??
      existing?.accessTokenLifetimeSeconds ??
      DEFAULT_CLIENT_TOKEN_LIFETIME_SECONDS,
  };
  if (id === undefined) return jsonResponse(ctx.state.apiIntegrations.create(input), 201);
  const saved = ctx.state.apiIntegrations.update(id, input);
  if (!input.enabled) ctx.state.tokens.revokeClient(id);
  return jsonResponse(saved);
}

function deleteIntegration(ctx: RouteContext): Response {
  const id = idOf(ctx);
  if (!ctx.state.apiIntegrations.delete(id)) return notFound(ctx);
  ctx.state.tokens.revokeClient(id);
  return new Response(null, { status: 204 });
}

function rotateCredentials(ctx: RouteContext): Response {
  const credentials = ctx.state.apiIntegrations.rotateSecret(idOf(ctx));
  return credentials ? jsonResponse(credentials) : notFound(ctx);
}
