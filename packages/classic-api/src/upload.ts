import { ClassicApiError } from './errors.js';
import type { ClassicRequest } from './request.js';

/**
 * The `{resource}` segments of `POST /JSSResource/fileuploads/{resource}/{idType}/{id}`, as the
 * 11.30.1 Classic swagger (`uploadFiles`) lists them: attachments of `computers`,
 * `mobiledevices`, `enrollmentprofiles`, `printers` and `peripherals`; icons of `policies`,
 * `ebooks` and `mobiledeviceapplicationsicon`; an app's IPA with `mobiledeviceapplicationsipa`;
 * a file of `diskencryptionconfigurations`. ruby-jss adds `mobiledeviceapplications` for an app's
 * attachments (`lib/jamf/api/classic/api_objects/uploadable.rb`, `UPLOAD_TYPES`). jps-api-wrapper
 * (`create_file_upload`) reports that `printers` and `enrollmentprofiles` do not work as the
 * swagger says; they stay here as Jamf documents them (unverified either way).
 */
export const CLASSIC_UPLOAD_RESOURCES = [
  'computers',
  'mobiledevices',
  'enrollmentprofiles',
  'printers',
  'peripherals',
  'policies',
  'ebooks',
  'mobiledeviceapplicationsicon',
  'mobiledeviceapplicationsipa',
  'mobiledeviceapplications',
  'diskencryptionconfigurations',
] as const;

/** A resource that takes file uploads: one of {@link CLASSIC_UPLOAD_RESOURCES}. */
export type ClassicUploadResource = (typeof CLASSIC_UPLOAD_RESOURCES)[number];

/** Resources whose objects the swagger says cannot be named in an upload ("peripheral names are not supported"). */
type IdOnlyUploadResource = 'peripherals';

/** The object an upload belongs to: by `id` on every resource, by `name` except peripherals. */
export type ClassicUploadTarget =
  | { resource: ClassicUploadResource; id: number; name?: never }
  | { resource: Exclude<ClassicUploadResource, IdOnlyUploadResource>; name: string; id?: never };

/** The file of an upload: a `File` brings its own name, a `Blob` or bytes need `fileName`. */
export type ClassicUploadFile =
  | { file: File; fileName?: string }
  | { file: Blob | Uint8Array; fileName: string };

/**
 * `forceIpaUpload`, for `mobiledeviceapplicationsipa` only: sends `FORCE_IPA_UPLOAD=true`, which
 * ruby-jss (`uploadable.rb`) and jps-api-wrapper (`create_file_upload`) send to have Jamf store
 * the IPA in its cloud distribution point (JCDS or AWS) where one is set up; unverified.
 */
export type ClassicUploadIpaOption =
  | { resource: 'mobiledeviceapplicationsipa'; forceIpaUpload?: boolean }
  | {
      resource: Exclude<ClassicUploadResource, 'mobiledeviceapplicationsipa'>;
      forceIpaUpload?: never;
    };

/** Options of `classic.upload`. */
export type ClassicUploadOptions = ClassicUploadTarget &
  ClassicUploadIpaOption &
  ClassicUploadFile & {
    /** The part's content type; default the `Blob`'s own type, else `application/octet-stream`. */
    contentType?: string;
    /** Extra headers for this call (`requestTimeout(ms)` for a large file). */
    headers?: HeadersInit;
  };

/** Uploads one file to a Classic object; resolves when Jamf has taken it. */
export type ClassicUpload = (options: ClassicUploadOptions) => Promise<void>;

const UPLOAD_PATH = '/fileuploads/{resource}/{idType}/{id}';

/** `type/subtype` of RFC 9110 tokens, then parameters in printable ASCII (what a `Blob` keeps). */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;[\x20-\x7e]*)?$/;

/** Builds `classic.upload` over the client's `request`, so an upload takes its whole pipeline. */
export function createUpload(request: ClassicRequest): ClassicUpload {
  // The generated operation declares no body; the form is sent as the client sends any body.
  const call = request as unknown as (
    method: 'POST',
    path: string,
    options: {
      params: { path: Record<string, string>; query: Record<string, string | undefined> };
      body: FormData;
      headers?: HeadersInit;
    },
  ) => Promise<unknown>;
  return async (given) => {
    const { resource, idType, key } = checkedTarget(given);
    const forceIpaUpload = checkedForceIpaUpload(given, resource);
    const form = new FormData();
    form.append('name', checkedFile(given), checkedFileName(given));
    await call('POST', UPLOAD_PATH, {
      params: {
        path: { resource, idType, id: key },
        query: { FORCE_IPA_UPLOAD: forceIpaUpload ? 'true' : undefined },
      },
      body: form,
      ...(given.headers === undefined ? {} : { headers: given.headers }),
    });
  };
}

function refuse(message: string): ClassicApiError {
  return new ClassicApiError('INVALID_REQUEST', `upload: ${message}`, {
    method: 'POST',
    path: UPLOAD_PATH,
  });
}

function checkedTarget(given: ClassicUploadOptions): {
  resource: ClassicUploadResource;
  idType: 'id' | 'name';
  key: string;
} {
  if (typeof given !== 'object' || given === null) {
    throw refuse('takes an object such as { resource, id, file, fileName }');
  }
  const { resource } = given as { resource: unknown };
  if (!(CLASSIC_UPLOAD_RESOURCES as readonly unknown[]).includes(resource)) {
    throw new ClassicApiError(
      'UNKNOWN_RESOURCE',
      `upload: ${typeof resource === 'string' ? `"${resource}"` : String(resource)} takes no file uploads (one of ${CLASSIC_UPLOAD_RESOURCES.join(', ')})`,
      { method: 'POST', path: UPLOAD_PATH },
    );
  }
  const { id, name } = given as { id?: unknown; name?: unknown };
  if (id !== undefined && name !== undefined) throw refuse('give id or name, not both');
  if (id !== undefined) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
      throw refuse(`id must be a positive integer, got ${typeof id === 'number' ? id : typeof id}`);
    }
    return { resource: resource as ClassicUploadResource, idType: 'id', key: String(id) };
  }
  if (typeof name !== 'string' || name.trim() === '') {
    throw refuse('the object is named by a positive integer id or a non-empty name');
  }
  if (resource === 'peripherals') throw refuse('peripherals are found by id only');
  return { resource: resource as ClassicUploadResource, idType: 'name', key: name };
}

function checkedForceIpaUpload(
  given: ClassicUploadOptions,
  resource: ClassicUploadResource,
): boolean {
  const { forceIpaUpload } = given as { forceIpaUpload?: unknown };
  if (forceIpaUpload === undefined || forceIpaUpload === false) return false;
  if (forceIpaUpload !== true) throw refuse('forceIpaUpload must be true or false');
  if (resource !== 'mobiledeviceapplicationsipa') {
    throw refuse('forceIpaUpload is for mobiledeviceapplicationsipa only');
  }
  return true;
}

function checkedFile(given: ClassicUploadOptions): Blob {
  const { file, contentType } = given as { file?: unknown; contentType?: unknown };
  if (contentType !== undefined && typeof contentType !== 'string') {
    throw refuse('contentType must be a string');
  }
  // A `Blob` silently drops a type it cannot carry, and the part would go as octet-stream.
  if (contentType !== undefined && !MEDIA_TYPE.test(contentType)) {
    throw refuse('contentType must be a media type such as image/png');
  }
  if (file instanceof Blob) {
    // A Blob's bytes cannot change; re-typed only when asked.
    return contentType === undefined ? file : file.slice(0, file.size, contentType);
  }
  if (file instanceof Uint8Array) {
    // Copied now, as `fetch` would: bytes the caller changes after the call are not sent.
    return new Blob([Uint8Array.from(file)], {
      type: contentType ?? 'application/octet-stream',
    });
  }
  throw refuse('file must be a File, Blob or Uint8Array');
}

function checkedFileName(given: ClassicUploadOptions): string {
  const { file, fileName } = given as { file: unknown; fileName?: unknown };
  const resolved = fileName ?? (file instanceof File ? file.name : undefined);
  if (typeof resolved !== 'string' || resolved.trim() === '') {
    throw refuse('a file needs a non-empty fileName (a File brings its own name)');
  }
  return resolved;
}
