import { acceptsPreparedRequests, type FetchLike } from '@jamf/core';
import { AccessToken } from '../access-token.js';
import { JamfAuthError } from '../errors.js';
import { isHeaderSafeToken, isHttpToken } from '../header-safe-token.js';
import { withAuth } from '../middleware.js';
import { parseServerUrl } from '../server-url.js';
import type { TokenProvider } from '../token-provider.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Options of {@link staticToken}. */
export interface StaticTokenOptions {
  /** The server the token belongs to; it is attached only to requests for this origin. */
  baseUrl: string;
  /** Kind of token. Default `user`. */
  type?: 'user' | 'oauth';
  /** Expiry in epoch milliseconds, when known. Default: never. */
  expiresAt?: number;
  /** `Authorization` scheme. Default `Bearer`. */
  authorizationScheme?: string;
  /** Allow `http://` to a non-loopback host. Default false. */
  allowInsecureHttp?: boolean;
}

/**
 * A provider for a token obtained elsewhere (a CI secret, another tool). It is never refreshed
 * nor revoked; a 401 surfaces at once as `UNAUTHORIZED_AFTER_REFRESH` (there is no other token to
 * replay with).
 * @example const provider = staticToken(process.env.JAMF_TOKEN ?? '', { baseUrl: 'https://example.jamfcloud.com' });
 */
export function staticToken(token: string, options: StaticTokenOptions): TokenProvider {
  if (typeof token !== 'string' || token === '') {
    throw new JamfAuthError('MISSING_CREDENTIALS', 'missing token');
  }
  checkStaticTokenOptions(token, options);
  const server = parseServerUrl(options.baseUrl, options.allowInsecureHttp ?? false);
  const accessToken = new AccessToken({
    type: options.type ?? 'user',
    token,
    expiresAt: options.expiresAt ?? Number.POSITIVE_INFINITY,
  });
  let closed = false;
  const describe = () => `TokenProvider(static at ${server.origin})`;
  const provider = {
    kind: 'static',
    origin: server.origin,
    authorizationScheme: options.authorizationScheme ?? 'Bearer',
    async getToken() {
      if (closed) throw new JamfAuthError('PROVIDER_CLOSED', 'the token provider has been closed');
      return accessToken;
    },
    authorize: (fetch: FetchLike) => withAuth(fetch, provider),
    leaseNow() {
      // Closed: undefined sends the caller to getToken, which says so.
      return closed ? undefined : { token: accessToken, release() {} };
    },
    async invalidate() {},
    async close() {
      closed = true;
    },
    async [Symbol.asyncDispose]() {
      closed = true;
    },
    toJSON: () => ({ kind: 'static', origin: server.origin }),
    toString: describe,
    [inspectSymbol]: describe,
  } as TokenProvider;
  // authorize() wraps with withAuth, which signs a client's prepared request in place.
  return acceptsPreparedRequests(provider);
}

/**
 * Refuses what would fail only when the token is sent, with `INVALID_OPTIONS` naming the field
 * and never the token: `fetch` rejects a header holding CR/LF with an error quoting the value.
 */
function checkStaticTokenOptions(
  token: string,
  options: unknown,
): asserts options is StaticTokenOptions {
  if (typeof options !== 'object' || options === null) {
    throw new JamfAuthError('INVALID_OPTIONS', 'staticToken needs options ({ baseUrl })');
  }
  const given = options as Partial<Record<keyof StaticTokenOptions, unknown>>;
  if (!isHeaderSafeToken(token)) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      'token holds characters not allowed in an HTTP header (control characters, spaces or non-ASCII)',
    );
  }
  if (given.type !== undefined && given.type !== 'user' && given.type !== 'oauth') {
    throw new JamfAuthError('INVALID_OPTIONS', "type must be 'user' or 'oauth'");
  }
  if (
    given.expiresAt !== undefined &&
    !(typeof given.expiresAt === 'number' && !Number.isNaN(given.expiresAt))
  ) {
    throw new JamfAuthError('INVALID_OPTIONS', 'expiresAt must be epoch milliseconds');
  }
  if (
    given.authorizationScheme !== undefined &&
    !(typeof given.authorizationScheme === 'string' && isHttpToken(given.authorizationScheme))
  ) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      'authorizationScheme must be an HTTP token such as Bearer',
    );
  }
}
