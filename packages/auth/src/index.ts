export type { JamfAuthErrorCode, JamfAuthErrorDetails } from './errors.js';
export { isJamfAuthError, JamfAuthError } from './errors.js';
export type { StoredToken, TokenStore } from './token-store.js';
export { memoryTokenStore } from './token-store.js';
