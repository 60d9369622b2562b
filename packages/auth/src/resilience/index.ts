export type { FetchLike, Middleware, MiddlewareHooks } from '@jamf/core';
export type { ConcurrencyLayer, ConcurrencyOptions } from './concurrency.js';
export { concurrency, withConcurrency } from './concurrency.js';
export type { RetryLayer, RetryOptions } from './retry.js';
export { retry, withRetry } from './retry.js';
export { STICKY_COOKIE_NAMES } from './sticky-cookie-jar.js';
export type { StickySessionLayer, StickySessionOptions } from './sticky-session.js';
export { stickySession, withStickySession } from './sticky-session.js';
