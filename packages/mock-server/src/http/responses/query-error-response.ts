import type { QueryError } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';

/** Jamf-shaped 400 for a `QueryError` (a bad `filter`, `sort`, `page` or `page-size`). */
export function queryErrorResponse(error: QueryError): Response {
  return jamfError(400, error.code, error.message, error.field);
}
