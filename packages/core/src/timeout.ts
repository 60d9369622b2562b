import { DispatcherDeadline, isNodeFetch } from './dispatcher-deadline.js';
import type { FetchLike } from './fetch-like.js';
import { platformFetch } from './platform-fetch.js';
import { isPreparedRequest, type PreparedRequest } from './prepared-request.js';
import { SignalDeadline } from './signal-deadline.js';
import { TimeoutOptionError } from './timeout-option-error.js';
import { toRequest } from './to-request.js';

/** How long a client waits for an answer by default: 60 s, as long as Jamf's slowest reports need. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The header that carries a per-call timeout from {@link requestTimeout} down to the timed
 * `fetch`; middleware copies headers with a request, so the value survives auth and retry
 * layers. It is removed before the request is sent.
 */
export const TIMEOUT_HEADER = 'x-jamf-sdk-timeout-ms';

/** Marks a {@link TimedRequest} whose own signal can never abort. */
const signalNeverAborts: unique symbol = /* @__PURE__ */ Symbol('jamf.signalNeverAborts') as never;

/**
 * The `Request` class for a client to build its requests with (openapi-fetch's `Request` option):
 * it notes whether the request's own signal can ever abort (a caller's `signal`, or a `Request`
 * it was made from). When it cannot, {@link withTimeout} does not listen to it: a listener per
 * call cost more than the rest of the timeout (bench P1). A request copied by middleware is a
 * plain `Request` again and is listened to as before.
 *
 * {@link TimedRequest.is} tells the ones built with this class. A client gives openapi-fetch
 * {@link clientRequests}' `Request`, which builds these (or prepares the request) and which every
 * `Request` is an `instanceof`, as openapi-fetch checks what middleware returns against it.
 * (No computed keys in this class body: they would keep it in bundles that never use it.)
 */
export class TimedRequest extends Request {
  /** Whether nothing but the timeout can abort this request. */
  declare readonly [signalNeverAborts]: boolean;

  constructor(input: Request | string | URL, init?: RequestInit) {
    super(input, init);
    (this as { [signalNeverAborts]: boolean })[signalNeverAborts] =
      !(input instanceof Request) && init?.signal == null;
  }

  /** Whether `value` was built with this class: a client's own request for one call. */
  static is(value: unknown): value is TimedRequest {
    return value instanceof Request && signalNeverAborts in value;
  }
}

/** What a client needs to build its own typed error for a call that timed out or got no answer. */
export interface TimedOutCall {
  /** HTTP method of the call. */
  readonly method: string;
  /** Path of the URL, without the query string. */
  readonly path: string;
  /** The URL without the query string. */
  readonly url: string;
  /** The call's timeout in milliseconds (the one that expired, for a timeout). */
  readonly timeoutMs: number;
  /** The abort reason or the platform's error, for `cause`. */
  readonly cause: unknown;
}

/** Options of {@link withTimeout}. */
export interface WithTimeoutOptions {
  /** Milliseconds to wait for the answer's headers; `0` waits forever. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Builds the error a timed-out call rejects with (`JamfApiError`, `ClassicApiError`, …). */
  timeoutError: (call: TimedOutCall) => Error;
  /**
   * Builds the error a send that failed without an answer rejects with (a refused or dropped
   * connection, DNS, TLS), its `timeoutMs` being the call's; without it, the platform's error
   * passes as it is. A caller's abort always rejects with the caller's reason.
   */
  networkError?: (call: TimedOutCall) => Error;
}

/**
 * The longest timeout a timer can hold (2³¹ − 1 ms, about 24.8 days): Node fires a longer one
 * after 1 ms, and browsers do the same.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Checks a timeout option: a whole number of milliseconds up to {@link MAX_TIMEOUT_MS}, `0` for
 * none.
 * @throws TimeoutOptionError `INVALID_TIMEOUT` for anything else.
 */
export function checkTimeoutMs(value: unknown, name = 'timeoutMs'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIMEOUT_MS)
    return value;
  throw new TimeoutOptionError(
    'INVALID_TIMEOUT',
    `${name} must be a whole number of milliseconds from 0 (none) to ${MAX_TIMEOUT_MS}, got ${String(value)}`,
  );
}

/**
 * Headers that give one call its own timeout, longer or shorter than the client's: pass them
 * as the call's `headers`.
 * @example
 * await pro.GET('/v1/computers-inventory', { headers: requestTimeout(300_000) });
 */
export function requestTimeout(timeoutMs: number): Record<string, string> {
  return { [TIMEOUT_HEADER]: String(checkTimeoutMs(timeoutMs)) };
}

/**
 * Wraps a `fetch` so each request gets a timeout (the client's, or the call's from
 * {@link requestTimeout}) that also follows the caller's own `signal`. A call whose timeout
 * expires, or whose signal is an expired `AbortSignal.timeout(…)`, rejects with the client's
 * typed error; a caller's plain abort rejects with the caller's reason, as `fetch` does.
 * The timeout covers the wait for the answer's headers; reading the body is left to the runtime
 * (a caller's abort still stops it).
 */
export function withTimeout(fetch: FetchLike, options: WithTimeoutOptions): FetchLike {
  const fallbackMs = checkTimeoutMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // Not an async function: each send below is one, and returning its promise from another
  // would add a promise and its turns to every call (bench P1).
  return (input, init) => {
    let request: Request | PreparedRequest;
    let timeoutMs = fallbackMs;
    try {
      request = isPreparedRequest(input) && init === undefined ? input : toRequest(input, init);
      const asked = request.headers.get(TIMEOUT_HEADER);
      if (asked !== null) {
        timeoutMs = checkTimeoutMs(Number(asked), TIMEOUT_HEADER);
        const headers = new Headers(request.headers);
        headers.delete(TIMEOUT_HEADER);
        request = isPreparedRequest(request)
          ? request.withHeaders(headers)
          : new Request(request, { headers });
      }
    } catch (error) {
      return Promise.reject(error);
    }
    // A prepared request's only abort source is the caller's signal; a client's own Request
    // (TimedRequest) may have none; any other Request's own signal is followed.
    const callerSignal = isPreparedRequest(request)
      ? request.signal
      : TimedRequest.is(request) && request[signalNeverAborts]
        ? undefined
        : request.signal;
    if (timeoutMs === 0) return sendUntimed(fetch, request, callerSignal, options);
    if (fetch === platformFetch && isNodeFetch(globalThis.fetch)) {
      return sendOnNode(request, callerSignal, timeoutMs, options);
    }
    return sendWithSignal(fetch, request, callerSignal, timeoutMs, options);
  };
}

/** A call with no timeout: only the caller's signal, if any, can end it. */
async function sendUntimed(
  fetch: FetchLike,
  request: Request | PreparedRequest,
  callerSignal: AbortSignal | undefined,
  options: WithTimeoutOptions,
): Promise<Response> {
  try {
    return await fetch(request as Request);
  } catch (error) {
    if (isExpiredTimeoutSignal(callerSignal)) {
      throw options.timeoutError(timedOutCall(request, 0, error));
    }
    throw failed(request, 0, error, callerSignal?.aborted === true, options);
  }
}

/** A call timed by a signal that its timer and the caller's signal both abort. */
async function sendWithSignal(
  fetch: FetchLike,
  request: Request | PreparedRequest,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  options: WithTimeoutOptions,
): Promise<Response> {
  const deadline = new SignalDeadline(callerSignal, timeoutMs);
  let response: Response | undefined;
  try {
    // One controller that the timer and the caller's signal both abort. `AbortSignal.any` cost
    // a third of the client's overhead (bench P1 profile: signal creation, weak references, GC).
    if (fetch === platformFetch) {
      // In `init`: the platform's fetch makes its one Request from the two, and keeps it.
      response = await fetch(request as Request, { signal: deadline.signal });
    } else {
      // Another fetch gets the one Request, made here with the deadline's signal and held by
      // the deadline: undici's Request follows a signal through a weak reference, so a fetch
      // that copies it (`fetch(request)` does) lost the timeout once this one was collected.
      const sent = toRequest(request, { signal: deadline.signal });
      deadline.request = sent;
      response = await fetch(sent);
    }
    return response;
  } catch (error) {
    if (deadline.expired || isExpiredTimeoutSignal(callerSignal)) {
      throw options.timeoutError(timedOutCall(request, timeoutMs, error));
    }
    throw failed(request, timeoutMs, error, deadline.signal.aborted, options);
  } finally {
    deadline.stop(response);
  }
}

/**
 * A call on Node's own `fetch`: timed by a dispatcher for the call rather than a signal (see
 * {@link DispatcherDeadline}), with the same outcomes. The caller's signal, if any, goes to
 * `fetch` as it is: undici follows it for the request's life, body included, and lets go of it
 * when the request is collected, so one signal can serve any number of calls.
 */
async function sendOnNode(
  request: Request | PreparedRequest,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  options: WithTimeoutOptions,
): Promise<Response> {
  const deadline = new DispatcherDeadline(timeoutMs);
  let init: RequestInit;
  let input: Request | string;
  if (isPreparedRequest(request)) {
    input = request.url;
    init = request.init();
  } else {
    input = request;
    init = {};
  }
  (init as { dispatcher?: DispatcherDeadline }).dispatcher = deadline;
  try {
    return await globalThis.fetch(input, init);
  } catch (error) {
    if (deadline.expired || isExpiredTimeoutSignal(callerSignal)) {
      const cause = deadline.expired ? deadline.reason : error;
      throw options.timeoutError(timedOutCall(request, timeoutMs, cause));
    }
    throw failed(request, timeoutMs, error, callerSignal?.aborted === true, options);
  } finally {
    deadline.stop();
  }
}

/** A send that failed: the caller's abort as it is, else the client's network error if it has one. */
function failed(
  request: Request | PreparedRequest,
  timeoutMs: number,
  error: unknown,
  aborted: boolean,
  options: WithTimeoutOptions,
): unknown {
  if (aborted) return error;
  // A prepared request is built by the send: one that cannot be built (made by hand with a
  // method the platform refuses; a client prepares only requests that build) fails there, and
  // is the caller's error, not a network error.
  const buildError = isPreparedRequest(request) ? request.buildError() : undefined;
  if (buildError !== undefined || options.networkError === undefined) return buildError ?? error;
  return options.networkError(timedOutCall(request, timeoutMs, error));
}

function timedOutCall(
  request: Request | PreparedRequest,
  timeoutMs: number,
  cause: unknown,
): TimedOutCall {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname,
    url: `${url.origin}${url.pathname}`,
    timeoutMs,
    cause,
  };
}

/** A signal from `AbortSignal.timeout(…)` that expired aborts with a `TimeoutError`. */
function isExpiredTimeoutSignal(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}
