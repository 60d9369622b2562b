/** Why a client's `auth` option was refused: see {@link AuthOptionError}. */
export type AuthOptionErrorCode = 'INVALID_AUTH' | 'AUTH_ORIGIN_MISMATCH';

/** A client's `auth` option that cannot sign its requests (see `checkFetchAuthorizer`). */
export class AuthOptionError extends Error {
  override readonly name = 'AuthOptionError';

  constructor(
    /** Stable classification of the refusal. */
    readonly code: AuthOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
