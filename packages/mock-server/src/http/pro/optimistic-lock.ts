import { jamfError } from '../../spec/jamf-error.js';
import type { OpenApiDocument, SpecOperation } from '../../spec/openapi-document.js';
import { flattenSchema } from '../../spec/responder/conform.js';
import type { JsonObject } from '../../state/json-collection.js';

/**
 * Jamf's optimistic locking of an object with a top-level `versionLock` whose write declares a
 * 409 (computer and mobile device prestages): a write must carry the stored `versionLock`, which
 * each accepted write raises by one. A stale one is refused with 409 and
 * `{"code":"OPTIMISTIC_LOCK_FAILED","description":"Conflict"}`, as a live server answered a
 * `PUT /api/v3/computer-prestages/5` (deploymenttheory/terraform-provider-jamfpro#1166); the bump
 * by one was seen live (78 → 79, Jamf-Concepts/jamf-cli#135); go-api-sdk-jamfpro relies on both
 * (`sdk/jamfpro/shared_version_lock.go`). Unverified: a write without `versionLock` (accepted
 * here) and the locks of nested objects (`locationInformation`, …), which the mock leaves as sent.
 */
export interface OptimisticLock {
  /** The 409 when `body` carries a `versionLock` other than `row`'s; undefined otherwise. */
  conflict(row: JsonObject, body: JsonObject): Response | undefined;
  /** `stored` with the `versionLock` after `row`'s. */
  bumped(row: JsonObject, stored: JsonObject): JsonObject;
}

/** The lock of writes by `operation` to objects of `objectSchema`, or undefined when unlocked. */
export function optimisticLockOf(
  objectSchema: unknown,
  operation: SpecOperation,
  document: OpenApiDocument,
): OptimisticLock | undefined {
  const responses = operation.object.responses;
  const declaresConflict =
    typeof responses === 'object' && responses !== null && '409' in responses;
  const properties = flattenSchema(objectSchema, document).properties;
  const hasLock =
    typeof properties === 'object' && properties !== null && 'versionLock' in properties;
  if (!declaresConflict || !hasLock) return undefined;
  const lockOf = (row: JsonObject) => (typeof row.versionLock === 'number' ? row.versionLock : 0);
  return {
    conflict: (row, body) =>
      body.versionLock !== undefined && body.versionLock !== lockOf(row)
        ? jamfError(409, 'OPTIMISTIC_LOCK_FAILED', 'Conflict')
        : undefined,
    bumped: (row, stored) => ({ ...stored, versionLock: lockOf(row) + 1 }),
  };
}
