/** Which hook returned something it may not: see {@link MiddlewareError}. */
export type MiddlewareErrorCode = 'INVALID_MIDDLEWARE_RESULT';

/**
 * A middleware hook returned something other than what it may (`onRequest`: a `Request` or
 * `Response`; `onResponse`: a `Response`; `onError`: a `Response` or `Error`), the case where
 * openapi-fetch throws a plain `Error`.
 */
export class MiddlewareError extends Error {
  override readonly name = 'MiddlewareError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: MiddlewareErrorCode,
    /** The hook that misbehaved. */
    readonly hook: 'onRequest' | 'onResponse' | 'onError',
    message: string,
  ) {
    super(message);
  }
}
