import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import addFormatsModule from 'ajv-formats';
import { OpenAPIBackend, type Operation } from 'openapi-backend';
import { discriminatorsAsConditionals } from '../../src/spec/validation/discriminator.js';

// ajv-formats is CommonJS with `exports.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: unknown) => unknown;

/** The repo's distilled Pro spec, the document every answer is checked against. */
export const specPath = fileURLToPath(
  new URL('../../../../specs/jamf-pro.openapi.json', import.meta.url),
);

type Json = Record<string, unknown>;

/**
 * The spec as parsed JSON, with `operationId`s filled in (Jamf's lack them; openapi-backend keys
 * on them) and discriminated `oneOf`s read as the discriminator means them (validators ignore
 * `discriminator`, and Jamf's alternatives overlap).
 */
export function loadSpec(): Json {
  const doc = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  doc.components = discriminatorsAsConditionals(doc.components);
  withoutRequiredWriteOnly(doc.components, doc.components as Json);
  let index = 0;
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const op of Object.values(item)) {
      if (typeof op === 'object' && op !== null && 'responses' in op) {
        const operation = op as Json;
        operation.operationId ??= `operation${index++}`;
      }
    }
  }
  return doc;
}

/**
 * Drops `writeOnly` properties from every `required` list, in place: the contract checks answers,
 * and OpenAPI 3.0 says a required `writeOnly` property is required in requests only (Jamf marks
 * passwords and tokens so, e.g. `/v2/smtp-server`'s `basicAuthCredentials.password`); the mock
 * never answers them.
 */
function withoutRequiredWriteOnly(node: unknown, components: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutRequiredWriteOnly(item, components);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Json;
  const properties = record.properties as Json | undefined;
  if (Array.isArray(record.required) && properties !== undefined) {
    record.required = record.required.filter(
      (name) => !isWriteOnly(properties[String(name)], components),
    );
  }
  for (const value of Object.values(record)) withoutRequiredWriteOnly(value, components);
}

function isWriteOnly(schema: unknown, components: Json): boolean {
  let current = schema as Json | undefined;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 32; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = (components.schemas as Json | undefined)?.[name] as Json | undefined;
  }
  return current?.writeOnly === true;
}

function mediaTypes(content: unknown): string[] {
  return Object.keys((content as Json | undefined) ?? {}).flatMap((key) =>
    key.split(',').map((part) => part.trim()),
  );
}

function covers(declared: string, actual: string): boolean {
  const [dType, dSub] = declared.split('/');
  const [aType, aSub] = actual.split('/');
  return (dType === '*' || dType === aType) && (dSub === '*' || dSub === aSub);
}

/**
 * Checks mock answers against the spec with openapi-backend (ajv underneath): the status must
 * be declared, the content type one the spec lists, and a JSON body valid for the status's
 * schema. Errors the spec does not declare must still be Jamf's `{httpStatus, errors}` body.
 */
export class SpecContract {
  readonly api: OpenAPIBackend;
  readonly #ready: Promise<unknown>;

  constructor(definition: Json = loadSpec()) {
    this.api = new OpenAPIBackend({
      definition: definition as never,
      strict: false,
      quick: true,
      validate: true,
      ajvOpts: { strict: false },
      customizeAjv: (ajv) => {
        addFormats(ajv);
        for (const format of ['int32', 'int64', 'float', 'double', 'password', 'binary', 'base64'])
          ajv.addFormat(format, true);
        return ajv;
      },
    });
    this.#ready = this.api.init();
  }

  /** Resolves once the document is loaded. */
  ready(): Promise<unknown> {
    return this.#ready;
  }

  /** The operation a Pro URL and method name (path after `/api`), if any. */
  match(method: string, apiPath: string): Operation | undefined {
    return this.api.router.matchOperation({
      method: method.toLowerCase(),
      path: apiPath,
      headers: {},
    }) as Operation | undefined;
  }

  /**
   * Problems with one answer; empty when it honours the contract. `isStrict` also refuses
   * error statuses the operation does not declare.
   */
  async check(
    operation: Operation,
    response: Response,
    options: { isStrict?: boolean } = {},
  ): Promise<string[]> {
    const label = `${operation.method.toUpperCase()} ${operation.path} → ${response.status}`;
    const responses = (operation.responses ?? {}) as Record<string, Json>;
    const declared =
      responses[String(response.status)] ??
      responses[`${String(response.status)[0]}XX`] ??
      responses.default;
    const type =
      (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const text = await response.clone().text();
    if (declared === undefined) {
      if (response.status < 400 || options.isStrict === true) {
        return [
          `${label}: status not declared (${Object.keys(responses).join(', ')}): ${text.slice(0, 160)}`,
        ];
      }
      return isJamfError(text)
        ? []
        : [`${label}: undeclared error without Jamf's error body: ${text.slice(0, 200)}`];
    }
    const content = declared.content as Json | undefined;
    if (content === undefined || Object.keys(content).length === 0) {
      // Jamf answers every error with its error body, also where the spec declares none.
      if (text === '' || (response.status >= 400 && isJamfError(text))) return [];
      return [`${label}: the spec declares no body, got ${text.slice(0, 120)}`];
    }
    if (!mediaTypes(content).some((declaredType) => covers(declaredType, type))) {
      return [
        `${label}: content type ${type || '(none)'} not among ${mediaTypes(content).join(', ')}`,
      ];
    }
    if (type !== 'application/json' || !('application/json' in content)) return [];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${label}: body is not JSON`];
    }
    if (response.status === 400 && isUnknownFieldError(body)) return [];
    const result = this.api.validateResponse(body, operation, response.status);
    return result.valid ? [] : [`${label}: ${JSON.stringify(result.errors?.slice(0, 3))}`];
  }
}

/**
 * A live server refuses an unknown `filter`/`sort` field with `code: null`, against its own
 * ApiError schema (jamf-pro-sdk-python PR #58); the mock answers as the server does.
 */
function isUnknownFieldError(body: unknown): boolean {
  const errors = (body as { errors?: { code?: unknown; description?: unknown }[] }).errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return (
    first?.code === null &&
    typeof first.description === 'string' &&
    /^Cannot (filter|sort) by field \[/.test(first.description)
  );
}

function isJamfError(text: string): boolean {
  try {
    const body = JSON.parse(text) as { httpStatus?: unknown; errors?: unknown };
    return typeof body.httpStatus === 'number' && Array.isArray(body.errors);
  } catch {
    return false;
  }
}
