import { ClientOptionError } from './client-option-error.js';
import { checkFetchAuthorizer } from './fetch-authorizer.js';
import type { FetchLike } from './fetch-like.js';
import { isAcceptingPreparedRequests, isPreparedRequest } from './prepared-request.js';
import { toRequest } from './to-request.js';

/**
 * A layer around a client's `fetch`: `retry()`, `concurrency()` or `stickySession()` of
 * `@jamf/auth/resilience`, or your own. A client's `layers` run inside its `auth` and outside its
 * timeout, so each attempt is timed on its own and no openapi-fetch middleware is involved.
 * Your layer's `fetch` is given a `Request` (or what a layer outside it passed on).
 */
export interface FetchLayer {
  /** Returns `fetch` with this layer's behaviour around it. */
  wrap(fetch: FetchLike): FetchLike;
}

/** What {@link composeFetch} builds a client's `fetch` from. */
export interface ComposeFetchOptions {
  /** The client's `auth` option, checked by `checkFetchAuthorizer`. */
  auth?: unknown;
  /** The client's `layers` option, first outermost. */
  layers?: unknown;
  /** The origin of the server the client talks to. */
  serverOrigin: string;
}

/**
 * The `fetch` a client sends with: `auth` outermost, then each of `layers` in order, then
 * `timed` (the client's timeout around the transport).
 * @throws ClientOptionError `INVALID_LAYER` for `layers` that is not a list of {@link FetchLayer}s;
 * `INVALID_AUTH` or `AUTH_ORIGIN_MISMATCH` for an unusable `auth`.
 */
export function composeFetch(timed: FetchLike, options: ComposeFetchOptions): FetchLike {
  const { auth, layers = [], serverOrigin } = options;
  if (!Array.isArray(layers)) {
    throw new ClientOptionError('INVALID_LAYER', 'layers must be a list of fetch layers');
  }
  let fetch = timed;
  for (let index = layers.length - 1; index >= 0; index -= 1) {
    const layer = layers[index] as Partial<FetchLayer> | null;
    if (typeof layer?.wrap !== 'function') {
      throw new ClientOptionError(
        'INVALID_LAYER',
        `layers[${index}] is not a fetch layer (an object with wrap(fetch), such as retry() of @jamf/auth/resilience)`,
      );
    }
    fetch = isAcceptingPreparedRequests(layer)
      ? layer.wrap(fetch)
      : givenRequests(layer.wrap(fetch));
  }
  if (auth === undefined) return fetch;
  const authorizer = checkFetchAuthorizer(auth, serverOrigin);
  return isAcceptingPreparedRequests(authorizer)
    ? authorizer.authorize(fetch)
    : givenRequests(authorizer.authorize(fetch));
}

/** `fetch` handed a built `Request` where the client passes a {@link PreparedRequest}. */
function givenRequests(fetch: FetchLike): FetchLike {
  return (input, init) =>
    isPreparedRequest(input) ? fetch(toRequest(input, init)) : fetch(input, init);
}
