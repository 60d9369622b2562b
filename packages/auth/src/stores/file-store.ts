export type { FileTokenStoreOptions } from './file-token-store.js';
export { fileTokenStore } from './file-token-store.js';
