import { basename } from 'node:path';
import type { components } from '../generated/openapi.js';
import { rsql } from '../rsql-builder.js';
import { PackageUploadError } from './package-upload-error.js';
import type { UploadSession } from './upload-session.js';

/** A package record as `POST /v1/packages` takes it. */
export type PackageRecord = components['schemas']['Package'];

/**
 * The fields a new record gets unless `create` sets them: the spec's required fields, with
 * "no category" (`-1`) and priority 10 (both unverified: the values Jamf Pro's web form starts
 * with, per community write-ups).
 */
function newRecord(packageName: string, file: string): PackageRecord {
  return {
    packageName,
    fileName: basename(file),
    categoryId: '-1',
    priority: 10,
    fillUserTemplate: false,
    osInstall: false,
    rebootRequired: false,
    suppressEula: false,
    suppressFromDock: false,
    suppressRegistration: false,
    suppressUpdates: false,
  };
}

/** The id of the package record named `packageName`, or `undefined` when there is none. */
export async function findPackageId(
  session: UploadSession,
  packageName: string,
): Promise<string | undefined> {
  const filter = encodeURIComponent(String(rsql.eq('packageName', packageName)));
  const answer = await session.json<{ results?: Array<{ id?: string; packageName?: string }> }>(
    'GET',
    `/v1/packages?page=0&page-size=100&filter=${filter}`,
  );
  return answer.results?.find((record) => record.packageName === packageName)?.id;
}

/** Creates a package record and returns its id. */
export async function createPackageRecord(
  session: UploadSession,
  packageName: string,
  file: string,
  fields: Partial<PackageRecord>,
): Promise<string> {
  const record = { ...newRecord(packageName, file), ...fields, packageName };
  const answer = await session.json<{ id?: string }>('POST', '/v1/packages', record);
  if (answer.id === undefined) {
    throw new PackageUploadError(
      'PACKAGE_NOT_FOUND',
      `POST /v1/packages created "${packageName}" but answered without an id`,
    );
  }
  return String(answer.id);
}
