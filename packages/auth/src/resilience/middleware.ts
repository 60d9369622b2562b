/** The `fetch` a layer sends through: one `Request` in, one `Response` out. */
export type SendRequest = (request: Request) => Promise<Response>;

/** A `fetch`-compatible function, as `withRetry` and friends take and return. */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** What openapi-fetch hands each middleware hook; only the fields the layers read. */
export interface MiddlewareParams {
  request: Request;
  id: string;
  options: { fetch: SendRequest };
}

/**
 * An openapi-fetch middleware (`client.use(layer)`), typed structurally so `@jamf/auth` does not
 * depend on openapi-fetch.
 */
export interface ResilienceMiddleware {
  onRequest(params: Readonly<MiddlewareParams>): Promise<Request | undefined>;
  onResponse(
    params: Readonly<MiddlewareParams & { response: Response }>,
  ): Promise<Response | undefined>;
  onError(
    params: Readonly<MiddlewareParams & { error: unknown }>,
  ): Promise<Response | Error | undefined>;
}

/** Turns the arguments of a `fetch` call into one `Request`, as the fetch-wrapper forms need. */
export function toRequest(input: Request | string | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init);
}
