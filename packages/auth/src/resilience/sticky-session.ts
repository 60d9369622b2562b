import {
  acceptsPreparedRequests,
  type FetchLike,
  isPreparedRequest,
  type MiddlewareHooks,
  type PreparedRequest,
  toRequest,
} from '@jamf/core';
import {
  checkFunctionOption,
  checkListOption,
  checkOptionsObject,
  checkWrappedFetch,
} from './resilience-option-error.js';
import { STICKY_COOKIE_NAMES, StickyCookieJar } from './sticky-cookie-jar.js';

/** Options of {@link stickySession}. */
export interface StickySessionOptions {
  /** Cookie names to keep. Default `APBALANCEID` and `jpro-ingress`. */
  cookieNames?: readonly string[];
  /** Clock for cookie `Expires`, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A sticky-session cookie jar usable both as openapi-fetch middleware and as a `fetch` wrapper. */
export interface StickySessionLayer extends MiddlewareHooks {
  /** Wraps `fetch` so calls through it share this layer's cookies. */
  wrap(fetch: FetchLike): FetchLike;
}

/**
 * Replays Jamf Pro's load-balancer cookies (`APBALANCEID`, `jpro-ingress`) per origin, so a burst
 * of requests lands on the node that served the first one. No other cookie is kept.
 *
 * @example
 * const client = createClient({ baseUrl, fetch: stickySession().wrap(fetch) });
 */
export function stickySession(options: StickySessionOptions = {}): StickySessionLayer {
  checkOptionsObject('stickySession', options, ['cookieNames', 'now']);
  const isName = (item: unknown) => typeof item === 'string' && item !== '';
  checkListOption('stickySession', 'cookieNames', options.cookieNames, isName, 'cookie names');
  checkFunctionOption('stickySession', 'now', options.now);
  const jar = new StickyCookieJar(options.cookieNames ?? STICKY_COOKIE_NAMES);
  const now = options.now ?? Date.now;
  const withCookies = <R extends Request | PreparedRequest>(request: R): R => {
    const cookie = jar.cookieHeaderFor(request.url, request.headers.get('cookie'));
    if (cookie === undefined) return request;
    const headers = new Headers(request.headers);
    headers.set('cookie', cookie);
    return (
      isPreparedRequest(request) ? request.withHeaders(headers) : new Request(request, { headers })
    ) as R;
  };
  return acceptsPreparedRequests({
    wrap(fetch: FetchLike): FetchLike {
      checkWrappedFetch('stickySession', fetch);
      return async (input, init) => {
        const request = withCookies(
          isPreparedRequest(input) && init === undefined ? input : toRequest(input, init),
        );
        const response = await fetch(request as Request);
        jar.capture(request.url, response, now());
        return response;
      };
    },
    async onRequest({ request }) {
      const sent = withCookies(request);
      return sent === request ? undefined : sent;
    },
    async onResponse({ request, response }) {
      jar.capture(request.url, response, now());
      return undefined;
    },
    async onError() {
      return undefined;
    },
  });
}

/** `fetch` with sticky-session cookies; shorthand for `stickySession(options).wrap(fetch)`. */
export function withStickySession(fetch: FetchLike, options?: StickySessionOptions): FetchLike {
  return stickySession(options).wrap(fetch);
}
