import {
  ClientOptionError,
  clientRequests,
  composeFetch,
  type FailedCall,
  type FetchAuthorizer,
  type FetchLayer,
  type FetchLike,
  platformFetch,
  resolveUserAgent,
  type TimedOutCall,
  toRequest,
  withTimeout,
} from '@jamf/core';
import type { HeadersOptions, Middleware } from 'openapi-fetch';
import createClient from 'openapi-fetch';
import { proApiBaseUrl } from './base-url.js';
import { completeCalls } from './complete-calls.js';
import { JamfApiError } from './jamf-api-error.js';
import type { ProClientFor } from './pro-client-for.js';
import { PRO_API_PACKAGE } from './sdk-package.js';

export type { ProClientFor } from './pro-client-for.js';

/** Options for a Jamf Pro API client. */
export interface ProClientOptions {
  /**
   * The Jamf Pro server, e.g. `https://tenant.jamfcloud.com`, or its API root
   * `https://tenant.jamfcloud.com/api` (a trailing slash is fine either way).
   */
  baseUrl: string;
  /** The fetch to send requests with; defaults to `globalThis.fetch` at call time. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Signs every request: a token provider of `@jamf/auth` (`clientCredentials`,
   * `userCredentials`, …) for the same server. Its token goes on each request, a 401 brings one
   * fresh token and one replay, and no middleware is involved (openapi-fetch's middleware costs
   * a few µs per call, bench P1). Use `authMiddleware` instead to place auth among other
   * middleware.
   */
  auth?: FetchAuthorizer;
  /**
   * Layers around the client's `fetch`, first outermost, inside `auth` and outside the timeout
   * (each attempt is timed on its own): `retry()` and `concurrency({ max: 5 })` of
   * `@jamf/auth/resilience`, or yours. The same layers as middleware cost a few µs more per call.
   */
  layers?: readonly FetchLayer[];
  /** openapi-fetch middleware (for instance `@jamf/auth`'s), applied in order. */
  middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  headers?: HeadersOptions;
  /**
   * Milliseconds to wait for each answer, `0` for no limit; default 60 000. One call sets its own
   * with `headers: requestTimeout(ms)` (exported here). A call that times out rejects with a
   * `JamfApiError` of code `TIMEOUT` (status 0) naming its method and path.
   */
  timeoutMs?: number;
  /**
   * The `User-Agent` to send: default `jamf-sdk-ts/<version> (@jamf/pro-api) <runtime>`; `false`
   * sends none of ours. Never set in browsers, which do not allow it.
   */
  userAgent?: string | false;
  /**
   * Allows plain `http://` to a server that is not on loopback. Off by default: the client refuses
   * such a `baseUrl` with a `JamfServerUrlError` (`INSECURE_TRANSPORT`), as `@jamf/auth` does.
   */
  allowInsecureHttp?: boolean;
}

/**
 * The client's default headers with our `User-Agent` first, so the client's own `headers` and a
 * call's `headers` override it. A default header is merged into the one Request openapi-fetch
 * builds; a `fetch` wrapper setting it cost a header lookup per call (bench P1).
 */
function withDefaultUserAgent(
  headers: HeadersOptions | undefined,
  userAgent: string | undefined,
): HeadersOptions | undefined {
  if (userAgent === undefined) return headers;
  if (headers instanceof Headers || Array.isArray(headers)) {
    const copy = new Headers(headers as HeadersInit);
    if (!copy.has('user-agent')) copy.set('user-agent', userAgent);
    return copy;
  }
  return { 'user-agent': userAgent, ...headers };
}

/** The error of a call that got no answer at all: the connection failed or was dropped. */
function networkError(call: TimedOutCall): JamfApiError {
  const reason = call.cause instanceof Error ? `: ${call.cause.message}` : '';
  return new JamfApiError(
    {
      code: 'NETWORK_ERROR',
      status: 0,
      url: call.url,
      message: `${call.method} ${call.path}: no answer${reason}`,
    },
    { cause: call.cause },
  );
}

/**
 * A call that failed while its answer's body was read: openapi-fetch's `SyntaxError` for a
 * successful answer whose body is not JSON (a proxy's or a maintenance page), or the runtime's
 * `TypeError` for a body cut off, becomes a `JamfApiError` with the answer's status
 * (`INVALID_RESPONSE`, `NETWORK_ERROR`). The caller's own abort, and a call that got no answer
 * (typed already by the timeout), are passed on as they are.
 */
function answerError(error: unknown, { request, response }: FailedCall): unknown {
  if (response === undefined) return error;
  // The caller aborted: what the read rejected with is the abort's (its reason, or the runtime's
  // AbortError).
  if (request.signal?.aborted === true) return error;
  const notJson = error instanceof SyntaxError;
  if (!notJson && !(error instanceof TypeError)) return error;
  const url = new URL(request.url);
  const what = `${request.method} ${url.pathname}: the answer (HTTP ${response.status})`;
  return new JamfApiError(
    {
      code: notJson ? 'INVALID_RESPONSE' : 'NETWORK_ERROR',
      status: response.status,
      url: `${url.origin}${url.pathname}`,
      message: notJson ? `${what} is not JSON` : `${what} was cut off while it was read`,
    },
    { cause: error },
  );
}

/** Refuses options a client cannot be made from, naming the option. */
function checkOptions(options: unknown): asserts options is ProClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ClientOptionError('INVALID_OPTION', 'createProClient needs options ({ baseUrl })');
  }
  const { fetch, middleware } = options as Partial<Record<keyof ProClientOptions, unknown>>;
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new ClientOptionError('INVALID_OPTION', 'fetch must be a function');
  }
  if (
    middleware !== undefined &&
    !(Array.isArray(middleware) && middleware.every((m) => typeof m === 'object' && m !== null))
  ) {
    throw new ClientOptionError(
      'INVALID_OPTION',
      'middleware must be a list of middleware objects',
    );
  }
}

/** The error of a call that got no answer within its timeout. */
function timeoutError(call: TimedOutCall): JamfApiError {
  return new JamfApiError(
    {
      code: 'TIMEOUT',
      status: 0,
      url: call.url,
      message: `${call.method} ${call.path}: no answer within ${call.timeoutMs} ms`,
    },
    { cause: call.cause },
  );
}

/**
 * Creates an openapi-fetch client over any subset of the Jamf Pro API's paths.
 * Use it from per-area entry points so a consumer loads only the types it needs;
 * most users want `createProClient` instead.
 */
export function createClientFor<Paths extends {}>(options: ProClientOptions): ProClientFor<Paths> {
  checkOptions(options);
  // A prepared request (the client's own, see clientRequests) is built once, when it is sent,
  // with the timeout: by the platform fetch from its URL and init, or as the one Request a
  // caller's fetch gets.
  const userFetch = options.fetch;
  const send: FetchLike =
    userFetch === undefined ? platformFetch : (input, init) => userFetch(toRequest(input, init));
  const timed = withTimeout(send, { timeoutMs: options.timeoutMs, timeoutError, networkError });
  const baseUrl = proApiBaseUrl(options.baseUrl, {
    allowInsecureHttp: options.allowInsecureHttp === true,
  });
  // Auth and layers outside the timeout: a retry or the replay after a 401 is timed on its own.
  const fetch =
    options.auth === undefined && options.layers === undefined
      ? timed
      : composeFetch(timed, {
          auth: options.auth,
          layers: options.layers,
          serverOrigin: new URL(baseUrl).origin,
        });
  const middleware = options.middleware ?? [];
  const hasMiddleware = middleware.length > 0;
  const requests = clientRequests(hasMiddleware, baseUrl);
  const client = createClient<Paths, 'application/json'>({
    baseUrl,
    fetch: requests.answering(fetch),
    Request: requests.Request,
    headers: withDefaultUserAgent(
      options.headers,
      resolveUserAgent(options.userAgent, PRO_API_PACKAGE),
    ),
  });
  if (hasMiddleware) client.use(...middleware);
  requests.attach(client, answerError);
  // Outermost: a call is checked and completed before anything else reads its options.
  completeCalls(client as never, options.headers);
  // The same object, with openapi-fetch's call signatures narrowed to name the closest real
  // paths when one is misspelt (see ProClientFor).
  return client as unknown as ProClientFor<Paths>;
}
