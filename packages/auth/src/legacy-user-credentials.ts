export type { LegacyUserCredentialsOptions } from './providers/legacy-user-credentials.js';
export { legacyUserCredentials } from './providers/legacy-user-credentials.js';
