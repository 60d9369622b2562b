import type { Middleware, MiddlewareParams } from './middleware.js';
import { MiddlewareError } from './middleware-error.js';

/**
 * Sends one request through middleware and `context.options.fetch` exactly as openapi-fetch
 * 0.17's client does (`createClient` in openapi-fetch/dist/index.mjs):
 * - `onRequest` hooks run in order; a returned `Request` replaces the request, a returned
 *   `Response` answers the call: later `onRequest` hooks, `fetch`, and every `onResponse` hook
 *   are skipped;
 * - when `fetch` throws, `onError` hooks run in reverse order: an `Error` replaces the error, a
 *   `Response` recovers (the remaining `onError` hooks are skipped, the `onResponse` hooks run);
 *   with no recovery the last error is thrown;
 * - `onResponse` hooks run in reverse order; a returned `Response` replaces the response.
 * Use it in a client that is not built on openapi-fetch, so its middleware behaves the same.
 *
 * @throws MiddlewareError `INVALID_MIDDLEWARE_RESULT` when a hook returns anything else truthy.
 */
export async function runMiddleware(
  request: Request,
  middleware: readonly Middleware[],
  context: Omit<MiddlewareParams, 'request'>,
): Promise<Response> {
  let current = request;
  let response: Response | undefined;
  for (const hook of middleware) {
    if (typeof hook?.onRequest !== 'function') continue;
    const result: unknown = await hook.onRequest({ ...context, request: current });
    if (!result) continue;
    if (result instanceof Request) {
      current = result;
    } else if (result instanceof Response) {
      return result;
    } else {
      throw new MiddlewareError(
        'INVALID_MIDDLEWARE_RESULT',
        'onRequest',
        'onRequest must return a Request or a Response (or nothing)',
      );
    }
  }
  try {
    response = await context.options.fetch(current);
  } catch (error) {
    response = await recover(current, error, middleware, context);
  }
  for (let i = middleware.length - 1; i >= 0; i -= 1) {
    const hook = middleware[i];
    if (typeof hook?.onResponse !== 'function') continue;
    const result: unknown = await hook.onResponse({ ...context, request: current, response });
    if (!result) continue;
    if (!(result instanceof Response)) {
      throw new MiddlewareError(
        'INVALID_MIDDLEWARE_RESULT',
        'onResponse',
        'onResponse must return a Response (or nothing)',
      );
    }
    response = result;
  }
  return response;
}

/** Runs the `onError` hooks in reverse order: a `Response` recovers, else the error is thrown. */
async function recover(
  request: Request,
  thrown: unknown,
  middleware: readonly Middleware[],
  context: Omit<MiddlewareParams, 'request'>,
): Promise<Response> {
  let error = thrown;
  for (let i = middleware.length - 1; i >= 0; i -= 1) {
    const hook = middleware[i];
    if (typeof hook?.onError !== 'function') continue;
    const result: unknown = await hook.onError({ ...context, request, error });
    if (!result) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Error)) {
      throw new MiddlewareError(
        'INVALID_MIDDLEWARE_RESULT',
        'onError',
        'onError must return a Response or an Error (or nothing)',
      );
    }
    error = result;
  }
  throw error;
}
