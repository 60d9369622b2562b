/**
 * Why a server address was refused: `INVALID_BASE_URL` (not an absolute http(s) URL, a query or
 * fragment, or credentials in it) or `INSECURE_TRANSPORT` (plain `http://` to a host that is not
 * loopback, without `allowInsecureHttp`).
 */
export type JamfServerUrlErrorCode = 'INVALID_BASE_URL' | 'INSECURE_TRANSPORT';

/**
 * A Jamf Pro server address that cannot be used, thrown by `parseJamfServer`. Its message never
 * repeats the address, which may hold a user name and password.
 */
export class JamfServerUrlError extends Error {
  override readonly name = 'JamfServerUrlError';

  constructor(
    /** Stable classification of the refusal. */
    readonly code: JamfServerUrlErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
