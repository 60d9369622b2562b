import type { MobileDeviceGroup } from '../../state/inventory/mobile-device-groups.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import { criteriaDetail, criteriaFromXml, membersAfterChanges } from './classic-groups-policies.js';
import { type ClassicResource, xmlList, xmlText } from './classic-resource.js';
import { entryIds } from './classic-scope.js';

const site = { id: -1, name: 'None' };

/**
 * Classic `mobiledevicegroups`, over the store Pro's mobile device groups use: static groups list
 * their members, smart groups their criteria and the devices those select.
 */
export const classicMobileDeviceGroups: ClassicResource<MobileDeviceGroup> = {
  plural: 'mobiledevicegroups',
  privilegeObjects: ['Smart Mobile Device Groups', 'Static Mobile Device Groups'],
  listRoot: 'mobile_device_groups',
  root: 'mobile_device_group',
  store: (state) => state.mobileDeviceGroups,
  summary: (row) => ({ id: row.id, name: row.name, is_smart: row.isSmart }),
  detail: (row, state) => ({
    id: row.id,
    name: row.name,
    is_smart: row.isSmart,
    site,
    criteria: criteriaDetail(row.criteria),
    mobile_devices: mobileGroupMembers(row, state).map((d) => ({
      id: d.id,
      name: d.name,
      mac_address: d.wifiMacAddress,
      udid: d.udid,
      wifi_mac_address: d.wifiMacAddress,
      serial_number: d.serialNumber,
    })),
  }),
  lookups: { name: (row) => row.name },
  fromXml(value, existing, state) {
    const smartText = xmlText(value, 'is_smart');
    const isSmart =
      smartText === undefined ? (existing?.isSmart ?? false) : smartText.toLowerCase() === 'true';
    const criteria = criteriaFromXml(value, existing?.criteria);
    if (typeof criteria === 'string') return criteria;
    const members = xmlList(value, 'mobile_devices', 'mobile_device');
    const resolve = (entries: Record<string, unknown>[]) =>
      entryIds(state.mobileDevices, entries, 'Problem with mobile device in group');
    const listed = members.length === 0 ? (existing?.mobileDeviceIds ?? []) : resolve(members);
    if (typeof listed === 'string') return listed;
    const ids = membersAfterChanges(value, listed, 'mobile_device', resolve);
    if (typeof ids === 'string') return ids;
    return {
      name: xmlText(value, 'name') ?? existing?.name ?? '',
      description: existing?.description ?? '',
      isSmart,
      criteria: isSmart ? criteria : [],
      mobileDeviceIds: isSmart ? [] : ids,
    };
  },
  isNameUnique: true,
};
