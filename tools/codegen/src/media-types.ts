import { generatedBanner } from './generate-types.js';
import { listOperations } from './operations.js';

/**
 * Media types a client sends without being told: JSON is openapi-fetch's default, and a
 * `FormData` body gets `multipart/form-data` with its boundary from the platform.
 */
const SENT_BY_DEFAULT = new Set(['application/json', 'multipart/form-data']);

/**
 * The request media type of every operation whose body a client would send wrongly by default:
 * one that declares neither JSON nor multipart, e.g. `PATCH /v1/volume-purchasing-locations/{id}`
 * (`application/merge-patch+json`) or `POST /v1/inventory-preload/validate-csv` (`text/csv`).
 * Keyed by path, then lower-case method; the first declared type where there are several.
 */
export function requestMediaTypes(
  spec: Record<string, unknown>,
): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {};
  for (const { method, path, operation } of listOperations(spec)) {
    const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
    const declared = Object.keys(body?.content ?? {});
    if (declared.length === 0 || declared.some((type) => SENT_BY_DEFAULT.has(type))) continue;
    table[path] ??= {};
    table[path][method] = declared[0]!;
  }
  return table;
}

/** `generated/request-media-types.ts` of `@jamf/pro-api` for a distilled spec. */
export function requestMediaTypesModule(spec: Record<string, unknown>, version: string): string {
  return [
    generatedBanner(
      `Request media types other than JSON or multipart, per operation (Jamf Pro ${version}).`,
    ),
    '',
    '/** The media type each such operation declares for its body, by path and lower-case method. */',
    `export const requestMediaTypesTable: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(requestMediaTypes(spec), null, 2)};`,
    '',
  ].join('\n');
}
