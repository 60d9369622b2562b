/**
 * Stable codes of `ClassicApiError`: one per HTTP failure Jamf's Classic API answers with, plus
 * `HTTP_ERROR` for other statuses, `INVALID_RESPONSE` for a success body that cannot be parsed,
 * `NETWORK_ERROR` when no answer came and `UNKNOWN_RESOURCE` for a call the client cannot map.
 */
export type ClassicApiErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR'
  | 'INVALID_RESPONSE'
  | 'NETWORK_ERROR'
  | 'UNKNOWN_RESOURCE';

/** Details of a failed Classic call; never carries credentials. */
export interface ClassicApiErrorDetails {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Method and path (relative to `/JSSResource`) of the request. */
  method?: string;
  path?: string;
  /** The raw body when Jamf's page could not be read as an error page. */
  body?: string;
}

/**
 * A failed Classic API call: Jamf's HTML error page (`<p>Error: Duplicate name</p>`) becomes
 * `code` `CONFLICT`, `status` 409 and `message` "Duplicate name".
 */
export class ClassicApiError extends Error {
  override readonly name = 'ClassicApiError';
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly body: string | undefined;

  constructor(
    readonly code: ClassicApiErrorCode,
    message: string,
    options?: ErrorOptions & ClassicApiErrorDetails,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
    this.method = options?.method;
    this.path = options?.path;
    this.body = options?.body;
  }
}

/** The code Jamf's Classic API means by an HTTP status. */
export function codeForStatus(status: number): ClassicApiErrorCode {
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
    default:
      return status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR';
  }
}
