/** The parts of an OpenAPI 3.0 document the mock reads; everything else passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info?: Record<string, unknown>;
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** One operation of the spec: its method, its path template relative to `/api`, and its object. */
export interface SpecOperation {
  /** Lower-case HTTP method, e.g. `get`. */
  method: string;
  /** Path template relative to `/api`, e.g. `/v1/api-roles/{id}`. */
  path: string;
  /** The raw OpenAPI operation object (parameters, requestBody, responses, …). */
  object: Record<string, unknown>;
  /** Path-level `parameters`, which apply to every operation of the path. */
  pathParameters: unknown[];
  /** Privileges from `x-required-privileges`; the caller needs every one of them. */
  requiredPrivileges: readonly string[];
  /** `x-authentication-required: false`: Jamf answers it without a token (startup status, …). */
  isPublic: boolean;
  /** The whole document, for resolving `$ref`s. */
  document: OpenApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Lists every operation of a document, in path then method order. */
export function listSpecOperations(document: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const object = item[method];
      if (typeof object !== 'object' || object === null) continue;
      const record = object as Record<string, unknown>;
      const privileges = record['x-required-privileges'];
      operations.push({
        method,
        path,
        object: record,
        pathParameters,
        requiredPrivileges: Array.isArray(privileges) ? privileges.map(String) : [],
        isPublic: record['x-authentication-required'] === false,
        document,
      });
    }
  }
  return operations;
}
