import { AccessToken } from '../access-token.js';
import { JamfAuthError } from '../errors.js';
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
  const server = parseServerUrl(options.baseUrl, options.allowInsecureHttp ?? false);
  const accessToken = new AccessToken({
    type: options.type ?? 'user',
    token,
    expiresAt: options.expiresAt ?? Number.POSITIVE_INFINITY,
  });
  let closed = false;
  const describe = () => `TokenProvider(static at ${server.origin})`;
  return {
    kind: 'static',
    origin: server.origin,
    authorizationScheme: options.authorizationScheme ?? 'Bearer',
    async getToken() {
      if (closed) throw new JamfAuthError('PROVIDER_CLOSED', 'the token provider has been closed');
      return accessToken;
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
}
