export type { StaticTokenOptions } from './providers/static-token.js';
export { staticToken } from './providers/static-token.js';
