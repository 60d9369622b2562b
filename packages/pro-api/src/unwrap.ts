import { JamfApiError } from './jamf-api-error.js';

/** The shape of an openapi-fetch result: `data` on success, `error` otherwise. */
export type FetchResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/**
 * Returns a call's `data`, or throws a {@link JamfApiError} for an unsuccessful response.
 * For code that prefers exceptions over openapi-fetch's `{ data, error, response }`.
 *
 * @example
 * const roles = await unwrap(jamf.GET('/v1/api-roles'));
 */
export async function unwrap<Data>(
  result: FetchResult<Data> | Promise<FetchResult<Data>>,
): Promise<Data> {
  const settled = await result;
  if (settled.response.ok && settled.error === undefined) return settled.data as Data;
  throw JamfApiError.from(settled.response, settled.error);
}
