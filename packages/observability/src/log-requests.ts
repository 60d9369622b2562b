import { STICKY_COOKIE_NAMES } from '@jamf/auth/resilience';
import { type FetchLike, type MiddlewareParams, toRequest } from '@jamf/core';
import { AttemptCounter } from './attempt-counter.js';
import { ObservabilityError } from './errors.js';
import type { ObservingMiddleware } from './observing-middleware.js';
import { type RequestRecord, requestRecord } from './request-record.js';
import { routeOf } from './route.js';

/** A pino-compatible logger: `logger.info(record, message)`; pino, bunyan-style and console fit. */
export interface RequestLogger {
  info(record: RequestRecord, message: string): void;
  warn(record: RequestRecord, message: string): void;
}

/** Where records go: a pino-compatible logger, or a function that receives each record. */
export type RequestLogSink = RequestLogger | ((record: RequestRecord) => void);

/** Options of {@link logRequests}. */
export interface LogRequestsOptions {
  /** The logger (`pino()`) or a function; answers below 400 go to `info`, the rest to `warn`. */
  log: RequestLogSink;
  /**
   * Response headers read as the server's request id, first match wins. Default
   * `['x-request-id']` (unverified: Jamf documents no request-id header; set yours).
   */
  requestIdHeaders?: readonly string[];
  /** Cookie names reported (by name only) as the load-balancer cookie. Default Jamf's. */
  stickyCookieNames?: readonly string[];
  /** The message of each log line. Default `jamf request`. */
  message?: string;
  /** Monotonic clock in milliseconds for durations. Default `performance.now`. */
  now?: () => number;
  /**
   * Called when the sink throws while logging a record. The call being logged goes on either
   * way: its answer (or its own error) reaches the caller, never the sink's error. Default: one
   * process warning (`ObservabilityError` `LOG_SINK_FAILED`, the sink's error as its `cause`)
   * the first time, then nothing.
   */
  onLogError?: (error: unknown, record: RequestRecord) => void;
}

/** A request log usable as openapi-fetch middleware and as a `fetch` wrapper. */
export interface RequestLogLayer extends ObservingMiddleware {
  /** Wraps `fetch` so each call through it is logged as one request. */
  wrap(fetch: FetchLike): FetchLike;
  /**
   * Wraps the `fetch` that finally sends (the client's `fetch` option) so records count
   * attempts, retries and 401-replays of each request. Optional.
   */
  countAttempts(fetch: FetchLike): FetchLike;
}

interface Pending {
  startedAt: number;
  key: string | undefined;
  route: string | undefined;
}

/**
 * Logs one structured record per request: method, path template, status, duration, attempts,
 * the server's request id and the load-balancer cookie's name. Secrets are never read into a
 * record: no header values besides the request id, no query strings, no bodies, no messages.
 * Register it first (outermost) so its record covers retries and replays.
 * @example
 * const log = logRequests({ log: pino() });
 * const pro = createProClient({ baseUrl, fetch: log.countAttempts(fetch), middleware: [log, authMiddleware(jamf)] });
 */
export function logRequests(options: LogRequestsOptions): RequestLogLayer {
  checkOptions(options);
  const emit = guardedSink(sinkOf(options), options.onLogError ?? warnOnce());
  const context = {
    requestIdHeaders: (options.requestIdHeaders ?? ['x-request-id']).map((h) => h.toLowerCase()),
    stickyCookieNames: options.stickyCookieNames ?? STICKY_COOKIE_NAMES,
  };
  const now = options.now ?? (() => performance.now());
  const counter = new AttemptCounter();
  const pending = new Map<string, Pending>();

  const finish = (
    entry: Pending,
    request: Request,
    outcome: { response: Response } | { error: unknown },
  ): void => {
    emit(
      requestRecord(context, {
        request,
        route: entry.route,
        durationMs: now() - entry.startedAt,
        attempts: counter.finish(entry.key),
        ...outcome,
      }),
    );
  };

  return {
    async onRequest(params: MiddlewareParams) {
      const started = counter.start(params.request);
      pending.set(params.id, { startedAt: now(), key: started.key, route: routeOf(params) });
      return started.key === undefined ? undefined : started.request;
    },
    async onResponse(params) {
      const entry = pending.get(params.id);
      pending.delete(params.id);
      if (entry !== undefined) finish(entry, params.request, { response: params.response });
      return undefined;
    },
    async onError(params) {
      const entry = pending.get(params.id);
      pending.delete(params.id);
      if (entry !== undefined) finish(entry, params.request, { error: params.error });
      return undefined;
    },
    wrap(fetch) {
      checkFetch(fetch, 'wrap');
      return async (input, init) => {
        const request = toRequest(input, init);
        const started = counter.start(request);
        const entry: Pending = { startedAt: now(), key: started.key, route: undefined };
        let response: Response;
        try {
          response = await fetch(started.request);
        } catch (error) {
          finish(entry, request, { error });
          throw error;
        }
        finish(entry, request, { response });
        return response;
      };
    },
    countAttempts(fetch) {
      checkFetch(fetch, 'countAttempts');
      return counter.wrap(fetch);
    },
  };
}

/**
 * Refuses options of the wrong kind with `INVALID_OPTIONS` when the layer is made, instead of a
 * TypeError there or on the first request.
 */
function checkOptions(options: LogRequestsOptions): void {
  const invalid = (message: string) => new ObservabilityError('INVALID_OPTIONS', message);
  if (typeof options !== 'object' || options === null) {
    throw invalid('logRequests needs options: { log }');
  }
  const isNames = (value: unknown) =>
    value === undefined ||
    (Array.isArray(value) && value.every((name) => typeof name === 'string' && name !== ''));
  if (!isNames(options.requestIdHeaders)) {
    throw invalid('requestIdHeaders must be a list of header names');
  }
  // A value of these is a credential or a session: logged as a request id, it would be a leak.
  const credential = options.requestIdHeaders?.find((name) =>
    CREDENTIAL_HEADERS.has(name.toLowerCase()),
  );
  if (credential !== undefined) {
    throw invalid(`requestIdHeaders cannot name ${credential}: its value is a credential`);
  }
  if (!isNames(options.stickyCookieNames)) {
    throw invalid('stickyCookieNames must be a list of cookie names');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw invalid('now must be a function returning milliseconds');
  }
  if (options.message !== undefined && typeof options.message !== 'string') {
    throw invalid('message must be a string');
  }
  if (options.onLogError !== undefined && typeof options.onLogError !== 'function') {
    throw invalid('onLogError must be a function');
  }
}

/** Headers whose values are credentials or sessions, never logged as a request id. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'www-authenticate',
  'proxy-authenticate',
]);

/** Refuses a `wrap`/`countAttempts` argument that is not a function, when wrapping. */
function checkFetch(fetch: unknown, method: string): void {
  if (typeof fetch !== 'function') {
    throw new ObservabilityError(
      'INVALID_OPTIONS',
      `logRequests ${method}(fetch) needs a fetch function`,
    );
  }
}

type LogErrorHandler = (error: unknown, record: RequestRecord) => void;

/**
 * A sink whose failures never reach the request being logged: a logger that throws (a closed
 * stream, a full disk, a bug in a custom function) must not turn an answered call into a failed
 * one, which a caller might then repeat. The failure goes to `onLogError` instead.
 */
function guardedSink(
  emit: (record: RequestRecord) => void,
  onLogError: LogErrorHandler,
): (record: RequestRecord) => void {
  return (record) => {
    try {
      emit(record);
    } catch (error) {
      try {
        onLogError(error, record);
      } catch {
        // A handler that throws too has nothing left to tell: the call still goes on.
      }
    }
  };
}

/** The default `onLogError`: the first failure becomes one process warning, later ones nothing. */
function warnOnce(): LogErrorHandler {
  let warned = false;
  return (error) => {
    if (warned) return;
    warned = true;
    const warning = new ObservabilityError(
      'LOG_SINK_FAILED',
      'the request log sink threw; the request went on and this record was dropped (set onLogError to handle it)',
      { cause: error },
    );
    const emitWarning = globalThis.process?.emitWarning;
    if (typeof emitWarning === 'function') emitWarning.call(globalThis.process, warning);
    else console.warn(warning);
  };
}

function sinkOf(options: LogRequestsOptions): (record: RequestRecord) => void {
  const log = options.log as unknown;
  const message = options.message ?? 'jamf request';
  if (typeof log === 'function') return log as (record: RequestRecord) => void;
  if (
    typeof log === 'object' &&
    log !== null &&
    typeof (log as RequestLogger).info === 'function' &&
    typeof (log as RequestLogger).warn === 'function'
  ) {
    const logger = log as RequestLogger;
    return (record) => {
      const failed = record.status === undefined || record.status >= 400;
      if (failed) logger.warn(record, message);
      else logger.info(record, message);
    };
  }
  throw new ObservabilityError(
    'INVALID_OPTIONS',
    'logRequests needs { log }: a function or a logger with info() and warn() (pino, console)',
  );
}
