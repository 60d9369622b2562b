export type { AttemptCount } from './attempt-counter.js';
export type { ObservabilityErrorCode } from './errors.js';
export { ObservabilityError } from './errors.js';
export type {
  LogRequestsOptions,
  RequestLogger,
  RequestLogLayer,
  RequestLogSink,
} from './log-requests.js';
export { logRequests } from './log-requests.js';
export type { ObservingMiddleware } from './observing-middleware.js';
export type { RequestRecord } from './request-record.js';
