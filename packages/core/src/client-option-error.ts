/** Why a client option was refused: see {@link ClientOptionError}. */
export type ClientOptionErrorCode = 'INVALID_AUTH' | 'AUTH_ORIGIN_MISMATCH' | 'INVALID_LAYER';

/**
 * A client's `auth` or `layers` option that cannot be used (see `checkFetchAuthorizer`,
 * `composeFetch`); the message names the option, never a credential.
 */
export class ClientOptionError extends Error {
  override readonly name = 'ClientOptionError';

  constructor(
    /** Stable classification of the refusal. */
    readonly code: ClientOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
