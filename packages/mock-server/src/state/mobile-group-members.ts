import {
  type CriteriaTarget,
  type FieldReader,
  type SearchCriterion,
  searchResults,
  selectDevices,
} from './criteria-evaluator.js';
import type { MobileDeviceGroup } from './inventory/mobile-device-groups.js';
import type { MobileDevice } from './inventory/mobile-devices.js';
import type { MockState } from './mock-state.js';

/**
 * The mobile device criteria the mock evaluates (names as Jamf Pro's smart mobile device group
 * criteria list them; unverified beyond the names, and `Last Inventory Update` from ruby-jss's
 * `mobile_device_extension_attribute.rb`).
 */
const MOBILE_DEVICE_FIELDS: Readonly<Record<string, FieldReader<MobileDevice>>> = {
  'Display Name': (d) => d.name,
  'OS Version': (d) => d.osVersion,
  'OS Build': (d) => d.osBuild,
  'Serial Number': (d) => d.serialNumber,
  UDID: (d) => d.udid,
  Model: (d) => d.model,
  'Model Identifier': (d) => d.modelIdentifier,
  'Phone Number': (d) => d.phoneNumber,
  'Wi-Fi MAC Address': (d) => d.wifiMacAddress,
  'IP Address': (d) => d.ipAddress,
  Managed: (d) => (d.isManaged ? 'Managed' : 'Unmanaged'),
  Username: (d) => d.username,
  'Full Name': (d) => d.realName,
  'Email Address': (d) => d.email,
  Supervised: (d) => (d.isSupervised ? 'Yes' : 'No'),
  Department: (d, s) => s.departments.get(d.departmentId)?.name ?? '',
  Building: (d, s) => s.buildings.get(d.buildingId)?.name ?? '',
  'Last Inventory Update': (d) => ({ time: d.lastInventoryUpdate }),
};

/** How criteria read mobile devices: fields, `Mobile Device Group`, their extension attributes. */
const MOBILE_DEVICES: CriteriaTarget<MobileDevice> = {
  fields: MOBILE_DEVICE_FIELDS,
  groupCriterion: 'Mobile Device Group',
  groupMemberIds(name, state, seen) {
    const wanted = name.trim().toLowerCase();
    const group = [...state.mobileDeviceGroups.values()].find(
      (g) => g.name.toLowerCase() === wanted,
    );
    if (group === undefined || seen.has(wanted)) return new Set();
    return new Set(membersOf(group, state, new Set([...seen, wanted])).map((d) => d.id));
  },
  extensionAttributeCollection: '/v1/mobile-device-extension-attributes',
  extensionAttributeValues: (device) => device.extensionAttributeValues,
};

function membersOf(
  group: Readonly<MobileDeviceGroup>,
  state: MockState,
  seen: ReadonlySet<string>,
): MobileDevice[] {
  if (!group.isSmart) {
    return group.mobileDeviceIds
      .map((id) => state.mobileDevices.get(id))
      .filter((d): d is MobileDevice => d !== undefined);
  }
  return selectDevices(
    group.criteria,
    state.mobileDevices.values(),
    MOBILE_DEVICES,
    state,
    seen,
  ).map((device) => ({ ...device }));
}

/**
 * The mobile devices in a group: a static group's listed members that still exist, or the
 * devices a smart group's criteria select (the same evaluator as computer groups and searches).
 */
export function mobileGroupMembers(
  group: Readonly<MobileDeviceGroup>,
  state: MockState,
): MobileDevice[] {
  return membersOf(group, state, new Set([group.name.toLowerCase()]));
}

/**
 * An advanced mobile device search's results as Classic lists them: each device `criteria`
 * select with its `id`, `name` and `udid` and the value of each display field.
 */
export function mobileDeviceSearchResults(
  criteria: readonly SearchCriterion[],
  displayFields: readonly string[],
  state: MockState,
): Record<string, string | number>[] {
  return searchResults(
    criteria,
    displayFields,
    state.mobileDevices.values(),
    MOBILE_DEVICES,
    state,
  );
}
