import type { ErrorObject } from 'ajv';
import { jamfError } from '../jamf-error.js';
import type { OpenApiDocument, SpecOperation } from '../openapi-document.js';
import { essence, isJsonMediaType, mediaTypeMatches, mediaTypesOfKey } from './media-type.js';
import { SchemaCompiler } from './schema-compiler.js';

/** Default limit of a request body, in bytes (20 GiB); a larger one is refused with 413. */
export const MAX_BODY_BYTES = 20 * 1024 ** 3;

/** Compilers per document: schemas compile once per document, not once per mock. */
const compilers = new WeakMap<OpenApiDocument, SchemaCompiler>();

function compilerFor(document: OpenApiDocument): SchemaCompiler {
  let compiler = compilers.get(document);
  if (compiler === undefined) {
    compiler = new SchemaCompiler(document);
    compilers.set(document, compiler);
  }
  return compiler;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveComponent(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && hops < 16; hops++) {
    const [, , section, name] = current.$ref.split('/');
    const group = section === undefined ? undefined : document.components?.[section];
    current = isRecord(group) && name !== undefined ? group[decodeURIComponent(name)] : undefined;
  }
  return current;
}

/** The operation's parameters, path-level ones first and overridden by operation-level ones. */
function parametersOf(operation: SpecOperation): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  const own = Array.isArray(operation.object.parameters) ? operation.object.parameters : [];
  for (const raw of [...operation.pathParameters, ...own]) {
    const parameter = resolveComponent(operation.document, raw);
    if (
      isRecord(parameter) &&
      typeof parameter.name === 'string' &&
      typeof parameter.in === 'string'
    ) {
      byKey.set(`${parameter.in}:${parameter.name}`, parameter as unknown as ParameterObject);
    }
  }
  return [...byKey.values()];
}

/** The JSON type a parameter schema asks for, looking through `$ref`s. */
function schemaType(document: OpenApiDocument, schema: unknown): string | undefined {
  const resolved = resolveComponent(document, schema);
  return isRecord(resolved) && typeof resolved.type === 'string' ? resolved.type : undefined;
}

/** Turns a query or path string into the JSON value its schema type asks for; invalid stays a string. */
function coerce(raw: string, type: string | undefined): unknown {
  switch (type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean': {
      // In any case: Python clients send `True`/`False` (jps-api-wrapper's
      // `all-users-option-first`), and a Spring `boolean` parameter binds them.
      const text = raw.toLowerCase();
      return text === 'true' ? true : text === 'false' ? false : raw;
    }
    default:
      return raw;
  }
}

function describe(errors: ErrorObject[] | null | undefined): {
  description: string;
  field: string | null;
} {
  const first = errors?.[0];
  if (first === undefined) return { description: 'Invalid value', field: null };
  const missing =
    first.keyword === 'required'
      ? String((first.params as { missingProperty?: string }).missingProperty)
      : undefined;
  const pointer = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field =
    missing === undefined ? pointer : pointer === '' ? missing : `${pointer}.${missing}`;
  const message = missing === undefined ? (first.message ?? 'is invalid') : 'is required';
  return {
    description: `${field || 'body'} ${message}`,
    field: field || null,
  };
}

/**
 * What is wrong with a parameter's value, naming the value that failed: `section: FOO must be
 * equal to one of the allowed values (GENERAL, HARDWARE, …)` rather than the item's index.
 */
function parameterProblem(
  name: string,
  value: unknown,
  errors: ErrorObject[] | null | undefined,
): string {
  const first = errors?.[0];
  if (first === undefined) return `${name}: invalid value`;
  const index = /^\/(\d+)$/.exec(first.instancePath)?.[1];
  const failed = index !== undefined && Array.isArray(value) ? value[Number(index)] : value;
  const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
  const choices = Array.isArray(allowed) ? ` (${allowed.join(', ')})` : '';
  return `${name}: ${String(failed)} ${first.message ?? 'is invalid'}${choices}`;
}

/** One query or path parameter with what checking it needs, worked out once per operation. */
interface ParameterCheck {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: unknown;
  /** JSON type of the value (`array` for a repeated query parameter). */
  type: string | undefined;
  /** JSON type of an array's items. */
  itemType: string | undefined;
  /** The schema compiler's key for this parameter's validator. */
  key: string;
}

/** Checks per operation: resolving every parameter's `$ref`s per request cost more than checking it. */
const parameterChecks = new WeakMap<SpecOperation, ParameterCheck[]>();

function parameterChecksOf(operation: SpecOperation): ParameterCheck[] {
  let checks = parameterChecks.get(operation);
  if (checks !== undefined) return checks;
  const { document } = operation;
  checks = [];
  for (const parameter of parametersOf(operation)) {
    if (parameter.in !== 'query' && parameter.in !== 'path') continue;
    const type = schemaType(document, parameter.schema);
    const resolved = type === 'array' ? resolveComponent(document, parameter.schema) : undefined;
    checks.push({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: parameter.schema,
      type,
      itemType: isRecord(resolved) ? schemaType(document, resolved.items) : undefined,
      key: `param ${operation.method} ${operation.path} ${parameter.in}:${parameter.name}`,
    });
  }
  parameterChecks.set(operation, checks);
  return checks;
}

function checkParameters(
  operation: SpecOperation,
  url: URL,
  params: Record<string, string>,
): Response | undefined {
  const compiler = compilerFor(operation.document);
  for (const parameter of parameterChecksOf(operation)) {
    let value: unknown;
    if (parameter.in === 'path') {
      const raw = params[parameter.name];
      if (raw === undefined) continue;
      value = coerce(raw, parameter.type);
    } else {
      const raws = url.searchParams.getAll(parameter.name);
      if (raws.length === 0) {
        if (parameter.required) {
          return jamfError(
            400,
            'MISSING_PARAMETER',
            `Query parameter ${parameter.name} is required`,
            parameter.name,
          );
        }
        continue;
      }
      value =
        parameter.type === 'array'
          ? listItems(raws).map((raw) => coerce(raw, parameter.itemType))
          : coerce(raws[0] ?? '', parameter.type);
    }
    if (parameter.schema === undefined) continue;
    const validate = compiler.validator(parameter.key, parameter.schema);
    if (!validate(value)) {
      return jamfError(
        400,
        'INVALID_PARAMETER',
        parameterProblem(parameter.name, value, validate.errors),
        parameter.name,
      );
    }
  }
  return undefined;
}

/**
 * The items of an array query parameter, repeated (`section=GENERAL&section=HARDWARE`) or
 * comma-separated (`section=GENERAL,HARDWARE`), as a Spring `List` parameter binds them. Both
 * forms are in public use against live servers: repeated in Jamf's API reference, comma-separated
 * in jamf-pro-sdk-python (`get_computer_inventory_v1`, `",".join(sections)`) and in Moveworks' Jamf
 * plugin guide ("comma-separated values like GENERAL"), and Jamf documents comma-separated `sort`.
 */
function listItems(raws: readonly string[]): string[] {
  return raws.flatMap((raw) => raw.split(',')).map((item) => item.trim());
}

/**
 * What validation reads of a request: the body only through `withBody`, which may build it, and
 * only for an operation that declares one.
 */
export interface RequestToValidate {
  readonly method: string;
  readonly url: URL;
  readonly headers: { get(name: string): string | null };
  /** The request with its body. */
  withBody(): Request;
}

/** What request validation needs besides the operation. */
export interface ValidateOptions {
  /** Largest body accepted, in bytes; a larger one gets 413 (default {@link MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
}

/** The 413 a body above the limit gets, in Jamf's error shape. */
export function payloadTooLarge(maxBodyBytes: number): Response {
  return jamfError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBodyBytes} bytes`);
}

async function readBody(request: Request, maxBodyBytes: number): Promise<Uint8Array | 'too-large'> {
  if (request.body === null) return new Uint8Array();
  const reader = request.clone().body?.getReader();
  if (reader === undefined) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body settles only once the
      // other branch is cancelled too, which the handler's request never is.
      reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** True when a request carries no body at all (none, or a declared length of 0). */
function hasNoBody(request: RequestToValidate): boolean {
  return request.headers.get('content-length') === '0' || request.withBody().body === null;
}

/** The body checks of {@link validateRequest}, for an operation that declares `requestBody`. */
async function checkBody(
  operation: SpecOperation,
  requestBody: Record_,
  request: RequestToValidate,
  maxBodyBytes: number,
): Promise<Response | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBodyBytes) return payloadTooLarge(maxBodyBytes);
  if (hasNoBody(request)) {
    return requestBody.required === true
      ? jamfError(400, 'MISSING_REQUEST_BODY', 'A request body is required')
      : undefined;
  }
  const content = isRecord(requestBody.content) ? requestBody.content : {};
  const sent = essence(request.headers.get('content-type'));
  const entries = Object.entries(content);
  // A JSON body is taken under either JSON media type: third-party SDKs send every PATCH as
  // application/merge-patch+json (go-api-http-client-integrations, headers.go, citing Jamf's API
  // style guide; ruby-jss jp_patch) or as application/json (jps-api-wrapper `_patch`), whichever
  // of the two the spec declares for that operation; that Jamf accepts both is unverified.
  const entry =
    entries.find(([key]) =>
      mediaTypesOfKey(key).some((declared) => mediaTypeMatches(declared, sent)),
    ) ??
    (isJsonMediaType(sent)
      ? entries.find(([key]) => mediaTypesOfKey(key).some(isJsonMediaType))
      : undefined);
  if (entry === undefined) {
    const accepted = Object.keys(content).join(', ');
    return jamfError(
      400,
      'INVALID_CONTENT_TYPE',
      `Content-Type ${sent || '(none)'} is not one of: ${accepted}`,
    );
  }
  // Only JSON is read here: other bodies (multipart uploads, files) stream to their handler,
  // which counts them against the limit; reading a clone would keep the whole body in memory.
  if (!isJsonMediaType(sent)) return undefined;
  const body = await readBody(request.withBody(), maxBodyBytes);
  if (body === 'too-large') return payloadTooLarge(maxBodyBytes);
  if (body.byteLength === 0) {
    return requestBody.required === true
      ? jamfError(400, 'MISSING_REQUEST_BODY', 'A request body is required')
      : undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return jamfError(400, 'INVALID_JSON', 'The request body is not valid JSON');
  }
  const schema = isRecord(entry[1]) ? entry[1].schema : undefined;
  if (schema === undefined) return undefined;
  const validate = compilerFor(operation.document).validator(
    `body ${operation.method} ${operation.path} ${entry[0]}`,
    schema,
  );
  if (validate(parsed)) return undefined;
  const { description, field } = describe(validate.errors);
  return jamfError(400, 'INVALID_FIELD', description, field);
}

/**
 * Checks a request against its spec operation before any handler runs: required and typed query
 * and path parameters, body size (413 above `maxBodyBytes`), content type, JSON syntax and the
 * body schema. Returns a Jamf-shaped 400 (or 413) for the first problem, or undefined when the
 * request may proceed. The request's own body is left unread (a clone of a JSON body is read;
 * other bodies are not read at all). The answer is a promise only when there is a body to check:
 * most requests (every GET, a token POST) are checked at once, without a tick.
 */
export function validateRequest(
  operation: SpecOperation,
  request: RequestToValidate,
  params: Record<string, string> = pathParamsOf(operation.path, request.url),
  options: ValidateOptions = {},
): Response | undefined | Promise<Response | undefined> {
  const invalid = checkParameters(operation, request.url, params);
  if (invalid !== undefined) return invalid;
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return undefined;
  const requestBody = resolveComponent(operation.document, operation.object.requestBody);
  if (!isRecord(requestBody)) return undefined;
  return checkBody(operation, requestBody, request, options.maxBodyBytes ?? MAX_BODY_BYTES);
}

/** Reads a template's `{params}` from the last segments of the URL (the mock may sit under any base). */
function pathParamsOf(template: string, url: URL): Record<string, string> {
  const names = template.split('/').slice(1);
  const segments = url.pathname.split('/').slice(-names.length);
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    const match = /^\{(.+)\}$/.exec(name);
    const segment = segments[index];
    if (match?.[1] !== undefined && segment !== undefined) {
      try {
        params[match[1]] = decodeURIComponent(segment);
      } catch {
        params[match[1]] = segment;
      }
    }
  });
  return params;
}
