import type { JamfErrorCode } from '@jamf/core';

/**
 * Stable codes of `ClassicApiError`: `@jamf/core`'s one vocabulary, the same as `JamfApiError`'s
 * (`codeForStatus` for an HTTP failure: 429 is `RATE_LIMITED`, an unexpected status
 * `HTTP_ERROR`; `INVALID_RESPONSE` for a success body that cannot be parsed, `NETWORK_ERROR`
 * when no answer came), plus `UNKNOWN_RESOURCE` for a call the client cannot map and
 * `INVALID_REQUEST` for one it refuses to send (a lookup value, body, element name or header
 * that cannot make a valid request).
 */
export type ClassicApiErrorCode = JamfErrorCode | 'UNKNOWN_RESOURCE' | 'INVALID_REQUEST';

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
