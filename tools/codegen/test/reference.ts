import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root of this checkout. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Jamf's published documents, kept read-only beside the repo (never copied into it). */
export const REFERENCE_DIR = resolve(REPO_ROOT, '../shared/reference');

/** True when `../shared/reference` is present; tests that need it skip otherwise. */
export const hasReference = existsSync(resolve(REFERENCE_DIR, 'jamf-pro-11.30.1.api-schema.json'));

/** Appended to the names of tests that need the reference documents. */
export const NEEDS_REFERENCE = hasReference
  ? '(reads ../shared/reference)'
  : '(SKIPPED: ../shared/reference is absent, Jamf documents unavailable)';

/** Path of a reference document by Jamf Pro version. */
export function proSchemaPath(version: '11.23.2' | '11.30.1'): string {
  return resolve(REFERENCE_DIR, `jamf-pro-${version}.api-schema.json`);
}
