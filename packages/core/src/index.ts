export type { ClientOptionErrorCode } from './client-option-error.js';
export { ClientOptionError } from './client-option-error.js';
export type { ClientRequests, FailedCall } from './client-requests.js';
export { clientRequests } from './client-requests.js';
export type { JamfErrorCode, JamfStatusErrorCode } from './error-code.js';
export { codeForStatus } from './error-code.js';
export type { FetchAuthorizer } from './fetch-authorizer.js';
export { checkFetchAuthorizer } from './fetch-authorizer.js';
export type { ComposeFetchOptions, FetchLayer } from './fetch-layer.js';
export { composeFetch } from './fetch-layer.js';
export type { FetchLike } from './fetch-like.js';
export { isLoopbackHost } from './loopback-host.js';
export type {
  Middleware,
  MiddlewareHooks,
  MiddlewareParams,
  MiddlewareRequestParams,
  MiddlewareResult,
} from './middleware.js';
export type { MiddlewareErrorCode } from './middleware-error.js';
export { MiddlewareError } from './middleware-error.js';
export { platformFetch } from './platform-fetch.js';
export {
  acceptsPreparedRequests,
  isAcceptingPreparedRequests,
  isPreparedRequest,
  PreparedRequest,
} from './prepared-request.js';
export type { ParseRetryAfterOptions } from './retry-after.js';
export { parseRetryAfter, RETRY_AFTER_MAX_MS } from './retry-after.js';
export type { RsqlErrorCode } from './rsql-error.js';
export { RsqlError } from './rsql-error.js';
export { formatRsql, formatRsqlArgument } from './rsql-format.js';
export { parseRsql } from './rsql-parse.js';
export { escapeRsqlPattern, parseRsqlPattern } from './rsql-pattern.js';
export type {
  RsqlArgument,
  RsqlComparison,
  RsqlGroup,
  RsqlNode,
  RsqlOperator,
} from './rsql-syntax.js';
export { RSQL_FIELD } from './rsql-syntax.js';
export { runMiddleware } from './run-middleware.js';
export type { JamfServer, ParseJamfServerOptions } from './server-url.js';
export { parseJamfServer } from './server-url.js';
export type { JamfServerUrlErrorCode } from './server-url-error.js';
export { JamfServerUrlError } from './server-url-error.js';
export type { TimedOutCall, WithTimeoutOptions } from './timeout.js';
export {
  checkTimeoutMs,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  requestTimeout,
  TIMEOUT_HEADER,
  TimedRequest,
  withTimeout,
} from './timeout.js';
export type { TimeoutOptionErrorCode } from './timeout-option-error.js';
export { TimeoutOptionError } from './timeout-option-error.js';
export { toRequest } from './to-request.js';
export type { SdkPackage } from './user-agent.js';
export {
  canSetUserAgent,
  defaultUserAgent,
  resolveUserAgent,
  runtimeProduct,
  withUserAgent,
} from './user-agent.js';
