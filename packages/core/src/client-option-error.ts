/** Why a client option was refused: see {@link ClientOptionError}. */
export type ClientOptionErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_AUTH'
  | 'AUTH_ORIGIN_MISMATCH'
  | 'INVALID_LAYER';

/**
 * A client option that cannot be used: `INVALID_OPTION` (no options, or a `fetch` or
 * `middleware` of the wrong kind), `INVALID_AUTH` / `AUTH_ORIGIN_MISMATCH` (see
 * `checkFetchAuthorizer`), `INVALID_LAYER` (see `composeFetch`). The message names the option,
 * never a credential.
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
