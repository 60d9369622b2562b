import type { FileUpload } from '../../state/file-uploads.js';
import type { MockState } from '../../state/mock-state.js';
import type { Route, RouteContext } from '../route.js';
import { hrefResponse, idParam, notFound } from './pro-answers.js';
import { readProFilePart } from './pro-file-part.js';

// A computer's attachments are one set of files whichever API uploaded them: Classic
// `fileuploads/computers` and Pro `POST /v1…v4/computers-inventory/{id}/attachments` both record
// into `state.fileUploads`, and both APIs' computer views list them.

/** One entry of a computer's Pro `attachments` section. */
function attachmentView(upload: FileUpload) {
  return {
    id: String(upload.id),
    name: upload.fileName,
    fileType: upload.contentType,
    sizeBytes: upload.sizeBytes,
  };
}

/**
 * A computer's `attachments` section of the Pro inventory (`ComputerAttachment`: `id`, `name`,
 * `fileType`, `sizeBytes` in the 11.30.1 spec): the files uploaded to it through Classic
 * `fileuploads/computers` or the Pro attachment upload, oldest first. `fileType` is the upload's
 * content type (unverified: the spec does not say whether it is a MIME type or an extension).
 */
export function computerAttachments(state: MockState, computerId: number) {
  return state.fileUploads.of('computers', computerId, 'attachment').map(attachmentView);
}

/**
 * Every computer's `attachments` section by computer id (computers without attachments are
 * absent), for list views built once per revision of the uploads.
 */
export function attachmentsByComputer(state: MockState) {
  const byComputer = new Map<number, ReturnType<typeof attachmentView>[]>();
  for (const [id, uploads] of state.fileUploads.byObject('computers', 'attachment'))
    byComputer.set(id, uploads.map(attachmentView));
  return byComputer;
}

/** The attachment `{attachmentId}` of computer `{id}`, or the 404 for either naming nothing. */
function attachmentOf(ctx: RouteContext): FileUpload | Response {
  const computerId = idParam(ctx);
  if (computerId === undefined || ctx.state.computers.get(computerId) === undefined)
    return notFound('Computer', ctx.params.id);
  const attachmentId = idParam(ctx, 'attachmentId');
  const upload = attachmentId === undefined ? undefined : ctx.state.fileUploads.get(attachmentId);
  if (
    upload === undefined ||
    upload.kind !== 'attachment' ||
    upload.segment !== 'computers' ||
    upload.objectId !== computerId
  )
    return notFound('Attachment', ctx.params.attachmentId);
  return upload;
}

async function upload(ctx: RouteContext): Promise<Response> {
  const computerId = idParam(ctx);
  if (computerId === undefined || ctx.state.computers.get(computerId) === undefined) {
    await ctx.request.body?.cancel().catch(() => undefined);
    return notFound('Computer', ctx.params.id);
  }
  const file = await readProFilePart(ctx);
  if (file instanceof Response) return file;
  const stored = ctx.state.fileUploads.add({
    segment: 'computers',
    objectId: computerId,
    kind: 'attachment',
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.bytes,
    sha256: file.sha256,
    uploadedAt: ctx.clock.now(),
  });
  return hrefResponse(ctx, stored.id);
}

/**
 * The download keeps the spec's `text/plain` and names the file in `Content-Disposition`; the
 * mock keeps no bytes, so the body is empty (Jamf answers the file, "Content-Type … based on a
 * file extension", the 11.30.1 spec).
 */
function download(ctx: RouteContext): Response {
  const found = attachmentOf(ctx);
  if (found instanceof Response) return found;
  return new Response('', {
    status: 200,
    headers: {
      'content-type': 'text/plain',
      'content-disposition': `attachment; filename="${found.fileName.replace(/["\\\r\n]/g, '_')}"`,
    },
  });
}

function remove(ctx: RouteContext): Response {
  const found = attachmentOf(ctx);
  if (found instanceof Response) return found;
  ctx.state.fileUploads.delete(found.id);
  return new Response(null, { status: 204 });
}

/**
 * Pro's computer attachment routes (`/v1` to `/v4`, as the 11.30.1 spec has them): upload (a
 * multipart part `file`, 201 `{id, href}`), download and delete, over `state.fileUploads`; 404
 * for a computer or attachment that does not exist, or an attachment of another computer.
 */
export function computerAttachmentRoutes(): Route[] {
  return ['v1', 'v2', 'v3', 'v4'].flatMap((v) => [
    { method: 'POST', path: `/${v}/computers-inventory/{id}/attachments`, handle: upload },
    {
      method: 'GET',
      path: `/${v}/computers-inventory/{id}/attachments/{attachmentId}`,
      handle: download,
    },
    {
      method: 'DELETE',
      path: `/${v}/computers-inventory/{id}/attachments/{attachmentId}`,
      handle: remove,
    },
  ]);
}
