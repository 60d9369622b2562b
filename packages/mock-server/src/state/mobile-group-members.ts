import type { MobileDeviceGroup } from './inventory/mobile-device-groups.js';
import type { MobileDevice } from './inventory/mobile-devices.js';
import type { MockState } from './mock-state.js';
import { criteriaSelect, criterionHolds } from './smart-group-members.js';

type FieldReader = (device: Readonly<MobileDevice>, state: MockState) => string;

/**
 * The mobile device criteria the mock evaluates (names as Jamf Pro's smart mobile device group
 * criteria list them; unverified beyond the names); others match nothing.
 */
const FIELDS: Readonly<Record<string, FieldReader>> = {
  'Display Name': (d) => d.name,
  'OS Version': (d) => d.osVersion,
  'OS Build': (d) => d.osBuild,
  'Serial Number': (d) => d.serialNumber,
  UDID: (d) => d.udid,
  Model: (d) => d.model,
  'Model Identifier': (d) => d.modelIdentifier,
  'Phone Number': (d) => d.phoneNumber,
  Username: (d) => d.username,
  'Full Name': (d) => d.realName,
  'Email Address': (d) => d.email,
  Supervised: (d) => (d.isSupervised ? 'Yes' : 'No'),
  Department: (d, s) => s.departments.get(d.departmentId)?.name ?? '',
  Building: (d, s) => s.buildings.get(d.buildingId)?.name ?? '',
};

/**
 * The mobile devices in a group: a static group's listed members that still exist, or the
 * devices a smart group's criteria select (the same evaluation as computer groups).
 */
export function mobileGroupMembers(
  group: Readonly<MobileDeviceGroup>,
  state: MockState,
): MobileDevice[] {
  if (!group.isSmart) {
    return group.mobileDeviceIds
      .map((id) => state.mobileDevices.get(id))
      .filter((d): d is MobileDevice => d !== undefined);
  }
  const members: MobileDevice[] = [];
  for (const device of state.mobileDevices.values()) {
    const selected = criteriaSelect(group.criteria, (criterion) => {
      const read = FIELDS[criterion.name];
      return read !== undefined && criterionHolds(criterion, read(device, state));
    });
    if (selected) members.push({ ...device });
  }
  return members;
}
