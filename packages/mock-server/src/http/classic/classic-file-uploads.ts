import { classicResourceFacts } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { FileUploadKind } from '../../state/file-uploads.js';
import type { Entity } from '../../state/inventory/entity-store.js';
import { BodyTooLarge, type DigestedFile, digestFilePart } from '../multipart-body.js';
import type { Route, RouteContext } from '../route.js';
import { classicComputers, classicMobileDevices } from './classic-computers.js';
import { classicEbooks } from './classic-ebooks.js';
import { classicError } from './classic-error.js';
import { genericClassicResource } from './classic-generic-resource.js';
import { classicPolicies } from './classic-groups-policies.js';
import { type ClassicResource, classicNotFound, guarded } from './classic-resource.js';

// Classic `fileuploads`: the path, its resources and id types from the 11.30.1 Classic spec
// (`/fileuploads/{resource}/{idType}/{id}`: "Attachments can be uploaded by specifying computers,
// mobiledevices, enrollmentprofiles, printers, or peripherals … Icons … policies, ebooks, or
// mobiledeviceapplicationsicon … mobiledeviceapplicationsipa … diskencryptionconfigurations …
// idTypes supported are id and name, although peripheral names are not supported"); ruby-jss
// adds `mobiledeviceapplications` for an app's attachments (`uploadable.rb`, UPLOAD_TYPES). The
// file is the multipart part `name` (the spec's `curl -F name=@…`, ruby-jss, jamf-upload). The
// mock keeps no bytes: its file upload store records the name, type, size and sha256, and a
// policy's last icon is its Self Service icon. Unverified: 201 with no body (jamf-upload takes
// 200 or 201, `status_check`), the `Update …` privilege of the object, and the 400 refusals.

/** What one `{resource}` uploads to: the object's Classic resource (its store and privilege). */
interface UploadResource {
  resource: string;
  kind: FileUploadKind;
  /** The object's resource; undefined where the mock keeps none (peripherals): always 404. */
  target: ClassicResource<Entity> | undefined;
  /** False where the spec says names are not supported (peripherals). */
  byName: boolean;
}

/** A spec-derived resource by its segment, or undefined when the mock derives none. */
function derived(segment: string): ClassicResource<Entity> | undefined {
  const facts = classicResourceFacts[segment];
  return facts === undefined
    ? undefined
    : (genericClassicResource(facts) as ClassicResource<Entity> | undefined);
}

const asEntity = <T extends Entity>(resource: ClassicResource<T>) =>
  resource as unknown as ClassicResource<Entity>;

function uploadResources(document: OpenApiDocument): UploadResource[] {
  const entry = (
    resource: string,
    kind: FileUploadKind,
    target: ClassicResource<Entity> | undefined,
    byName = true,
  ): UploadResource => ({ resource, kind, target, byName });
  const apps = derived('mobiledeviceapplications');
  return [
    entry('computers', 'attachment', asEntity(classicComputers)),
    entry('mobiledevices', 'attachment', asEntity(classicMobileDevices)),
    entry('enrollmentprofiles', 'attachment', derived('mobiledeviceenrollmentprofiles')),
    entry('printers', 'attachment', derived('printers')),
    entry('peripherals', 'attachment', undefined, false),
    entry('policies', 'icon', asEntity(classicPolicies)),
    entry('ebooks', 'icon', asEntity(classicEbooks(document))),
    entry('mobiledeviceapplicationsicon', 'icon', apps),
    entry('mobiledeviceapplicationsipa', 'app', apps),
    entry('mobiledeviceapplications', 'attachment', apps),
    entry('diskencryptionconfigurations', 'file', derived('diskencryptionconfigurations')),
  ];
}

/** The object `{idType}/{id}` names, or undefined. */
function findTarget(
  ctx: RouteContext,
  target: ClassicResource<Entity>,
  idType: string,
  key: string,
): Entity | undefined {
  const store = target.store(ctx.state);
  if (idType === 'id') return /^\d{1,9}$/.test(key) ? store.get(Number(key)) : undefined;
  for (const row of store.values()) if (row.name === key) return row;
  return undefined;
}

/** Reads the `name` part, or the status page for a body that is not a usable upload. */
async function readFile(ctx: RouteContext): Promise<DigestedFile | Response> {
  const { request } = ctx;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data') || request.body === null)
    return classicError(400, 'The file must be sent as multipart/form-data');
  try {
    const file = await digestFilePart(request, request.body, ctx.maxBodyBytes, 'name');
    return file ?? classicError(400, 'A multipart part named name is required');
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return classicError(413, `Request body exceeds ${ctx.maxBodyBytes} bytes`);
    return classicError(400, 'The body is not valid multipart/form-data');
  }
}

/** Checks the object, then reads and records the file; 201 with no body. */
function upload(entry: UploadResource, target: ClassicResource<Entity>) {
  return guarded(target, 'PUT', async (ctx) => {
    const row = findTarget(ctx, target, ctx.params.idType ?? '', ctx.params.id ?? '');
    if (row === undefined) return classicNotFound();
    const file = await readFile(ctx);
    if (file instanceof Response) return file;
    ctx.state.fileUploads.add({
      segment: target.plural,
      objectId: row.id,
      kind: entry.kind,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.bytes,
      sha256: file.sha256,
      uploadedAt: ctx.clock.now(),
    });
    return new Response(null, { status: 201 });
  });
}

/**
 * Classic `POST /JSSResource/fileuploads/{resource}/{idType}/{id}`: a multipart file (part
 * `name`) for an object found by `id` or `name`, recorded in `state.fileUploads`; a policy's
 * icon becomes its Self Service icon. Needs `Update` on the object (unverified); an unknown
 * resource or id type is 400, an unknown object 404. `document` is the Pro spec, whose
 * `/v1/ebooks` objects Classic `ebooks` shows.
 */
export function classicFileUploadRoutes(document: OpenApiDocument): Route[] {
  const resources = uploadResources(document);
  return [
    {
      method: 'POST',
      path: '/JSSResource/fileuploads/{resource}/{idType}/{id}',
      handle: (ctx) => {
        const entry = resources.find((candidate) => candidate.resource === ctx.params.resource);
        if (entry === undefined)
          return classicError(400, `Invalid resource type ${ctx.params.resource ?? ''}`);
        const idType = ctx.params.idType ?? '';
        if (idType !== 'id' && !(idType === 'name' && entry.byName))
          return classicError(
            400,
            entry.byName ? 'idType must be id or name' : `${entry.resource} are found by id only`,
          );
        if (entry.target === undefined) return classicNotFound();
        return upload(entry, entry.target)(ctx);
      },
    },
  ];
}
