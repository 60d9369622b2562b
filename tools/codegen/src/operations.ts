/** The HTTP methods OpenAPI allows on a path item. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** One HTTP method of a method, path pair. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of a document, flattened for indexing and comparison. */
export interface OperationFacts {
  method: HttpMethod;
  path: string;
  operation: Record<string, unknown>;
}

/** Lists every operation of an OpenAPI document, in path then method order. */
export function listOperations(document: Record<string, unknown>): OperationFacts[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  const result: OperationFacts[] = [];
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path] ?? {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object') {
        result.push({ method, path, operation: operation as Record<string, unknown> });
      }
    }
  }
  return result;
}
