import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { deriveResources } from '../../spec/resources.js';
import { payloadTooLarge } from '../../spec/validation/validate-request.js';
import { BodyTooLarge, type DigestedFile, digestFilePart } from '../multipart-body.js';
import type { Route, RouteContext } from '../route.js';
import { storeOf } from './generic-collections.js';
import { notFound } from './pro-answers.js';

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
      let file: DigestedFile | undefined;
      try {
        file = await digestFilePart(ctx.request, body, ctx.maxBodyBytes, 'file');
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
