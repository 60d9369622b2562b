import { QueryError } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { conformToSchema, responseSchemaOf } from '../../spec/responder/conform.js';
import { jsonResponse, jsonTextResponse } from '../responses/json-response.js';
import { queryErrorResponse } from '../responses/query-error-response.js';
import type { RouteContext } from '../route.js';

/**
 * Answers `value` as the matched operation's `status` response, conformed to its schema so the
 * body is spec-valid whatever version of the shape the operation declares.
 */
export function specShaped(
  ctx: RouteContext,
  value: unknown,
  status = 200,
  isSparse = false,
): Response {
  return jsonTextResponse(specShapedText(ctx, value, status, isSparse), status);
}

/** The JSON text of {@link specShaped}'s body, for a caller that keeps it. */
export function specShapedText(
  ctx: RouteContext,
  value: unknown,
  status = 200,
  isSparse = false,
): string {
  const schema = ctx.operation === undefined ? undefined : responseSchemaOf(ctx.operation, status);
  if (schema === undefined || ctx.operation === undefined) return JSON.stringify(value);
  return JSON.stringify(
    conformToSchema(schema, value, ctx.operation.document, { isSparse, isAnswer: true }),
  );
}

/** Jamf's `{ id, href }` answer to a create. */
export function hrefResponse(ctx: RouteContext, id: number): Response {
  const base = ctx.url.pathname.replace(/\/$/, '');
  return jsonResponse({ id: String(id), href: `${ctx.url.origin}${base}/${id}` }, 201);
}

/** The numeric `{id}` of the path, or undefined when it is not a positive integer. */
export function idParam(ctx: RouteContext, name = 'id'): number | undefined {
  const raw = ctx.params[name] ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/** Jamf's 404 for an id that names nothing. */
export function notFound(what: string, id: string | undefined): Response {
  return jamfError(404, 'INVALID_ID', `${what} with id ${id ?? ''} not found`, 'id');
}

/** Runs a list computation, turning a bad `filter`/`sort`/paging into Jamf's 400. */
export function withQuery(run: () => Response): Response {
  try {
    return run();
  } catch (error) {
    if (error instanceof QueryError) return queryErrorResponse(error);
    throw error;
  }
}
