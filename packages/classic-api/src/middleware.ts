/** What every middleware hook is told about the call; the same fields openapi-fetch 0.17 passes. */
export interface ClassicMiddlewareParams {
  request: Request;
  /** Unique per call within one client, shared by that call's hooks. */
  readonly id: string;
  /** Path template relative to `/JSSResource`, e.g. `/computers/id/{id}`. */
  readonly schemaPath: string;
  readonly options: { readonly baseUrl: string; readonly fetch: typeof fetch };
}

/** What a hook may return: a replacement, or nothing (`void`, as openapi-fetch allows). */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing is typed `void`
type HookResult<T> = T | undefined | void | Promise<T | undefined | void>;

/**
 * A hook around each HTTP exchange, shaped like an openapi-fetch 0.17 middleware so the same
 * objects (e.g. `authMiddleware` of `@jamf/auth`) serve the Pro and Classic clients.
 * `onRequest` hooks run in order, `onResponse` and `onError` in reverse order.
 */
export interface ClassicMiddleware {
  onRequest?(params: ClassicMiddlewareParams): HookResult<Request | Response>;
  onResponse?(params: ClassicMiddlewareParams & { response: Response }): HookResult<Response>;
  onError?(params: ClassicMiddlewareParams & { error: unknown }): HookResult<Response | Error>;
}

/** Sends one request through the middleware chain and `fetch`. */
export async function sendThroughMiddleware(
  request: Request,
  middleware: readonly ClassicMiddleware[],
  base: Omit<ClassicMiddlewareParams, 'request'>,
): Promise<Response> {
  let current = request;
  let response: Response | undefined;
  for (const hook of middleware) {
    const result = await hook.onRequest?.({ ...base, request: current });
    if (result instanceof Response) {
      response = result;
      break;
    }
    if (result instanceof Request) current = result;
  }
  if (response === undefined) {
    try {
      response = await base.options.fetch(current);
    } catch (error) {
      let outcome: unknown = error;
      for (const hook of [...middleware].reverse()) {
        const result = await hook.onError?.({ ...base, request: current, error: outcome });
        if (result instanceof Response) {
          response = result;
          break;
        }
        if (result instanceof Error) outcome = result;
      }
      if (response === undefined) throw outcome;
    }
  }
  for (const hook of [...middleware].reverse()) {
    const replaced: unknown = await hook.onResponse?.({
      ...base,
      request: current,
      response,
    });
    if (replaced instanceof Response) response = replaced;
  }
  return response;
}
