import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy } from '@fastify/busboy';
import { jamfError } from '../spec/jamf-error.js';
import type { SpecOperation } from '../spec/openapi-document.js';
import { flattenSchema } from '../spec/responder/conform.js';
import { essence } from '../spec/validation/media-type.js';
import { payloadTooLarge } from '../spec/validation/validate-request.js';

/** A body larger than the mock's limit, found while streaming it. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** Counts the bytes passing through and fails past `limit`, so nothing larger is read. */
export function byteLimit(limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      if (total > limit) done(new BodyTooLarge(`more than ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

/** A `@fastify/busboy` parser. */
export type MultipartParser = InstanceType<typeof Busboy>;

/** A multipart parser over the request's `Content-Type` (its boundary). */
export function multipartParser(request: Request): MultipartParser {
  return new Busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' } });
}

/** Runs `body` through the byte limit into `parser`; rejects when either fails. */
export async function streamInto(
  body: ReadableStream<Uint8Array>,
  parser: MultipartParser,
  maxBodyBytes: number,
): Promise<void> {
  await pipeline(
    Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
    byteLimit(maxBodyBytes),
    parser,
  );
}

/** What the mock keeps of an uploaded file: its name, type, size and digest, never its bytes. */
export interface DigestedFile {
  fileName: string;
  /** The part's `Content-Type` (busboy's default `text/plain` when it names none). */
  contentType: string;
  bytes: number;
  sha256: string;
}

/**
 * Reads a `multipart/form-data` body as a stream and digests its part `partName` (`file` for the
 * Pro API's uploads, `name` for Classic `fileuploads`): constant memory whatever the size. Other
 * parts are drained. Undefined when the body has no such part. (A part without a filename
 * arrives as a field, which busboy holds whole; only small ones are sent that way.)
 * @throws {BodyTooLarge} past `maxBodyBytes`; the parser's error for a body that is not multipart.
 */
export async function digestFilePart(
  request: Request,
  body: ReadableStream<Uint8Array>,
  maxBodyBytes: number,
  partName: string,
): Promise<DigestedFile | undefined> {
  const parser = multipartParser(request);
  let found: Promise<DigestedFile> | undefined;
  parser.on('file', (field, stream, fileName, _encoding, contentType) => {
    if (field !== partName || found !== undefined) {
      stream.resume();
      return;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    found = new Promise<DigestedFile>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      stream.on('end', () => resolve({ fileName, contentType, bytes, sha256: hash.digest('hex') }));
      stream.on('error', reject);
    });
    // A rejection is read after the pipeline settles; keep it from being reported early.
    found.catch(() => undefined);
  });
  // A part sent as a plain field (no filename) still carries the file's bytes.
  parser.on('field', (field, value) => {
    if (field !== partName || found !== undefined) return;
    const bytes = Buffer.from(value, 'utf8');
    found = Promise.resolve({
      fileName: '',
      contentType: 'text/plain',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
  await streamInto(body, parser, maxBodyBytes);
  return found === undefined ? undefined : await found;
}

/**
 * The part names a `multipart/form-data` request body must carry for `operation` (its schema's
 * `required`), or undefined when the request is not multipart or the operation takes none.
 */
function requiredParts(operation: SpecOperation, request: Request): string[] | undefined {
  if (essence(request.headers.get('content-type')) !== 'multipart/form-data') return undefined;
  const requestBody = flattenSchema(operation.object.requestBody, operation.document);
  const content = requestBody.content as Record<string, { schema?: unknown }> | undefined;
  const media = content?.['multipart/form-data'];
  if (media === undefined) return undefined;
  const schema = flattenSchema(media.schema, operation.document);
  return Array.isArray(schema.required) ? schema.required.map(String) : [];
}

/**
 * Checks a multipart body the spec responder would otherwise accept unread: it must parse as
 * `multipart/form-data` with its boundary and carry the parts the schema requires. Read as a
 * stream, file bytes drained and never kept. Jamf's 400 (or 413) for the first problem, or
 * undefined when the spec's answer may follow.
 */
export async function refuseBadMultipart(
  operation: SpecOperation,
  request: Request,
  maxBodyBytes: number,
): Promise<Response | undefined> {
  const required = requiredParts(operation, request);
  if (required === undefined || request.body === null) return undefined;
  const seen = new Set<string>();
  try {
    const parser = multipartParser(request);
    parser.on('file', (name: string, stream: Readable) => {
      seen.add(name);
      stream.resume();
    });
    parser.on('field', (name: string) => seen.add(name));
    await streamInto(request.body, parser, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return payloadTooLarge(maxBodyBytes);
    return jamfError(400, 'INVALID_FIELD', 'The body is not valid multipart/form-data', '');
  }
  const missing = required.find((name) => !seen.has(name));
  if (missing === undefined) return undefined;
  return jamfError(400, 'INVALID_FIELD', `A multipart part named ${missing} is required`, missing);
}
