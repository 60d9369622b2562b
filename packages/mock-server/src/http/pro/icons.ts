import { jsonResponse } from '../responses/json-response.js';
import type { Route, RouteContext } from '../route.js';
import { idParam, notFound } from './pro-answers.js';
import { readProFilePart } from './pro-file-part.js';

// Icons are uploads like any other file: `POST /v1/icon` records one on its own in
// `state.fileUploads`, and `GET /v1/icon/{id}` reads any icon there, also one Classic
// `fileuploads` gave a policy or an eBook.

/**
 * `IconResponse` of the 11.30.1 spec: the icon's id and a URL named by its digest, as the spec's
 * example (`…/icon/hash_<sha256>`); the host is the mock's own (unverified: Jamf Cloud serves
 * icons from its own icon service).
 */
function iconView(ctx: RouteContext, id: number, sha256: string) {
  return { url: `${ctx.url.origin}/icon/hash_${sha256}`, id };
}

async function upload(ctx: RouteContext): Promise<Response> {
  const file = await readProFilePart(ctx);
  if (file instanceof Response) return file;
  const stored = ctx.state.fileUploads.add({
    segment: '',
    objectId: 0,
    kind: 'icon',
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.bytes,
    sha256: file.sha256,
    uploadedAt: ctx.clock.now(),
  });
  return jsonResponse(iconView(ctx, stored.id, stored.sha256), 201);
}

function one(ctx: RouteContext): Response {
  const id = idParam(ctx);
  const icon = id === undefined ? undefined : ctx.state.fileUploads.get(id);
  if (icon === undefined || icon.kind !== 'icon') return notFound('Icon', ctx.params.id);
  return jsonResponse(iconView(ctx, icon.id, icon.sha256), 200);
}

/**
 * `POST /v1/icon` (a multipart part `file`, 201 `IconResponse`) and `GET /v1/icon/{id}` (the
 * icon, or Jamf's 404 for an id naming none) over `state.fileUploads`.
 */
export function iconRoutes(): Route[] {
  return [
    { method: 'POST', path: '/v1/icon', handle: upload },
    { method: 'GET', path: '/v1/icon/{id}', handle: one },
  ];
}
