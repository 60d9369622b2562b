import {
  type FetchLike,
  isPreparedRequest,
  type MiddlewareHooks,
  type PreparedRequest,
  TimedRequest,
} from '@jamf/core';
import type { AccessToken } from './access-token.js';
import { JamfAuthError } from './errors.js';
import type { TokenLease, TokenProvider } from './token-provider.js';

/** Options of {@link authMiddleware}. */
export interface AuthMiddlewareOptions {
  /**
   * The `requestInitExt` you gave `createClient` (for example `{ dispatcher }` for a proxy or a
   * private CA). openapi-fetch 0.17 hands it only to its `fetch`, never to middleware, so the
   * replay after a 401 needs it from here to go the same way as the first send.
   */
  requestInitExt?: Record<string, unknown>;
}

/**
 * Whether a serialized URL (a `Request` or `Response` `url`) is on `origin`. A serialized URL
 * starts with its origin's serialization, then `/` (userinfo, which fetch refuses anyway, would
 * sit before the host and not match): a prefix test, without parsing a URL per call (bench P1).
 */
function isOnOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && url.charCodeAt(origin.length) === 47; // '/'
}

/** A request this SDK made for one call: a client's prepared request, or a Request. */
type OwnRequest = Request | PreparedRequest;

function isForProvider(request: OwnRequest, provider: TokenProvider): boolean {
  return isOnOrigin(request.url, provider.origin);
}

/**
 * A response that came back from another origin (a followed redirect): not ours to answer.
 * Without a redirect it answers the request itself, which was for the provider's origin.
 */
function isFromOtherOrigin(response: Response, provider: TokenProvider): boolean {
  return response.redirected && response.url !== '' && !isOnOrigin(response.url, provider.origin);
}

/**
 * Sets the token on `request` itself: every request handed here is one the SDK made (openapi-fetch's
 * per-call Request, or withAuth's own copy of the caller's input), and a copy per request was the
 * largest cost of the middleware (undici builds a signal and a header list for each Request).
 * A Request whose headers are immutable is copied instead.
 */
function withToken<R extends OwnRequest>(
  request: R,
  provider: TokenProvider,
  token: AccessToken,
): R {
  const value = `${provider.authorizationScheme} ${token.token}`;
  try {
    request.headers.set('authorization', value);
    return request;
  } catch {
    // Only a Request's headers can be immutable; a prepared request's are its own.
    const headers = new Headers(request.headers);
    headers.set('authorization', value);
    return new Request(request as Request, { headers }) as R;
  }
}

/**
 * Refuses a provider `withAuth` or `authMiddleware` cannot work with when it is made, rather than
 * with a `TypeError` on the first call: `INVALID_OPTIONS`.
 */
function checkProvider(where: string, provider: unknown): void {
  const candidate = provider as Partial<TokenProvider> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.origin !== 'string' ||
    typeof candidate.authorizationScheme !== 'string' ||
    typeof candidate.getToken !== 'function' ||
    typeof candidate.invalidate !== 'function'
  ) {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      `${where} needs a TokenProvider (clientCredentials(…), userCredentials(…), …)`,
    );
  }
}

/** A token counted as in use by this call (see `TokenProvider.lease`). */
function leaseFrom(provider: TokenProvider): Promise<TokenLease> {
  if (provider.lease !== undefined) return provider.lease();
  return provider.getToken().then((token) => ({ token, release: noop }));
}

function noop(): void {}

/**
 * A copy to replay after a 401; a request without a body, or a prepared one (whose body can be
 * read again), can simply be sent again.
 */
function spareOf<R extends OwnRequest>(request: R): R {
  return isPreparedRequest(request) || request.body === null ? request : (request.clone() as R);
}

/** Frees a body nobody will read, so teed request streams do not pile up. */
function discard(body: ReadableStream<Uint8Array> | null, bodyUsed: boolean): void {
  if (body !== null && !bodyUsed) body.cancel().catch(() => undefined);
}

/** Frees the body of a spare that will not be sent (a prepared request has no stream). */
function discardSpare(spare: OwnRequest): void {
  if (!isPreparedRequest(spare)) discard(spare.body, spare.bodyUsed);
}

function refusedAgain(spare: OwnRequest, detail: string): JamfAuthError {
  return new JamfAuthError(
    'UNAUTHORIZED_AFTER_REFRESH',
    `${spare.method} ${new URL(spare.url).pathname} was refused with HTTP 401 ${detail}`,
    { status: 401 },
  );
}

/**
 * After a 401: report the refused token, get another (shared by every caller that met the same
 * 401) and send the spare copy once. The replay never carries the refused token.
 */
async function replayAfter401<R extends OwnRequest>(
  provider: TokenProvider,
  send: (request: R) => Promise<Response>,
  spare: R,
  refused: AccessToken,
  response: Response,
): Promise<Response> {
  discard(response.body, response.bodyUsed);
  let lease: TokenLease;
  try {
    await provider.invalidate(refused);
    lease = await leaseFrom(provider);
  } catch (error) {
    discardSpare(spare);
    throw error;
  }
  if (lease.token.token === refused.token) {
    lease.release();
    discardSpare(spare);
    throw refusedAgain(spare, 'and the provider has no other token');
  }
  let second: Response;
  try {
    second = await send(withToken(spare, provider, lease.token));
  } finally {
    lease.release();
  }
  if (second.status !== 401 || isFromOtherOrigin(second, provider)) return second;
  discard(second.body, second.bodyUsed);
  throw refusedAgain(spare, 'even with a fresh token');
}

/**
 * Wraps a `fetch` so requests to the provider's origin carry its token, and a 401 is answered
 * by one token refresh and one replay (body included). Requests to other origins pass untouched;
 * a 401 from another origin (after a redirect) is returned as it is.
 * @throws JamfAuthError `INVALID_OPTIONS` for a `fetch` or `provider` of the wrong kind.
 * @example const authedFetch = withAuth(fetch, provider);
 */
export function withAuth(fetchImpl: FetchLike, provider: TokenProvider): FetchLike {
  if (typeof fetchImpl !== 'function') {
    throw new JamfAuthError('INVALID_OPTIONS', 'withAuth needs a fetch function');
  }
  checkProvider('withAuth', provider);
  const send = (request: OwnRequest) => fetchImpl(request as Request);
  return async (input, init) => {
    // A client's own per-call request (a client's `auth` option) gets its token in place; any
    // other input is copied, so a caller's Request never comes back carrying our token.
    const request: OwnRequest =
      (TimedRequest.is(input) || isPreparedRequest(input)) && init === undefined
        ? input
        : new Request(input, init);
    if (!isForProvider(request, provider)) return send(request);
    const lease = provider.leaseNow?.() ?? (await leaseFrom(provider));
    // Copied before the first send: a sent body cannot be read again.
    const spare = spareOf(request);
    let response: Response;
    try {
      response = await send(withToken(request, provider, lease.token));
    } catch (error) {
      discardSpare(spare);
      throw error;
    } finally {
      lease.release();
    }
    if (response.status !== 401 || isFromOtherOrigin(response, provider)) {
      discardSpare(spare);
      return response;
    }
    return replayAfter401(provider, send, spare, lease.token, response);
  };
}

/**
 * An openapi-fetch middleware (`Middleware` of `@jamf/core`, so also the Classic client's
 * `middleware` option) with the behaviour of {@link withAuth}. Register it first
 * (outermost): its replay after a 401 is sent with the client's `fetch` and keeps everything of
 * the first send — the headers later middleware set, the signal, and `options.requestInitExt`.
 * If a later middleware answers a request itself (returns a `Response` from `onRequest`),
 * openapi-fetch calls no `onResponse`: the copy kept for a replay is only released when the
 * middleware is garbage collected, and the call counts as in flight on its token until then, so
 * a user keep-alive of that token waits its full bound (5 s) for it.
 * @throws JamfAuthError `INVALID_OPTIONS` for a `provider` of the wrong kind.
 * @example client.use(authMiddleware(provider));
 */
export function authMiddleware(
  provider: TokenProvider,
  options: AuthMiddlewareOptions = {},
): MiddlewareHooks {
  checkProvider('authMiddleware', provider);
  const pending = new Map<string, { spare: Request; lease: TokenLease }>();
  const release = (id: string) => {
    const entry = pending.get(id);
    pending.delete(id);
    if (entry === undefined) return;
    entry.lease.release();
    discard(entry.spare.body, entry.spare.bodyUsed);
  };
  const { requestInitExt } = options;
  return {
    // Hooks return promises only when they wait: openapi-fetch awaits whatever they return.
    onRequest({ request, id }) {
      if (!isForProvider(request, provider)) return undefined;
      const attach = (lease: TokenLease) => {
        pending.set(id, { spare: spareOf(request), lease });
        return withToken(request, provider, lease.token);
      };
      const now = provider.leaseNow?.();
      return now === undefined ? leaseFrom(provider).then(attach) : attach(now);
    },
    onResponse({ request, response, id, options: client }) {
      const entry = pending.get(id);
      if (entry === undefined) return undefined;
      if (response.status !== 401 || isFromOtherOrigin(response, provider)) {
        release(id);
        return undefined;
      }
      pending.delete(id);
      entry.lease.release();
      // `request` is the one sent: it carries what later middleware added, and its signal.
      const replay = new Request(entry.spare, { headers: request.headers, signal: request.signal });
      const send = (next: Request) =>
        requestInitExt === undefined
          ? client.fetch(next)
          : client.fetch(next, requestInitExt as RequestInit);
      return replayAfter401(provider, send, replay, entry.lease.token, response);
    },
    onError({ id }) {
      release(id);
      return undefined;
    },
  };
}
