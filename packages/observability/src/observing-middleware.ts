import type { MiddlewareHooks, MiddlewareParams } from '@jamf/core';

/**
 * A middleware that watches and never answers: the openapi-fetch 0.17 shape (`client.use(…)`),
 * which `@jamf/classic-api`'s `middleware` option takes too.
 */
export interface ObservingMiddleware extends MiddlewareHooks {
  onRequest(params: MiddlewareParams): Promise<Request | undefined>;
  onResponse(params: MiddlewareParams & { readonly response: Response }): Promise<undefined>;
  onError(params: MiddlewareParams & { readonly error: unknown }): Promise<undefined>;
}
