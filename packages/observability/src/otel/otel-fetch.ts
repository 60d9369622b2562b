import { type FetchLike, toRequest } from '@jamf/core';
import { ObservabilityError } from '../errors.js';
import {
  endWithError,
  endWithResponse,
  type OtelOptions,
  startRequestSpan,
  tracerOf,
} from './tracing.js';

/** Options of {@link otelFetch}. */
export interface OtelFetchOptions extends OtelOptions {
  /**
   * The path template of a URL, for span names and `url.template`. Default: the path itself for
   * Jamf's token endpoints (they have no parameters), none otherwise.
   */
  route?: (url: URL) => string | undefined;
}

/** Paths of Jamf Pro's token endpoints: OAuth, user token, keep-alive, invalidate, legacy. */
const TOKEN_PATHS = new Set([
  '/api/oauth/token',
  '/api/v1/oauth/token',
  '/api/v1/auth/token',
  '/api/v1/auth/keep-alive',
  '/api/v1/auth/invalidate-token',
  '/uapi/auth/tokens',
  '/uapi/auth/keepAlive',
  '/uapi/auth/invalidateToken',
]);

function tokenRoute(url: URL): string | undefined {
  return TOKEN_PATHS.has(url.pathname) ? url.pathname : undefined;
}

/**
 * Wraps a `fetch` so each call is a client span. Pass it as a token provider's `fetch` to see
 * token requests as spans of their own, or as a client's `fetch` to see every send.
 * @example
 * const jamf = clientCredentials({ baseUrl, clientId, clientSecret, fetch: otelFetch(fetch) });
 */
export function otelFetch(
  fetch: FetchLike,
  options: OtelFetchOptions = {},
): typeof globalThis.fetch {
  const tracer = tracerOf(options, 'otelFetch');
  if (typeof fetch !== 'function') {
    throw new ObservabilityError('INVALID_OPTIONS', 'otelFetch: wraps a fetch function');
  }
  if (options.route !== undefined && typeof options.route !== 'function') {
    throw new ObservabilityError('INVALID_OPTIONS', 'otelFetch: route must be a function');
  }
  const route = options.route ?? tokenRoute;
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = toRequest(input, init);
    const started = startRequestSpan(tracer, options, request, route(new URL(request.url)));
    let response: Response;
    try {
      response = await fetch(started.request);
    } catch (error) {
      endWithError(started.span, error);
      throw error;
    }
    endWithResponse(started.span, response);
    return response;
  };
}
