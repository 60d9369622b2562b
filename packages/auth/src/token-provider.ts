import type { FetchAuthorizer, FetchLike } from '@jamf/core';
import type { AccessToken } from './access-token.js';
import type { RefreshPolicy } from './refresh-policy.js';
import type { TokenStore } from './token-store.js';

/**
 * Hands out access tokens for one Jamf Pro server and principal, refreshing them as needed.
 * Give it to a client as `auth` (or to {@link authMiddleware}, {@link withAuth}); users mostly
 * just create one.
 */
export interface TokenProvider extends FetchAuthorizer {
  /** What kind of credentials back this provider. */
  readonly kind: 'user' | 'oauth' | 'static';
  /** `scheme://host[:port]` of the server; tokens are only attached to requests for this origin. */
  readonly origin: string;
  /**
   * `fetch` wrapped to sign this server's requests with the provider's tokens, as
   * {@link withAuth}`(fetch, provider)`: what a client does with its `auth` option.
   */
  authorize(fetch: FetchLike): FetchLike;
  /** The `Authorization` scheme for API calls: `Bearer`, or `jamf-token` for old servers. */
  readonly authorizationScheme: string;
  /** A valid token, from cache or store, or freshly requested (concurrent callers share one request). */
  getToken(): Promise<AccessToken>;
  /**
   * A token for one call, counted as in use until `release()`: a provider that must retire a
   * token (a user keep-alive kills the old one) waits for those calls first. Middleware prefers
   * it over {@link getToken} when present.
   */
  lease?(): Promise<TokenLease>;
  /**
   * The lease {@link lease} would give, when the provider can give it without waiting (a cached
   * token outside its refresh window); `undefined` when the caller must await {@link lease}.
   * Middleware tries it first, so a call with a usable token waits for nothing.
   */
  leaseNow?(): TokenLease | undefined;
  /**
   * Reports that the API refused `token` (HTTP 401): it is never handed out again, here or (by
   * compare-and-delete) from the store, and the next {@link getToken} brings a different one.
   */
  invalidate(token: AccessToken): Promise<void>;
  /**
   * Aborts token requests in flight and refuses further use; idempotent. OAuth tokens are
   * dropped locally. A user token is revoked on the server when the provider owns its store (no
   * `store` option), or when asked with `{ invalidate: true }`; a shared store's token is left
   * for the other processes.
   */
  close(options?: CloseOptions): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Options of {@link TokenProvider.close}. */
export interface CloseOptions {
  /**
   * Revoke the user token on the server and remove it from the store. Default: true when the
   * provider owns its store (no `store` option), false with a store you passed, which others may
   * share. OAuth tokens cannot be revoked and are only dropped locally.
   */
  invalidate?: boolean;
}

/** A token in use by one call; see {@link TokenProvider.lease}. */
export interface TokenLease {
  readonly token: AccessToken;
  /** Ends the use (call it once the response headers arrived or the send failed); idempotent. */
  release(): void;
}

/** Options every credential provider accepts. */
export interface ProviderOptions {
  /** Server URL: `https://host`, `https://host/api` or `https://host/JSSResource`. */
  baseUrl: string;
  /** The `fetch` used for token requests. Default: `globalThis.fetch` at call time. */
  fetch?: FetchLike;
  /** Clock in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Where tokens are kept; share one between processes to share tokens. Default: in memory. */
  store?: TokenStore;
  /** When to refresh. Default: {@link defaultRefreshPolicy}(). */
  refreshPolicy?: RefreshPolicy;
  /** Allow `http://` to a non-loopback host (credentials in clear text). Default: false. */
  allowInsecureHttp?: boolean;
  /** Timeout of each token request, in milliseconds. Default: 30 000. */
  timeoutMs?: number;
  /**
   * The `User-Agent` of token requests: default `jamf-sdk-ts/<version> (@jamf/auth) <runtime>`;
   * `false` sends none of ours. Never set in browsers, which do not allow it.
   */
  userAgent?: string | false;
  /** Called with failures that no caller awaits (background refresh, revoke on close). */
  onBackgroundError?: (error: unknown) => void;
}
