import type { QueryError } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';

/**
 * Jamf-shaped 400 for a `QueryError` (a bad `filter`, `sort`, `page` or `page-size`). An unknown
 * field gets the body a live server gives: `code` null and the "Cannot filter by field [name]"
 * description (jamf-pro-sdk-python PR #58; its `id` and `field` entries unverified).
 */
export function queryErrorResponse(error: QueryError): Response {
  if (error.code !== 'INVALID_FIELD') return jamfError(400, error.code, error.message, error.field);
  const body = {
    httpStatus: 400,
    errors: [{ code: null, description: error.message, id: '0', field: null }],
  };
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });
}
