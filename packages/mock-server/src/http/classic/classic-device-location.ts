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

/** The elements of a device's Classic `location`, in the order Jamf writes them. */
export const LOCATION_ELEMENTS: readonly string[] = [
  'username',
  'realname',
  'real_name',
  'email_address',
  'position',
  'phone',
  'phone_number',
  'department',
  'building',
  'room',
];

/**
 * The elements of a device's Classic `purchasing` that computers and mobile devices share, in the
 * order Jamf writes them (a computer's record adds its own after them).
 */
export const PURCHASING_ELEMENTS: readonly string[] = [
  'is_purchased',
  'is_leased',
  'po_number',
  'vendor',
  'applecare_id',
  'purchase_price',
  'purchasing_account',
  'po_date',
  'po_date_epoch',
  'po_date_utc',
  'warranty_expires',
  'warranty_expires_epoch',
  'warranty_expires_utc',
  'lease_expires',
  'lease_expires_epoch',
  'lease_expires_utc',
  'life_expectancy',
  'purchasing_contact',
];
