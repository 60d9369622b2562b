import { createHash } from 'node:crypto';
import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { deriveResources } from '../../spec/resources.js';
import { payloadTooLarge } from '../../spec/validation/validate-request.js';
import { BodyTooLarge, multipartParser, streamInto } from '../multipart-body.js';
import type { Route, RouteContext } from '../route.js';
import { storeOf } from './generic-collections.js';
import { notFound } from './pro-answers.js';

/** What the mock keeps of an uploaded package file: its name, size and digest, never its bytes. */
interface UploadedFile {
  fileName: string;
  bytes: number;
  sha256: string;
}

/**
 * Reads a `multipart/form-data` body as a stream and digests its `file` part: constant memory
 * whatever the size. Other parts are drained. Undefined when the body has no `file` part. (A
 * `file` part without a filename arrives as a field, which busboy holds whole; only small ones
 * are sent that way.)
 */
async function digestUpload(
  request: Request,
  body: ReadableStream<Uint8Array>,
  maxBodyBytes: number,
): Promise<UploadedFile | undefined> {
  const parser = multipartParser(request);
  let found: Promise<UploadedFile> | undefined;
  parser.on('file', (field, stream, fileName) => {
    if (field !== 'file' || found !== undefined) {
      stream.resume();
      return;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    found = new Promise<UploadedFile>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      stream.on('end', () => resolve({ fileName, bytes, sha256: hash.digest('hex') }));
      stream.on('error', reject);
    });
    // A rejection is read after the pipeline settles; keep it from being reported early.
    found.catch(() => undefined);
  });
  // A `file` part sent as a plain field (no filename) still carries the file's bytes.
  parser.on('field', (field, value) => {
    if (field !== 'file' || found !== undefined) return;
    const bytes = Buffer.from(value, 'utf8');
    found = Promise.resolve({
      fileName: '',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
  await streamInto(body, parser, maxBodyBytes);
  return found === undefined ? undefined : await found;
}

/**
 * `POST /v1/packages/{id}/upload`: a package file as `multipart/form-data` (part `file`). The
 * mock streams it, records `fileName`, `size` (bytes, as the spec's string) and `sha256` on the
 * package, and answers 201 `{id, href}`; the bytes are not kept. 413 above `maxBodyBytes`.
 */
export function packageUploadRoute(document: OpenApiDocument): Route {
  const packages = deriveResources(document).collections.find(
    (resource) => resource.collection === '/v1/packages',
  );
  return {
    method: 'POST',
    path: '/v1/packages/{id}/upload',
    handle: async (ctx: RouteContext) => {
      const id = ctx.params.id ?? '';
      const store = packages && storeOf(packages, document, ctx);
      const row = store?.get(id);
      if (store === undefined || row === undefined) {
        await ctx.request.body?.cancel().catch(() => undefined);
        return notFound('Package', id);
      }
      const { body } = ctx.request;
      if (body === null)
        return jamfError(400, 'MISSING_REQUEST_BODY', 'A request body is required');
      let file: UploadedFile | undefined;
      try {
        file = await digestUpload(ctx.request, body, ctx.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) return payloadTooLarge(ctx.maxBodyBytes);
        return jamfError(400, 'INVALID_FIELD', 'The body is not valid multipart/form-data', 'file');
      }
      if (file === undefined)
        return jamfError(400, 'INVALID_FIELD', 'A multipart part named file is required', 'file');
      store.replace(id, {
        ...row,
        fileName: file.fileName,
        size: String(file.bytes),
        sha256: file.sha256,
      });
      return new Response(JSON.stringify({ id, href: `${ctx.url.origin}/api/v1/packages/${id}` }), {
        status: 201,
        headers: { 'content-type': 'application/json;charset=UTF-8' },
      });
    },
  };
}
