import { jamfError } from '../../spec/jamf-error.js';
import type { JsonCollection, JsonObject } from '../../state/json-collection.js';

/** The `backupDistributionPointId` that names no backup (the 11.30.1 spec's default). */
const NO_BACKUP = '-1';

/**
 * Why Pro refuses distribution point `row` (created, or replacing the one with id `selfId`), or
 * undefined: a name another point has, in any case, is 400 `DUPLICATE_FIELD` on `name`; a
 * `backupDistributionPointId` naming no other point is 400 `INVALID_FIELD` on it, unless the
 * point already had that backup (a write changing something else). Classic
 * `distributionpoints` refuses both with 409 (`Duplicate name`, `Invalid failover point`); Pro's
 * statuses and codes follow the mock's other Pro collections (categories, packages), unverified
 * for distribution points.
 */
export function distributionPointProblem(
  store: JsonCollection,
  row: JsonObject,
  selfId?: string,
): Response | undefined {
  const others = store.list().filter((other) => String(other.id) !== selfId);
  const name = typeof row.name === 'string' ? row.name.toLowerCase() : undefined;
  if (
    name !== undefined &&
    others.some((other) => typeof other.name === 'string' && other.name.toLowerCase() === name)
  )
    return jamfError(
      400,
      'DUPLICATE_FIELD',
      `A distribution point named ${String(row.name)} already exists`,
      'name',
    );
  const backup = row.backupDistributionPointId;
  if (backup === undefined || backup === null || String(backup) === NO_BACKUP) return undefined;
  // A backup the point already has is kept (the spec-generated seeds name none that exists).
  const before = selfId === undefined ? undefined : store.get(selfId);
  if (before !== undefined && String(before.backupDistributionPointId) === String(backup))
    return undefined;
  if (others.some((other) => String(other.id) === String(backup))) return undefined;
  return jamfError(
    400,
    'INVALID_FIELD',
    `backupDistributionPointId ${String(backup)} names no other distribution point`,
    'backupDistributionPointId',
  );
}
