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

/**
 * The error for a `filter` or `sort` naming a field the endpoint does not offer, worded as Jamf
 * words it: `Cannot filter by field [name]. Fields that can be used in filtering results of this
 * endpoint: [...]` (a live server's answer quoted in jamf-pro-sdk-python PR #58; the `sort`
 * wording is the same pattern, unverified).
 */
export function unknownFieldError(
  parameter: 'filter' | 'sort',
  field: string,
  allowedFields: readonly string[],
): QueryError {
  const noun = parameter === 'filter' ? 'filtering' : 'sorting';
  return new QueryError(
    'INVALID_FIELD',
    parameter,
    `Cannot ${parameter} by field [${field}]. Fields that can be used in ${noun} results of this endpoint: [${allowedFields.join(', ')}]`,
  );
}
