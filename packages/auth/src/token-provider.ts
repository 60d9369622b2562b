import type { AccessToken } from './access-token.js';
import type { RefreshPolicy } from './refresh-policy.js';
import type { TokenStore } from './token-store.js';

/**
 * Hands out access tokens for one Jamf Pro server and principal, refreshing them as needed.
 * Middleware ({@link authMiddleware}, {@link withAuth}) calls it; users mostly just create one.
 */
export interface TokenProvider {
  /** What kind of credentials back this provider. */
  readonly kind: 'user' | 'oauth' | 'static';
  /** `scheme://host[:port]` of the server; tokens are only attached to requests for this origin. */
  readonly origin: string;
  /** The `Authorization` scheme for API calls: `Bearer`, or `jamf-token` for old servers. */
  readonly authorizationScheme: string;
  /** A valid token, from cache or store, or freshly requested (concurrent callers share one request). */
  getToken(): Promise<AccessToken>;
  /** Reports that the API refused `token` (HTTP 401), so the next {@link getToken} replaces it. */
  invalidate(token: AccessToken): Promise<void>;
  /** Revokes a live user token (OAuth tokens are dropped) and refuses further use; idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Options every credential provider accepts. */
export interface ProviderOptions {
  /** Server URL: `https://host`, `https://host/api` or `https://host/JSSResource`. */
  baseUrl: string;
  /** The `fetch` used for token requests. Default: `globalThis.fetch` at call time. */
  fetch?: typeof fetch;
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
  /** Called with failures that no caller awaits (background refresh, revoke on close). */
  onBackgroundError?: (error: unknown) => void;
}
