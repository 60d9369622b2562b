import type { OpenApiDocument } from './openapi-document.js';
import { conformToSchema, flattenSchema } from './responder/conform.js';
import { sampleSchema } from './responder/sample-schema.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a collection stores for a written body: the body in the shape of the served object, with
 * generated values for required fields it lacks and without fields the object does not have.
 * Stored this way, `GET` answers exactly what was stored and filters see the same fields.
 */
export function storedObject(
  schema: unknown,
  body: unknown,
  document: OpenApiDocument,
): JsonObject {
  const shaped = conformToSchema(schema, body, document, { isSparse: true });
  return isObject(shaped) ? shaped : {};
}

/**
 * `count` deterministic objects for a collection at `path`: the same seed, path and schema always
 * give the same objects, and different seeds give different ones (the mock's `--seed`).
 */
export function seedObjects(
  schema: unknown,
  document: OpenApiDocument,
  path: string,
  seed: number,
  count: number,
): JsonObject[] {
  return Array.from({ length: count }, (_, index) => {
    const sample = sampleSchema(schema, document, { path: `${path}#${seed}#${index + 1}` });
    return isObject(sample) ? sample : {};
  });
}

/** The `id` as the schema types it: a number where the schema's `id` is an integer, else text. */
export function typedId(schema: unknown, document: OpenApiDocument, id: string): string | number {
  const flat = flattenSchema(schema, document);
  const properties = isObject(flat.properties) ? flat.properties : {};
  const idType = flattenSchema(properties.id, document).type;
  return (idType === 'integer' || idType === 'number') && /^\d{1,15}$/.test(id) ? Number(id) : id;
}
