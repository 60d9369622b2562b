/**
 * The codes an unsuccessful HTTP status maps to, the same in every client of the SDK: see
 * {@link codeForStatus}.
 */
export type JamfStatusErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR';

/**
 * One vocabulary for why a call to Jamf Pro failed, shared by `JamfApiError` (Pro API) and
 * `ClassicApiError` (Classic API) so one `switch` handles both:
 * the {@link JamfStatusErrorCode}s for an answer with an unsuccessful status, plus
 * `NETWORK_ERROR` (no answer came), `TIMEOUT` (no answer in time) and `INVALID_RESPONSE`
 * (a successful status whose body cannot be read).
 */
export type JamfErrorCode = JamfStatusErrorCode | 'NETWORK_ERROR' | 'TIMEOUT' | 'INVALID_RESPONSE';

/**
 * The error code an HTTP status means: 400 `BAD_REQUEST`, 401 `UNAUTHORIZED`, 403 `FORBIDDEN`,
 * 404 `NOT_FOUND`, 409 `CONFLICT`, 429 `RATE_LIMITED`, 5xx `SERVER_ERROR`, and `HTTP_ERROR` for any
 * other status a client did not expect. Use it when turning a response into an error.
 *
 * @example
 * codeForStatus(429); // 'RATE_LIMITED'
 */
export function codeForStatus(status: number): JamfStatusErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 && status <= 599 ? 'SERVER_ERROR' : 'HTTP_ERROR';
  }
}
