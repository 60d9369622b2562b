import type { OpenApiDocument } from '../../spec/openapi-document.js';
import { deriveResources } from '../../spec/resources.js';
import type { Route, RouteContext } from '../route.js';
import { storeOf } from './generic-collections.js';
import { notFound } from './pro-answers.js';
import { readProFilePart } from './pro-file-part.js';

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
      const file = await readProFilePart(ctx);
      if (file instanceof Response) return file;
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
