export type { ClientOptionErrorCode, FetchAuthorizer, FetchLayer, JamfErrorCode } from '@jamf/core';
export {
  ClientOptionError,
  JamfServerUrlError,
  requestTimeout,
  TimeoutOptionError,
} from '@jamf/core';
export type { ProClientOptions } from './create-client.js';
export { createClientFor } from './create-client.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { JamfApiErrorCode, JamfErrorDetail } from './jamf-api-error.js';
export { JamfApiError } from './jamf-api-error.js';
export type { PageItem, PaginatedPath, PaginateOptions, PaginatingClient } from './paginate.js';
export { paginate } from './paginate.js';
export type { PaginateOptionErrorCode } from './paginate-option-error.js';
export { PaginateOptionError } from './paginate-option-error.js';
export type { ProClient, Schema } from './pro-client.js';
export { createProClient } from './pro-client.js';
export type { CheckedMethod, ProClientFor, TypedOver } from './pro-client-for.js';
export type { CheckedPath, SuggestedPaths } from './suggested-paths.js';
export type { FetchResult, SuccessData } from './unwrap.js';
export { unwrap } from './unwrap.js';
