/** The request parameters openapi-fetch passes its hooks (empty objects for the Classic API). */
export interface MiddlewareRequestParams {
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  path?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
}

/** What every hook is told about the call: the fields openapi-fetch 0.17 passes. */
export interface MiddlewareParams {
  /** The request as the hooks before this one left it. */
  request: Request;
  /** The path template of the operation, e.g. `/v1/computers-inventory/{id}`. */
  readonly schemaPath: string;
  /** The operation's path, query, header and cookie parameters. */
  readonly params: MiddlewareRequestParams;
  /** Unique per call within one client, shared by that call's hooks. */
  readonly id: string;
  /** The client's options; `fetch` is what sends the request after the `onRequest` hooks. */
  readonly options: { readonly baseUrl: string; readonly fetch: typeof fetch };
}

/** What a hook may return: a replacement, or nothing (`void`, as openapi-fetch allows). */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing is typed `void`
export type MiddlewareResult<T> = T | undefined | void | Promise<T | undefined | void>;

/**
 * The three hooks, declared as methods so that openapi-fetch's middleware (whose hooks are told
 * more: `parseAs`, serializers) and this SDK's are assignable to each other.
 */
export interface MiddlewareHooks {
  /** Runs before the request is sent: return a `Request` to replace it, a `Response` to answer it. */
  onRequest(params: MiddlewareParams): MiddlewareResult<Request | Response>;
  /** Runs on the response: return a `Response` to replace it. */
  onResponse(
    params: MiddlewareParams & { readonly response: Response },
  ): MiddlewareResult<Response>;
  /** Runs when `fetch` threw: return a `Response` to recover, an `Error` to replace the error. */
  onError(
    params: MiddlewareParams & { readonly error: unknown },
  ): MiddlewareResult<Response | Error>;
}

/**
 * A hook set around each HTTP exchange, the same shape as openapi-fetch 0.17's `Middleware` (at
 * least one of `onRequest`, `onResponse`, `onError`), so one object — `authMiddleware` of
 * `@jamf/auth`, a logger of yours — serves `client.use()` of the Pro client and the Classic
 * client's `middleware` option. {@link runMiddleware} runs them with openapi-fetch's semantics.
 */
export type Middleware =
  | (Pick<MiddlewareHooks, 'onRequest'> & Partial<Omit<MiddlewareHooks, 'onRequest'>>)
  | (Pick<MiddlewareHooks, 'onResponse'> & Partial<Omit<MiddlewareHooks, 'onResponse'>>)
  | (Pick<MiddlewareHooks, 'onError'> & Partial<Omit<MiddlewareHooks, 'onError'>>);
