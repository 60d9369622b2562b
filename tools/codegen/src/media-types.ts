import { generatedBanner } from './generate-types.js';
import { listOperations } from './operations.js';

/**
 * Media types a client sends without being told: JSON is openapi-fetch's default, and a
 * `FormData` body gets `multipart/form-data` with its boundary from the platform.
 */
const SENT_BY_DEFAULT = new Set(['application/json', 'multipart/form-data']);

/**
 * How openapi-fetch should read an answer of a media type that is not JSON, if it is known:
 * bytes (`format: binary`, images, certificates in DER, signed profiles) as a `Blob`, so
 * nothing is lost to a text decoding; text, XML and PEM as text.
 */
function parseAsFor(type: string, schema: unknown): 'text' | 'blob' | undefined {
  const isBinary = (schema as { format?: unknown } | undefined)?.format === 'binary';
  if (
    isBinary ||
    /^image\/|^application\/(octet-stream|pkix-cert|x-apple-aspen-config)$/.test(type)
  ) {
    return 'blob';
  }
  if (/^text\/|[/+]xml$|^application\/(x-pem-file|pem-certificate-chain)$/.test(type)) {
    return 'text';
  }
  return undefined;
}

type Table<Value> = Record<string, Record<string, Value>>;

function add<Value>(table: Table<Value>, path: string, method: string, value: Value): void {
  table[path] ??= {};
  table[path][method] = value;
}

/**
 * The request media type of every operation whose body a client would send wrongly by default:
 * one that declares neither JSON nor multipart, e.g. `PATCH /v1/volume-purchasing-locations/{id}`
 * (`application/merge-patch+json`) or `POST /v1/inventory-preload/validate-csv` (`text/csv`).
 * Keyed by path, then lower-case method; the first declared type where there are several.
 */
export function requestMediaTypes(spec: Record<string, unknown>): Table<string> {
  const table: Table<string> = {};
  for (const { method, path, operation } of listOperations(spec)) {
    const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
    const declared = Object.keys(body?.content ?? {});
    if (declared.length === 0 || declared.some((type) => SENT_BY_DEFAULT.has(type))) continue;
    add(table, path, method, declared[0]!);
  }
  return table;
}

/**
 * How to read the answer of every operation whose successful answers are not JSON: `text` for
 * text, XML and PEM (the CSV exports, `GET /v1/pki/certificate-authority/active/pem`), `blob`
 * for bytes (`GET /v1/icon/download/{id}`, and a file the spec calls `format: binary` such as
 * `GET /v1/scripts/{id}/download`). An operation that may also answer JSON, or answers
 * any type (`*\/*`), is left out: openapi-fetch reads JSON unless a call says otherwise.
 */
export function answerParseAs(spec: Record<string, unknown>): Table<'text' | 'blob'> {
  const table: Table<'text' | 'blob'> = {};
  for (const { method, path, operation } of listOperations(spec)) {
    type Content = Record<string, { schema?: unknown }>;
    const responses = (operation.responses ?? {}) as Record<string, { content?: Content }>;
    const declared = Object.entries(responses)
      .filter(([status]) => status.startsWith('2'))
      .flatMap(([, response]) => Object.entries(response.content ?? {}))
      .flatMap(([key, media]) => key.split(',').map((type) => parseAsFor(type, media.schema)));
    const readings = new Set(declared);
    const [reading] = readings;
    if (declared.length > 0 && readings.size === 1 && reading !== undefined) {
      add(table, path, method, reading);
    }
  }
  return table;
}

/** `generated/media-types.ts` of `@jamf/pro-api` for a distilled spec. */
export function mediaTypesModule(spec: Record<string, unknown>, version: string): string {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    generatedBanner(
      `Media types of the operations whose bodies are not JSON (Jamf Pro ${version}).`,
    ),
    '',
    '/** The media type each operation sending neither JSON nor multipart declares, by path and lower-case method. */',
    `export const requestMediaTypesTable: Readonly<Record<string, Readonly<Record<string, string>>>> = ${json(requestMediaTypes(spec))};`,
    '',
    '/** How to read the answer of each operation whose successful answers are not JSON, by path and lower-case method. */',
    `export const answerParseAsTable = ${json(answerParseAs(spec))} as const;`,
    '',
  ].join('\n');
}
