import { credentialsOf } from '../authenticate.js';
import { jsonResponse } from '../responses/json-response.js';
import type { Route, RouteContext } from '../route.js';

type OAuthErrorCode =
  | 'invalid_client'
  | 'invalid_request'
  | 'unsupported_grant_type'
  | 'invalid_scope';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The client-credentials token endpoint, at Jamf's documented `/oauth/token` and the spec's `/v1/oauth/token`. */
export function oauthRoutes(): Route[] {
  return ['/oauth/token', '/v1/oauth/token'].map((path) => ({
    method: 'POST',
    path,
    isPublic: true,
    validatesItself: true,
    handle: issueClientToken,
  }));
}

/**
 * An RFC 6749 error. `invalid_client` is a 401 with `WWW-Authenticate` when the client sent
 * Basic credentials (RFC 6749 §5.2 requires it) and a 400 otherwise, the only error status the
 * spec declares for this endpoint.
 */
function oauthError(code: OAuthErrorCode, description: string, usedBasic = false): Response {
  const status = code === 'invalid_client' && usedBasic ? 401 : 400;
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401)
    headers['www-authenticate'] = 'Basic realm="Jamf Pro", error="invalid_client"';
  return jsonResponse({ error: code, error_description: description }, status, headers);
}

async function issueClientToken(ctx: RouteContext): Promise<Response> {
  const contentType = ctx.request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    return oauthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(await ctx.request.text());
  for (const name of ['grant_type', 'client_id', 'client_secret', 'scope']) {
    if (form.getAll(name).length > 1) return oauthError('invalid_request', `${name} is repeated`);
  }
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials')
    return oauthError('unsupported_grant_type', 'Only client_credentials is supported');

  const basic = credentialsOf(ctx.headers);
  const fromHeader = basic?.scheme === 'basic' ? basic : undefined;
  const clientId = form.get('client_id') ?? fromHeader?.username;
  const clientSecret = form.get('client_secret') ?? fromHeader?.password;
  if (!clientId || !clientSecret)
    return oauthError('invalid_request', 'client_id and client_secret are required');
  const client = ctx.state.apiIntegrations.verify(clientId, clientSecret);
  if (!client?.integration.enabled) {
    const usedBasic = form.get('client_id') === null && fromHeader !== undefined;
    return oauthError('invalid_client', 'Client authentication failed', usedBasic);
  }

  let roleIds = client.roleIds;
  const requested = form.get('scope')?.trim();
  if (requested) {
    const narrowed: string[] = [];
    for (const entry of requested.split(/\s+/)) {
      const roleId = entry.startsWith('api-role:')
        ? entry.slice('api-role:'.length)
        : ctx.state.apiRoles.findByName(entry)?.id;
      if (roleId === undefined || !client.roleIds.includes(roleId))
        return oauthError('invalid_scope', "The requested scope exceeds the client's roles");
      if (!narrowed.includes(roleId)) narrowed.push(roleId);
    }
    roleIds = narrowed;
  }
  const { integration } = client;
  const lifetimeSeconds = integration.accessTokenLifetimeSeconds;
  const { token } = ctx.state.tokens.issue(
    { kind: 'api-client', integrationId: integration.id, clientId: integration.clientId, roleIds },
    lifetimeSeconds,
  );
  return jsonResponse(
    {
      access_token: token,
      scope: roleIds.map((id) => `api-role:${id}`).join(' '),
      token_type: 'Bearer',
      // A live server answers the lifetime minus one second (599 for 600).
      expires_in: Math.max(lifetimeSeconds - 1, 1),
    },
    200,
    NO_STORE,
  );
}
