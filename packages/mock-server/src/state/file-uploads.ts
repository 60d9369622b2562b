/** What an uploaded file is to the object it was uploaded to. */
export type FileUploadKind = 'attachment' | 'icon' | 'app' | 'file';

/** One file uploaded to an object (Classic `fileuploads`): its name, size and digest, never its bytes. */
export interface FileUpload {
  /** The upload's id, counted across every object (an icon's or attachment's `id`). */
  id: number;
  /**
   * The Classic segment of the object it belongs to (`computers`, `policies`, …); `''` for an
   * icon uploaded on its own (Pro `POST /v1/icon`), which objects then name by its id.
   */
  segment: string;
  /** The object's id; 0 when `segment` is `''`. */
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
 * The files uploaded to objects through Classic `fileuploads` and the Pro API (a computer's
 * attachments, `/v1/icon`): attachments of computers and mobile devices, icons of policies, and
 * the rest, listed by the views that show them (a computer's attachments in both APIs, a
 * policy's Self Service icon). Keeps what a file is, never its bytes.
 */
export class FileUploadStore {
  readonly #uploads: FileUpload[] = [];
  #nextId = 1;
  #revision = 0;

  /** Counts changes (an upload added or deleted), so views cached over the uploads know when to rebuild. */
  get revision(): number {
    return this.#revision;
  }

  /** Records an upload; returns it with its id (never one a deleted upload had). */
  add(upload: Omit<FileUpload, 'id'>): FileUpload {
    const stored: FileUpload = { ...upload, id: this.#nextId++ };
    this.#uploads.push(stored);
    this.#revision++;
    return { ...stored };
  }

  /** The upload with id `id`, or undefined. */
  get(id: number): FileUpload | undefined {
    const found = this.#uploads.find((upload) => upload.id === id);
    return found === undefined ? undefined : { ...found };
  }

  /** Deletes the upload with id `id`; false when there is none. */
  delete(id: number): boolean {
    const index = this.#uploads.findIndex((upload) => upload.id === id);
    if (index < 0) return false;
    this.#uploads.splice(index, 1);
    this.#revision++;
    return true;
  }

  /** The uploads of `kind` to objects of `segment`, by object id (each oldest first). */
  byObject(segment: string, kind: FileUploadKind): Map<number, FileUpload[]> {
    const byId = new Map<number, FileUpload[]>();
    for (const upload of this.#uploads) {
      if (upload.segment !== segment || upload.kind !== kind) continue;
      const uploads = byId.get(upload.objectId) ?? [];
      uploads.push({ ...upload });
      byId.set(upload.objectId, uploads);
    }
    return byId;
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
