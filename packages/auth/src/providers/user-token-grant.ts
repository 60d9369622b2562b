import { AccessToken } from '../access-token.js';
import { credentialFingerprint } from '../credential-fingerprint.js';
import { JamfAuthError } from '../errors.js';
import type { TokenGrant } from '../managed-token-provider.js';
import {
  basicAuthorization,
  invalidResponse,
  localExpiry,
  parseJsonObject,
  postToTokenEndpoint,
  requireTokenString,
  type TokenEndpointContext,
  type TokenEndpointResponse,
  unexpectedStatus,
} from '../token-endpoint.js';

/** Where a user-token flavour lives and how it spells its answers. */
export interface UserTokenFlavour {
  tokenUrl: string;
  keepAliveUrl: string;
  invalidateUrl: string;
  authorizationScheme: string;
  /** Reads the `expires` field as server-clock epoch milliseconds, or NaN. */
  parseExpires(value: unknown): number;
}

/** The Jamf user-token protocol (token, keep-alive, invalidate) for one account. */
export function userTokenGrant(
  flavour: UserTokenFlavour,
  username: string,
  password: string,
): TokenGrant {
  const parseToken = (
    response: TokenEndpointResponse,
    context: TokenEndpointContext,
    what: string,
  ): AccessToken => {
    const body = parseJsonObject(response, what);
    const token = requireTokenString(body.token, 'token', response, what);
    const serverExpiresAt = flavour.parseExpires(body.expires);
    if (!Number.isFinite(serverExpiresAt)) {
      throw invalidResponse(response, what, 'answer lacks a readable expires');
    }
    const nowMs = context.now();
    return new AccessToken({
      type: 'user',
      token,
      issuedAt: nowMs,
      expiresAt: localExpiry(serverExpiresAt, response, nowMs, what),
    });
  };
  const bearer = (token: AccessToken) => `${flavour.authorizationScheme} ${token.token}`;
  const basic = basicAuthorization(username, password);
  const secrets = [password, `${username}:${password}`];

  return {
    kind: 'user',
    principal: username,
    scope: '',
    authorizationScheme: flavour.authorizationScheme,
    fingerprint: () => credentialFingerprint(password, [flavour.tokenUrl, username]),
    async request(context) {
      const what = 'user token request';
      const response = await postToTokenEndpoint(
        context,
        flavour.tokenUrl,
        {
          headers: { authorization: basic, accept: 'application/json' },
          secrets,
        },
        what,
      );
      if (response.status === 401 || response.status === 403) {
        throw new JamfAuthError(
          'INVALID_CREDENTIALS',
          `the server refused the username or password of account "${username}" (HTTP ${response.status})`,
          { status: response.status },
        );
      }
      if (response.status !== 200) throw unexpectedStatus(response, what);
      return parseToken(response, context, what);
    },
    async keepAlive(context, token) {
      const what = 'keep-alive';
      const response = await postToTokenEndpoint(
        context,
        flavour.keepAliveUrl,
        {
          headers: { authorization: bearer(token), accept: 'application/json' },
          secrets: [...secrets, token.token],
        },
        what,
      );
      if (response.status >= 400 && response.status < 500) {
        throw new JamfAuthError(
          'KEEP_ALIVE_REFUSED',
          `the server refused to keep the token alive (HTTP ${response.status})`,
          { status: response.status },
        );
      }
      if (response.status !== 200) throw unexpectedStatus(response, what);
      return parseToken(response, context, what);
    },
    async revoke(context, token) {
      const what = 'token invalidation';
      const response = await postToTokenEndpoint(
        context,
        flavour.invalidateUrl,
        { headers: { authorization: bearer(token) }, secrets: [...secrets, token.token] },
        what,
      );
      // 401: already dead, which is what we wanted.
      if (response.status !== 204 && response.status !== 200 && response.status !== 401) {
        throw unexpectedStatus(response, what);
      }
    },
  };
}
