import { ClientOptionError } from './client-option-error.js';
import type { FetchLike } from './fetch-like.js';

/**
 * What a client's `auth` option takes: something that signs a server's requests by wrapping the
 * client's `fetch`. Every token provider of `@jamf/auth` is one, so
 * `createProClient({ baseUrl, auth: provider })` needs no middleware.
 */
export interface FetchAuthorizer {
  /** `scheme://host[:port]` of the server whose requests it signs. */
  readonly origin: string;
  /**
   * Wraps `fetch` so each request for {@link origin} carries a token, and one refused with a 401
   * is sent once more with a fresh token; requests for other origins pass untouched.
   */
  authorize(fetch: FetchLike): FetchLike;
}

/**
 * Checks a client's `auth` option against the server the client talks to.
 * @throws ClientOptionError `INVALID_AUTH` for something that is not a {@link FetchAuthorizer};
 * `AUTH_ORIGIN_MISMATCH` when it signs requests for another server than `serverOrigin`, whose
 * requests would then all be sent without a token.
 */
export function checkFetchAuthorizer(auth: unknown, serverOrigin: string): FetchAuthorizer {
  const candidate = auth as Partial<FetchAuthorizer> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.authorize !== 'function' ||
    typeof candidate.origin !== 'string'
  ) {
    throw new ClientOptionError(
      'INVALID_AUTH',
      'auth must be a token provider of @jamf/auth (an object with origin and authorize(fetch))',
    );
  }
  if (candidate.origin !== serverOrigin) {
    throw new ClientOptionError(
      'AUTH_ORIGIN_MISMATCH',
      `auth signs requests for ${candidate.origin}, but the client talks to ${serverOrigin}`,
    );
  }
  return candidate as FetchAuthorizer;
}
