import { AccessToken } from '../access-token.js';
import { JamfAuthError, type JamfAuthErrorCode } from '../errors.js';
import { ManagedTokenProvider, providerContext } from '../managed-token-provider.js';
import {
  parseJsonObject,
  postToTokenEndpoint,
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
 * end of their lifetime (they cannot be kept alive). Tries `/api/oauth/token` first and, on 404,
 * `/api/v1/oauth/token`, remembering whichever answered.
 * @example const provider = clientCredentials({ baseUrl: 'https://example.jamfcloud.com', clientId, clientSecret });
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  requireFields({ clientId: options.clientId, clientSecret: options.clientSecret });
  const { server, context } = providerContext(options);
  const { clientId, clientSecret, scope } = options;
  const candidates = [`${server.root}/api/oauth/token`, `${server.root}/api/v1/oauth/token`];
  let known: string | undefined;
  const what = 'OAuth token request';

  const redact = (text: string) => text.split(clientSecret).join('[redacted]');

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

  const grant = {
    kind: 'oauth' as const,
    principal: clientId,
    authorizationScheme: 'Bearer',
    async request(ctx: typeof context): Promise<AccessToken> {
      let response: TokenEndpointResponse | undefined;
      for (const url of known === undefined ? candidates : [known]) {
        response = await postToTokenEndpoint(
          ctx,
          url,
          {
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: body.toString(),
          },
          what,
        );
        if (response.status !== 404) {
          known = url;
          break;
        }
      }
      if (response === undefined) throw new Error('unreachable: no candidate token URL');
      if (response.status === 400 || response.status === 401) throw oauthError(response);
      if (response.status !== 200) throw unexpectedStatus(response, what);
      const parsed = parseJsonObject(response, what);
      const expiresIn = Number(parsed.expires_in);
      if (
        typeof parsed.access_token !== 'string' ||
        parsed.access_token === '' ||
        !Number.isFinite(expiresIn) ||
        expiresIn <= 0
      ) {
        throw new JamfAuthError(
          'TOKEN_RESPONSE_INVALID',
          `${what}: answer lacks access_token or a positive expires_in`,
          { status: response.status },
        );
      }
      if (typeof parsed.token_type === 'string' && parsed.token_type.toLowerCase() !== 'bearer') {
        throw new JamfAuthError(
          'TOKEN_RESPONSE_INVALID',
          `${what}: unsupported token_type ${parsed.token_type}`,
          { status: response.status },
        );
      }
      const nowMs = ctx.now();
      return new AccessToken({
        type: 'oauth',
        token: parsed.access_token,
        issuedAt: nowMs,
        expiresAt: nowMs + expiresIn * 1000,
        ...(typeof parsed.scope === 'string' ? { scope: parsed.scope } : {}),
      });
    },
  };
  return new ManagedTokenProvider(grant, server, context, options);
}
