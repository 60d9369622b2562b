import type { AccessToken } from './access-token.js';
import { JamfAuthError } from './errors.js';
import type { TokenProvider } from './token-provider.js';

/**
 * The shape of an openapi-fetch 0.17 middleware, declared here so the runtime does not depend
 * on openapi-fetch; pass it to `client.use(...)`.
 */
export interface AuthMiddleware {
  onRequest(params: { request: Request; readonly id: string }): Promise<Request | undefined>;
  onResponse(params: {
    request: Request;
    response: Response;
    readonly id: string;
    readonly options: { fetch: typeof fetch };
  }): Promise<Response | undefined>;
  onError(params: { readonly id: string; error: unknown }): undefined;
}

/** A `fetch` as {@link withAuth} takes and returns it. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function isForProvider(request: Request, provider: TokenProvider): boolean {
  return new URL(request.url).origin === provider.origin;
}

function authorize(request: Request, provider: TokenProvider, token: AccessToken): Request {
  const headers = new Headers(request.headers);
  headers.set('authorization', `${provider.authorizationScheme} ${token.token}`);
  return new Request(request, { headers });
}

/** A copy to replay after a 401; a request without a body can simply be sent again. */
function spareOf(request: Request): Request {
  return request.body === null ? request : request.clone();
}

/** Frees a body nobody will read, so teed request streams do not pile up. */
function discard(body: ReadableStream<Uint8Array> | null, bodyUsed: boolean): void {
  if (body !== null && !bodyUsed) body.cancel().catch(() => undefined);
}

/** After a 401: drop the refused token, get another (shared) and send the spare copy once. */
async function replayAfter401(
  provider: TokenProvider,
  send: (request: Request) => Promise<Response>,
  spare: Request,
  refused: AccessToken,
  response: Response,
): Promise<Response> {
  discard(response.body, response.bodyUsed);
  let fresh: AccessToken;
  try {
    await provider.invalidate(refused);
    fresh = await provider.getToken();
  } catch (error) {
    discard(spare.body, spare.bodyUsed);
    throw error;
  }
  const second = await send(authorize(spare, provider, fresh));
  if (second.status !== 401) return second;
  discard(second.body, second.bodyUsed);
  throw new JamfAuthError(
    'UNAUTHORIZED_AFTER_REFRESH',
    `${spare.method} ${new URL(spare.url).pathname} was refused with HTTP 401 even with a fresh token`,
    { status: 401 },
  );
}

/**
 * Wraps a `fetch` so requests to the provider's origin carry its token, and a 401 is answered
 * by one token refresh and one replay (body included). Requests to other origins pass untouched.
 * @example const authedFetch = withAuth(fetch, provider);
 */
export function withAuth(fetchImpl: FetchFunction, provider: TokenProvider): typeof fetch {
  const send = (request: Request) => fetchImpl(request);
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!isForProvider(request, provider)) return fetchImpl(request);
    const token = await provider.getToken();
    // Copied before the first send: a sent body cannot be read again.
    const spare = spareOf(request);
    let response: Response;
    try {
      response = await send(authorize(request, provider, token));
    } catch (error) {
      discard(spare.body, spare.bodyUsed);
      throw error;
    }
    if (response.status !== 401) {
      discard(spare.body, spare.bodyUsed);
      return response;
    }
    return replayAfter401(provider, send, spare, token, response);
  };
}

/**
 * An openapi-fetch middleware with the behaviour of {@link withAuth}. Register it first
 * (outermost); its one replay after a 401 is sent with the client's `fetch` directly. If a
 * later middleware answers a request itself (returns a `Response` from `onRequest`), the copy
 * kept for a replay is only released when the middleware is garbage collected.
 * @example client.use(authMiddleware(provider));
 */
export function authMiddleware(provider: TokenProvider): AuthMiddleware {
  const pending = new Map<string, { spare: Request; token: AccessToken }>();
  const release = (id: string) => {
    const entry = pending.get(id);
    pending.delete(id);
    if (entry !== undefined) discard(entry.spare.body, entry.spare.bodyUsed);
  };
  return {
    async onRequest({ request, id }) {
      if (!isForProvider(request, provider)) return undefined;
      const token = await provider.getToken();
      pending.set(id, { spare: spareOf(request), token });
      return authorize(request, provider, token);
    },
    async onResponse({ response, id, options }) {
      const entry = pending.get(id);
      if (entry === undefined) return undefined;
      if (response.status !== 401) {
        release(id);
        return undefined;
      }
      pending.delete(id);
      return replayAfter401(
        provider,
        (request) => options.fetch(request),
        entry.spare,
        entry.token,
        response,
      );
    },
    onError({ id }) {
      release(id);
      return undefined;
    },
  };
}
