import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../openapi-document.js';
import { discriminatorsAsConditionals } from './discriminator.js';

// ajv-formats ships CommonJS with `exports.default`; under NodeNext its default import is the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const DOCUMENT_ID = 'jamf-pro-request';

/** OpenAPI's numeric and opaque formats: any value of the right JSON type passes. */
const OPEN_FORMATS = ['int32', 'int64', 'float', 'double', 'password', 'binary', 'base64'];

/**
 * Compiles a document's request schemas with ajv, lazily: a schema is compiled the first time a
 * request needs it, then reused. `readOnly` properties are dropped from `required`, because a
 * client never sends them (OpenAPI 3.0 §4.8.25).
 */
export class SchemaCompiler {
  readonly #ajv: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();
  readonly #document: OpenApiDocument;

  constructor(document: OpenApiDocument) {
    this.#document = document;
    this.#ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.#ajv);
    for (const format of OPEN_FORMATS) this.#ajv.addFormat(format, true);
    const components = discriminatorsAsConditionals(
      forRequests(document.components ?? {}, document),
    );
    this.#ajv.addSchema({ $id: DOCUMENT_ID, components });
  }

  /** The validator of `schema` (a node of the document), compiled on first use; `key` names it. */
  validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.#cache.get(key);
    if (validate === undefined) {
      const anchored = rebase(discriminatorsAsConditionals(forRequests(schema, this.#document)));
      validate = this.#ajv.compile(
        typeof anchored === 'object' && anchored !== null ? anchored : {},
      );
      this.#cache.set(key, validate);
    }
    return validate;
  }
}

/** Points the document's local `$ref`s at the schema registered under `DOCUMENT_ID`. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOCUMENT_ID}${value}`
        : rebase(value);
  }
  return out;
}

/** A copy of `node` whose `required` lists skip `readOnly` properties (looked up through `$ref`s). */
function forRequests(node: unknown, document: OpenApiDocument | undefined): unknown {
  if (Array.isArray(node)) return node.map((item) => forRequests(item, document));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = forRequests(value, document);
  const properties = record.properties;
  if (Array.isArray(record.required) && typeof properties === 'object' && properties !== null) {
    const props = properties as Record<string, unknown>;
    out.required = record.required.filter((name) => !isReadOnly(props[String(name)], document));
  }
  return out;
}

function isReadOnly(schema: unknown, document: OpenApiDocument | undefined): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const record = schema as Record<string, unknown>;
  if (record.readOnly === true) return true;
  if (typeof record.$ref === 'string' && document !== undefined) {
    const name = record.$ref.replace('#/components/schemas/', '');
    return isReadOnly(document.components?.schemas?.[name], undefined);
  }
  return false;
}
