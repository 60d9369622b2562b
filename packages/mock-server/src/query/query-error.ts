/** Stable codes of a rejected `filter`, `sort` or paging parameter. */
export type QueryErrorCode =
  | 'INVALID_RSQL_FILTER'
  | 'INVALID_FIELD'
  | 'INVALID_SORT'
  | 'INVALID_PAGE';

/** A query parameter the mock rejects; the HTTP layer answers it with a Jamf-shaped 400. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly code: QueryErrorCode,
    /** The query parameter at fault: `filter`, `sort`, `page` or `page-size`. */
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
