export type { FetchLike, Middleware, MiddlewareHooks } from '@jamf/core';
export type { AccessTokenInit } from './access-token.js';
export { AccessToken } from './access-token.js';
export type { JamfAuthErrorCode, JamfAuthErrorDetails } from './errors.js';
export { isJamfAuthError, JamfAuthError } from './errors.js';
export type { AuthMiddlewareOptions } from './middleware.js';
export { authMiddleware, withAuth } from './middleware.js';
export type { ClientCredentialsOptions } from './providers/client-credentials.js';
export { clientCredentials } from './providers/client-credentials.js';
export type { UserCredentialsOptions } from './providers/user-credentials.js';
export { userCredentials } from './providers/user-credentials.js';
export type {
  DefaultRefreshPolicyOptions,
  RefreshDecision,
  RefreshPolicy,
} from './refresh-policy.js';
export { defaultRefreshPolicy } from './refresh-policy.js';
export type {
  CloseOptions,
  ProviderOptions,
  TokenLease,
  TokenProvider,
} from './token-provider.js';
export type { StoredToken, TokenStore } from './token-store.js';
export { memoryTokenStore } from './token-store.js';
