import { JamfApiError } from './jamf-api-error.js';

/** The shape of an openapi-fetch result: `data` on success, `error` otherwise. */
export type FetchResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/** The `data` of a result's successful branch (`undefined` for an empty success such as 204). */
export type SuccessData<Result> = Result extends { data: infer Data; error?: never }
  ? [Data] extends [never]
    ? undefined
    : Data
  : never;

/**
 * Returns a call's `data`, or throws a {@link JamfApiError} for an unsuccessful response.
 * For code that prefers exceptions over openapi-fetch's `{ data, error, response }`.
 *
 * @example
 * const roles = await unwrap(jamf.GET('/v1/api-roles'));
 */
export async function unwrap<Result extends FetchResult<unknown>>(
  result: Result | Promise<Result>,
): Promise<SuccessData<Result>> {
  const settled: FetchResult<unknown> = await result;
  // Duck-typed: a Response from another realm or from undici's package is still one.
  if (typeof (settled as Partial<FetchResult<unknown>> | null)?.response?.ok !== 'boolean') {
    // Not a call's result: refuse it in the package's error rather than a TypeError on `.ok`.
    throw new JamfApiError({
      code: 'INVALID_RESPONSE',
      status: 0,
      url: '',
      message: 'unwrap takes the result of a client call ({ data, error, response })',
    });
  }
  if (settled.response.ok && settled.error === undefined) {
    return settled.data as SuccessData<Result>;
  }
  throw JamfApiError.from(settled.response, settled.error);
}
