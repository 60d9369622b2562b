import { AccessToken } from '../access-token.js';
import { credentialFingerprint } from '../credential-fingerprint.js';
import { JamfAuthError, type JamfAuthErrorCode } from '../errors.js';
import { ManagedTokenProvider, providerContext } from '../managed-token-provider.js';
import { checkProviderOptions } from '../provider-options.js';
import { SecretRedactor } from '../secret-redactor.js';
import {
  invalidResponse,
  parseJsonObject,
  postToTokenEndpoint,
  requireTokenString,
  type TokenEndpointResponse,
  unexpectedStatus,
} from '../token-endpoint.js';
import type { ProviderOptions, TokenProvider } from '../token-provider.js';
import { requireFields } from './user-credentials.js';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions extends ProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; omit for the client's roles. */
  scope?: string;
}

const RFC6749_CODES: Record<string, JamfAuthErrorCode> = {
  invalid_client: 'INVALID_CLIENT',
  invalid_grant: 'INVALID_CLIENT',
  unauthorized_client: 'UNAUTHORIZED_CLIENT',
  invalid_scope: 'INVALID_SCOPE',
  invalid_request: 'INVALID_REQUEST',
  unsupported_grant_type: 'UNSUPPORTED_GRANT_TYPE',
};

/**
 * A provider for a Jamf Pro API client (OAuth client credentials). Tokens are replaced near the
 * end of their lifetime (they cannot be kept alive). Asks the documented `/api/oauth/token`;
 * only after a 404 from it on the same origin does it try `/api/v1/oauth/token` (see the README),
 * remembering whichever answered.
 * @example const provider = clientCredentials({ baseUrl: 'https://example.jamfcloud.com', clientId, clientSecret });
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  checkProviderOptions(options);
  requireFields({ clientId: options.clientId, clientSecret: options.clientSecret });
  if (options.scope !== undefined && typeof options.scope !== 'string') {
    throw new JamfAuthError('INVALID_OPTIONS', 'scope must be a string of space-separated scopes');
  }
  const { server, context } = providerContext(options);
  const { clientId, clientSecret, scope } = options;
  const candidates = [`${server.root}/api/oauth/token`, `${server.root}/api/v1/oauth/token`];
  let known: string | undefined;
  const what = 'OAuth token request';

  const redactor = new SecretRedactor([clientSecret]);
  const redact = (text: string) => redactor.redact(text);

  const oauthError = (response: TokenEndpointResponse): JamfAuthError => {
    let body: Record<string, unknown> | undefined;
    try {
      body = parseJsonObject(response, what);
    } catch {
      body = undefined;
    }
    const error = typeof body?.error === 'string' ? body.error : undefined;
    const code = error === undefined ? undefined : RFC6749_CODES[error];
    if (code === undefined) {
      return response.status === 401
        ? new JamfAuthError(
            'INVALID_CLIENT',
            `the server refused client "${clientId}" (HTTP 401)`,
            {
              status: 401,
            },
          )
        : unexpectedStatus(response, what);
    }
    const description =
      typeof body?.error_description === 'string' ? `: ${redact(body.error_description)}` : '';
    return new JamfAuthError(
      code,
      `${what} for client "${clientId}" failed with ${error}${description}`,
      { status: response.status },
    );
  };

  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  if (scope !== undefined) body.set('scope', scope);

  const [documented, fallback] = candidates as [string, string];
  const send = (ctx: typeof context, url: string) =>
    postToTokenEndpoint(
      ctx,
      url,
      {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: body.toString(),
        secrets: [clientSecret],
      },
      what,
    );
  // A 404 counts only when it came from this server: a fetch that followed a redirect elsewhere
  // says nothing about where this server keeps its endpoint.
  const isOwn404 = (response: TokenEndpointResponse) =>
    response.status === 404 &&
    (response.url === '' || new URL(response.url).origin === server.origin);

  const grant = {
    kind: 'oauth' as const,
    principal: clientId,
    scope: scope ?? '',
    authorizationScheme: 'Bearer',
    fingerprint: () => credentialFingerprint(clientSecret, [documented, clientId, scope ?? '']),
    async request(ctx: typeof context): Promise<AccessToken> {
      let response = await send(ctx, known ?? documented);
      if (known === undefined && isOwn404(response)) {
        const second = await send(ctx, fallback);
        if (second.status !== 404) known = fallback;
        response = second;
      } else if (known === undefined && response.status !== 404) {
        known = documented;
      }
      if (response.status === 400 || response.status === 401) throw oauthError(response);
      if (response.status !== 200) throw unexpectedStatus(response, what);
      const parsed = parseJsonObject(response, what);
      const accessToken = requireTokenString(parsed.access_token, 'access_token', response, what);
      // Strict, as oauth4webapi: a number, not a numeric string or a boolean.
      const expiresIn = parsed.expires_in;
      if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
        throw invalidResponse(response, what, 'expires_in is not a positive number');
      }
      if (typeof parsed.token_type !== 'string')
        throw invalidResponse(response, what, 'token_type is missing');
      if (parsed.token_type.toLowerCase() !== 'bearer') {
        throw invalidResponse(response, what, 'token_type is not bearer');
      }
      const nowMs = ctx.now();
      return new AccessToken({
        type: 'oauth',
        token: accessToken,
        issuedAt: nowMs,
        expiresAt: nowMs + expiresIn * 1000,
        scope: typeof parsed.scope === 'string' ? parsed.scope : undefined,
      });
    },
  };
  return new ManagedTokenProvider(grant, server, context, options);
}
