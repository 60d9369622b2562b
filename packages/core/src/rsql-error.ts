/**
 * Why RSQL could not be formatted or parsed: `INVALID_RSQL` (syntax), `INVALID_RSQL_FIELD`
 * (not a field name), `EMPTY_RSQL_LIST` (`=in=`/`=out=` or a group with nothing in it).
 */
export type RsqlErrorCode = 'INVALID_RSQL' | 'INVALID_RSQL_FIELD' | 'EMPTY_RSQL_LIST';

/** A filter that is not RSQL, or a value the RSQL formatter cannot write. */
export class RsqlError extends Error {
  override readonly name = 'RsqlError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: RsqlErrorCode,
    message: string,
    /** Where in the filter text parsing stopped, for `INVALID_RSQL`. */
    readonly position?: number,
  ) {
    super(message);
  }
}
