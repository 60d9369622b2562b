/** What an uploaded file is to the object it was uploaded to. */
export type FileUploadKind = 'attachment' | 'icon' | 'app' | 'file';

/** One file uploaded to an object (Classic `fileuploads`): its name, size and digest, never its bytes. */
export interface FileUpload {
  /** The upload's id, counted across every object (an icon's or attachment's `id`). */
  id: number;
  /** The Classic segment of the object it belongs to (`computers`, `policies`, …). */
  segment: string;
  /** The object's id. */
  objectId: number;
  kind: FileUploadKind;
  fileName: string;
  /** The part's `Content-Type` as the client sent it. */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Epoch ms. */
  uploadedAt: number;
}

/**
 * The files uploaded to objects through Classic `fileuploads`: attachments of computers and
 * mobile devices, icons of policies, and the rest, listed by the views that show them (a
 * computer's attachments, a policy's Self Service icon). Keeps what a file is, never its bytes.
 */
export class FileUploadStore {
  readonly #uploads: FileUpload[] = [];

  /** Records an upload; returns it with its id. */
  add(upload: Omit<FileUpload, 'id'>): FileUpload {
    const stored: FileUpload = { ...upload, id: this.#uploads.length + 1 };
    this.#uploads.push(stored);
    return { ...stored };
  }

  /** The uploads of `kind` to object `objectId` of `segment`, oldest first. */
  of(segment: string, objectId: number, kind: FileUploadKind): FileUpload[] {
    return this.#uploads
      .filter(
        (upload) =>
          upload.segment === segment && upload.objectId === objectId && upload.kind === kind,
      )
      .map((upload) => ({ ...upload }));
  }

  /** The newest upload of `kind` to the object (an object shows its last icon), or undefined. */
  latest(segment: string, objectId: number, kind: FileUploadKind): FileUpload | undefined {
    return this.of(segment, objectId, kind).at(-1);
  }

  /** Every upload, oldest first. */
  list(): FileUpload[] {
    return this.#uploads.map((upload) => ({ ...upload }));
  }
}
