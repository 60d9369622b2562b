import type { MockState } from '../../state/mock-state.js';

/**
 * A computer's `attachments` section of the Pro inventory (`ComputerAttachment`: `id`, `name`,
 * `fileType`, `sizeBytes` in the 11.30.1 spec): the files uploaded to it through Classic
 * `fileuploads/computers`, oldest first. `fileType` is the upload's content type (unverified:
 * the spec does not say whether it is a MIME type or an extension).
 */
export function computerAttachments(state: MockState, computerId: number) {
  return state.fileUploads.of('computers', computerId, 'attachment').map((upload) => ({
    id: String(upload.id),
    name: upload.fileName,
    fileType: upload.contentType,
    sizeBytes: upload.sizeBytes,
  }));
}
