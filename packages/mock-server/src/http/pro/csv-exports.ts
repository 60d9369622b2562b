import { jamfError } from '../../spec/jamf-error.js';
import { listSpecOperations, type OpenApiDocument } from '../../spec/openapi-document.js';
import { allColumns, type Column, csvText } from '../responses/csv-text.js';
import { readJsonObject } from '../responses/read-json-body.js';
import { withTextBody } from '../responses/text-body.js';
import type { Route, RouteContext } from '../route.js';
import { concretePath } from '../router.js';

/** Where an export's rows come from when it is not the export's parent path. */
const LIST_OF_EXPORT: Readonly<Record<string, string>> = {
  '/v2/inventory-preload/export': '/v2/inventory-preload/records',
};

/** What an export asks for, from its body (`ExportParameters`) or else its query. */
interface ExportQuery {
  columns: Column[] | undefined;
  list: URLSearchParams;
}

/** A query parameter that may repeat or hold a comma-separated list. */
function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The columns and list query of an export. The body's `fields`, `page`, `pageSize`, `sort` and
 * `filter` win over the query's `export-fields`, `export-labels`, `page`, `page-size`, `sort`
 * and `filter` (unverified: Jamf documents both and not which wins). Labels that do not match
 * the fields one for one are refused, as the spec's `export-labels` says they must match.
 */
function exportQuery(url: URL, body: Record<string, unknown>): ExportQuery | Response {
  const list = new URLSearchParams();
  for (const name of ['page', 'page-size', 'filter']) {
    const value = url.searchParams.get(name);
    if (value !== null) list.set(name, value);
  }
  for (const sort of url.searchParams.getAll('sort')) list.append('sort', sort);
  if (typeof body.page === 'number') list.set('page', String(body.page));
  if (typeof body.pageSize === 'number') list.set('page-size', String(body.pageSize));
  if (typeof body.filter === 'string') list.set('filter', body.filter);
  if (Array.isArray(body.sort)) {
    list.delete('sort');
    for (const sort of body.sort) if (typeof sort === 'string') list.append('sort', sort);
  }
  if (Array.isArray(body.fields) && body.fields.length > 0) {
    const columns = body.fields.filter(isRecord).map((field) => {
      const name = String(field.fieldName ?? '');
      const label = field.fieldLabelOverride;
      return { field: name, label: typeof label === 'string' && label !== '' ? label : name };
    });
    return { columns, list };
  }
  const fields = listParam(url.searchParams, 'export-fields');
  const labels = listParam(url.searchParams, 'export-labels');
  if (labels.length > 0 && labels.length !== fields.length) {
    return jamfError(
      400,
      'INVALID_FIELD',
      `export-labels names ${labels.length} columns and export-fields ${fields.length}; they must match`,
      'export-labels',
    );
  }
  if (fields.length === 0) return { columns: undefined, list };
  return { columns: fields.map((field, i) => ({ field, label: labels[i] ?? field })), list };
}

/**
 * The list route's context for an export: the same caller, state and path parameters, the list's
 * URL with the export's paging, sort and filter, and the list's operation (its answer is shaped
 * by it).
 */
function listContext(
  ctx: RouteContext,
  listPath: string,
  query: URLSearchParams,
  operation: RouteContext['operation'],
): RouteContext {
  const encoded = Object.fromEntries(
    Object.entries(ctx.params).map(([name, value]) => [name, encodeURIComponent(value)]),
  );
  const url = new URL(`${ctx.url.origin}/api${concretePath(listPath, encoded)}`);
  url.search = query.toString();
  const headers = ctx.headers;
  return {
    url,
    headers,
    params: ctx.params,
    state: ctx.state,
    principal: ctx.principal,
    clock: ctx.clock,
    operation,
    maxBodyBytes: ctx.maxBodyBytes,
    get request() {
      return new Request(url, { headers: { authorization: headers.get('authorization') ?? '' } });
    },
  };
}

/**
 * Jamf's CSV exports (`POST /v1/packages/export`, `/v1/buildings/{id}/history/export`, …) for
 * every export whose list the mock keeps (an explicit `GET` route among `routes`, which should
 * carry their parent checks, so a missing object's history answers 404): the rows that
 * list answers for the export's page, page size, sort and filter, as CSV with a heading line.
 * Columns are every field of the rows unless `export-fields` (or the body's `fields`) picks and
 * orders them, dotted paths reaching into objects; `export-labels` (or `fieldLabelOverride`)
 * renames them. Source: the 11.30.1 spec (the `export-fields` and `export-labels` parameters,
 * `ExportParameters`, `text/csv` answers). Unverified: the line endings, how a nested value is
 * written (its JSON here), and that the body wins over the query.
 */
export function csvExportRoutes(routes: readonly Route[], spec: OpenApiDocument): Route[] {
  const lists = new Map<string, Route>();
  for (const route of routes)
    if (route.method.toUpperCase() === 'GET') lists.set(route.path, route);
  const operations = listSpecOperations(spec);
  const getOperation = (path: string) =>
    operations.find((operation) => operation.method === 'get' && operation.path === path);
  const exports: Route[] = [];
  for (const operation of operations) {
    if (operation.method !== 'post' || !operation.path.endsWith('/export')) continue;
    const listPath = LIST_OF_EXPORT[operation.path] ?? operation.path.slice(0, -'/export'.length);
    const list = lists.get(listPath);
    if (list === undefined) continue;
    const listOperation = getOperation(listPath);
    exports.push({
      method: 'POST',
      path: operation.path,
      handle: async (ctx) => {
        const text = await ctx.request.text();
        let body: Record<string, unknown> = {};
        if (text.trim() !== '') {
          const read = await readJsonObject(new Request(ctx.url, { method: 'POST', body: text }));
          if ('error' in read) return read.error;
          body = read.body;
        }
        const query = exportQuery(ctx.url, body);
        if (query instanceof Response) return query;
        const answer = withTextBody(
          await list.handle(listContext(ctx, listPath, query.list, listOperation)),
        );
        if (!answer.ok) return answer;
        const page = (await answer.json()) as { results?: unknown[] } | unknown[];
        const rows = Array.isArray(page) ? page : (page.results ?? []);
        return new Response(csvText(rows, query.columns ?? allColumns(rows)), {
          headers: { 'content-type': 'text/csv;charset=UTF-8' },
        });
      },
    });
  }
  return exports;
}
