export type { ProClientOptions } from './create-client.js';
export { createClientFor } from './create-client.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { ProClient, Schema } from './pro-client.js';
export { createProClient } from './pro-client.js';
