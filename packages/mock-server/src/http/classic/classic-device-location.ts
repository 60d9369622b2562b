import type { Computer } from '../../state/inventory/computers.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import type { MockState } from '../../state/mock-state.js';

/**
 * The `location` element computers and mobile devices share, as far as the mock keeps it: the
 * user, and the department and building by name (`''` when unassigned). A computer adds its own
 * fields in `extra`; record shapes place the elements and fill the rest.
 */
export function classicLocation(
  row: Readonly<Computer | MobileDevice>,
  state: MockState,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    username: row.username,
    realname: row.realName,
    real_name: row.realName,
    email_address: row.email,
    ...extra,
    department: state.departments.get(row.departmentId)?.name ?? '',
    building: state.buildings.get(row.buildingId)?.name ?? '',
  };
}
