export type { OtelFetchOptions } from './otel-fetch.js';
export { otelFetch } from './otel-fetch.js';
export { otelMiddleware } from './otel-middleware.js';
export type { OtelOptions } from './tracing.js';
