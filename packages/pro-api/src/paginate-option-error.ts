/** Which option of `paginate` was refused: see {@link PaginateOptionError}. */
export type PaginateOptionErrorCode =
  | 'INVALID_PAGE_SIZE'
  | 'INVALID_CONCURRENCY'
  | 'INVALID_SIGNAL'
  | 'INVALID_CLIENT';

/**
 * A `pageSize` or `concurrency` given to `paginate` that is not a positive whole number; thrown
 * by the iteration's first step, before any request is sent.
 */
export class PaginateOptionError extends Error {
  override readonly name = 'PaginateOptionError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: PaginateOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
