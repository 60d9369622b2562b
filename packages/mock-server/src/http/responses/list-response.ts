import { listQuery } from '../../query/index.js';
import { withQuery } from '../pro/pro-answers.js';
import type { RouteContext } from '../route.js';
import { jsonResponse } from './json-response.js';

/**
 * Answers a `/v1` list endpoint with the request's `filter`, `sort` and paging applied to `rows`,
 * both limited to `fields` and sorted by id when the request names no sort. Use it for any
 * collection the mock keeps in state; a bad query becomes Jamf's 400.
 */
export function listResponse<T>(
  ctx: RouteContext,
  rows: readonly T[],
  fields: readonly string[],
): Response {
  const options = { filterFields: fields, sortFields: fields, defaultSort: ['id:asc'] };
  return withQuery(() => jsonResponse(listQuery(rows, ctx.url, options)));
}
