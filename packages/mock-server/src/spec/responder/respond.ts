import type { OpenApiDocument, SpecOperation } from '../openapi-document.js';
import {
  essence,
  isJsonMediaType,
  mediaTypeMatches,
  mediaTypesOfKey,
} from '../validation/media-type.js';
import { sampleSchema } from './sample-schema.js';

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A 1×1 transparent PNG: the body for `image/*` answers. */
const PNG_PIXEL = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

/** The operation's success status: the lowest 2xx it declares (200 when it declares none). */
export function successStatus(operation: SpecOperation): number {
  const responses = isRecord(operation.object.responses) ? operation.object.responses : {};
  const codes = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .map(Number)
    .sort((a, b) => a - b);
  return codes[0] ?? 200;
}

function resolveResponse(document: OpenApiDocument, value: unknown): Record_ {
  if (isRecord(value) && typeof value.$ref === 'string') {
    const name = value.$ref.split('/').pop() ?? '';
    const target = (document.components?.responses as Record_ | undefined)?.[name];
    return isRecord(target) ? target : {};
  }
  return isRecord(value) ? value : {};
}

/** Picks the content entry the client asked for with `Accept`, else JSON, else the first one. */
function chooseContent(
  content: Record_,
  accept: string | null,
): { key: string; mediaType: string } | undefined {
  const keys = Object.keys(content);
  if (keys.length === 0) return undefined;
  const wanted = (accept ?? '')
    .split(',')
    .map((part) => essence(part))
    .filter((part) => part.length > 0 && part !== '*/*');
  for (const want of wanted) {
    for (const key of keys) {
      const hit = mediaTypesOfKey(key).find(
        (declared) => mediaTypeMatches(want, declared) || mediaTypeMatches(declared, want),
      );
      if (hit !== undefined) return { key, mediaType: hit.includes('*') ? concrete(hit) : hit };
    }
  }
  const jsonKey = keys.find((key) => mediaTypesOfKey(key).some(isJsonMediaType));
  const key = jsonKey ?? (keys[0] as string);
  const types = mediaTypesOfKey(key);
  const mediaType = types.find(isJsonMediaType) ?? types[0] ?? 'application/octet-stream';
  return { key, mediaType: concrete(mediaType) };
}

/** A concrete media type for a declared wildcard (`image/*` → `image/png`). */
function concrete(mediaType: string): string {
  if (mediaType === '*/*') return 'application/octet-stream';
  if (mediaType === 'image/*') return 'image/png';
  return mediaType.replace('/*', '/octet-stream');
}

/** Flattens a sample into one row of text columns, for CSV and tab-separated answers. */
function delimited(sample: unknown, separator: string): string {
  const row = Array.isArray(sample) ? sample[0] : sample;
  const fields = isRecord(row)
    ? Object.entries(row).filter(([, v]) => typeof v !== 'object')
    : [['value', row]];
  const cell = (v: unknown) => {
    const text = String(v ?? '');
    return separator === ',' && /[",\n]/.test(text)
      ? `"${text.replaceAll('"', '""')}"`
      : text.replaceAll(separator, ' ');
  };
  const header = fields.map(([k]) => cell(k)).join(separator);
  const line = fields.map(([, v]) => cell(v)).join(separator);
  return `${header}\n${line}\n`;
}

/** Puts the path's `{id}` into the sample's top-level `id` when the types allow, as Jamf would echo it. */
function echoId(sample: unknown, id: string | undefined): unknown {
  if (id === undefined || !isRecord(sample) || !('id' in sample)) return sample;
  if (typeof sample.id === 'string' && id !== '') return { ...sample, id };
  if (typeof sample.id === 'number' && /^\d{1,9}$/.test(id)) return { ...sample, id: Number(id) };
  return sample;
}

function body(
  mediaType: string,
  schema: unknown,
  document: OpenApiDocument,
  seed: string,
  id: string | undefined,
): BodyInit {
  const sample = () => sampleSchema(schema ?? { type: 'string' }, document, { path: seed });
  if (isJsonMediaType(mediaType))
    return JSON.stringify(schema === undefined ? {} : echoId(sample(), id));
  if (mediaType.startsWith('image/')) return PNG_PIXEL.slice();
  if (mediaType === 'text/csv') return delimited(sample(), ',');
  if (mediaType === 'text/tab') return delimited(sample(), '\t');
  if (mediaType === 'application/xml' || mediaType === 'text/xml')
    return '<?xml version="1.0" encoding="UTF-8"?><response/>';
  if (mediaType.startsWith('text/')) {
    const value = sample();
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (mediaType.includes('pem'))
    return '-----BEGIN CERTIFICATE-----\nTU9DSw==\n-----END CERTIFICATE-----\n';
  return new TextEncoder().encode(`mock ${seed}`);
}

/**
 * Answers an operation with no explicit route: the operation's success status and a deterministic
 * body generated from its response schema (the same request always gets the same bytes). The
 * media type follows `Accept` among those the spec declares, JSON first otherwise. Jamf's
 * examples are never replayed: some contradict their schemas. A top-level `id` echoes the
 * path's `{id}`.
 */
export function respondFromSpec(
  operation: SpecOperation,
  ctx: { request: Request; params?: Record<string, string> },
): Response {
  const status = successStatus(operation);
  const responses = isRecord(operation.object.responses) ? operation.object.responses : {};
  const response = resolveResponse(operation.document, responses[String(status)]);
  const content = isRecord(response.content) ? response.content : {};
  const chosen =
    status === 204 ? undefined : chooseContent(content, ctx.request.headers.get('accept'));
  if (chosen === undefined) return new Response(null, { status });
  const media = content[chosen.key];
  const schema = isRecord(media) ? media.schema : undefined;
  const seed = `${operation.method} ${operation.path}`;
  const contentType =
    chosen.mediaType.startsWith('text/') || isJsonMediaType(chosen.mediaType)
      ? `${chosen.mediaType};charset=UTF-8`
      : chosen.mediaType;
  return new Response(body(chosen.mediaType, schema, operation.document, seed, ctx.params?.id), {
    status,
    headers: { 'content-type': contentType },
  });
}
