import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import type { MockState } from '../../state/mock-state.js';
import { classicExtensionAttributeDefinitions } from '../extension-attribute-definitions.js';
import { classicExtensionAttributes } from './classic-device-extension-attributes.js';
import {
  classicLocation,
  LOCATION_ELEMENTS,
  PURCHASING_ELEMENTS,
} from './classic-device-location.js';
import { classicDateElements } from './classic-record-dates.js';
import { withBlanks } from './classic-shape.js';
import {
  correctedShape,
  type ElementOrder,
  type ShapeCorrection,
} from './classic-shape-corrections.js';

/**
 * Where live mobile device records differ from the spec's `mobile_device`. Sources:
 * go-api-sdk-jamfpro's `sdk/jamfpro/classicapi_mobile_devices.go` (XML-tagged structs decoding
 * live answers) and ruby-jss's `lib/jamf/api/classic/api_objects/mobile_device.rb`.
 */
const MOBILE_DEVICE_CORRECTIONS: readonly ShapeCorrection[] = [
  // ruby-jss's MobileDevice is Sitable with `SITE_SUBSET = :general`: it reads `general.site`,
  // which the spec's `general` lacks.
  { path: ['general', 'site'], shape: { o: { id: 'n', name: 's' } } },
  // `extension_attributes>extension_attribute` in the Go SDK; the spec names the items `item`.
  {
    path: ['extension_attributes'],
    shape: {
      a: 'extension_attribute',
      i: { o: { id: 'n', name: 's', type: 's', value: 's' } },
    },
  },
];

/**
 * Element names in the order of Jamf's documented example record (reproduced in
 * dougpenny/SwiftyJamfPro `ModelTests.swift`) and the Go SDK's structs, per object.
 */
const MOBILE_DEVICE_ELEMENT_ORDER: ElementOrder = {
  '': [
    'general',
    'location',
    'purchasing',
    'applications',
    'security_object',
    'network',
    'certificates',
    'configuration_profiles',
    'provisioning_profiles',
    'mobile_device_groups',
    'extension_attributes',
  ],
  general: [
    'id',
    'display_name',
    'device_name',
    'name',
    'asset_tag',
    'last_inventory_update',
    'last_inventory_update_epoch',
    'last_inventory_update_utc',
    'capacity',
    'capacity_mb',
    'available',
    'available_mb',
    'percentage_used',
    'os_type',
    'os_version',
    'os_build',
    'serial_number',
    'udid',
    'initial_entry_date_epoch',
    'initial_entry_date_utc',
    'phone_number',
    'ip_address',
    'wifi_mac_address',
    'bluetooth_mac_address',
    'modem_firmware',
    'model',
    'model_identifier',
    'model_number',
    'model_display',
    'device_ownership_level',
    'last_enrollment_epoch',
    'last_enrollment_utc',
    'managed',
    'supervised',
    'exchange_activesync_device_identifier',
    'shared',
    'tethered',
    'battery_level',
    'ble_capable',
    'device_locator_service_enabled',
    'do_not_disturb_enabled',
    'cloud_backup_enabled',
    'last_cloud_backup_date_epoch',
    'last_cloud_backup_date_utc',
    'location_services_enabled',
    'itunes_store_account_is_active',
    'last_backup_time_epoch',
    'last_backup_time_utc',
    'site',
  ],
  location: LOCATION_ELEMENTS,
  purchasing: PURCHASING_ELEMENTS,
  security_object: [
    'data_protection',
    'block_level_encryption_capable',
    'file_level_encryption_capable',
    'passcode_present',
    'passcode_compliant',
    'passcode_compliant_with_profile',
    'passcode_lock_grace_period_enforced',
    'hardware_encryption',
    'activation_lock_enabled',
    'jailbreak_detected',
    'lost_mode_enabled',
    'lost_mode_enforced',
    'lost_mode_enable_issued_epoch',
    'lost_mode_enable_issued_utc',
    'lost_mode_message',
    'lost_mode_phone',
    'lost_mode_footnote',
    'lost_location_epoch',
    'lost_location_utc',
    'lost_location_latitude',
    'lost_location_longitude',
    'lost_location_altitude',
    'lost_location_speed',
    'lost_location_course',
    'lost_location_horizontal_accuracy',
    'lost_location_vertical_accuracy',
  ],
  network: [
    'home_carrier_network',
    'cellular_technology',
    'voice_roaming_enabled',
    'imei',
    'iccid',
    'current_carrier_network',
    'carrier_settings_version',
    'current_mobile_country_code',
    'current_mobile_network_code',
    'home_mobile_country_code',
    'home_mobile_network_code',
    'data_roaming_enabled',
    'phone_number',
  ],
};

/**
 * Every element of a Classic mobile device record as live servers write it: Jamf's Classic
 * `mobile_device` object with the corrections above, in the documented example's order.
 */
export const classicMobileDeviceShape: XmlShape = correctedShape(
  classicXmlShapes.mobile_device as XmlShape,
  MOBILE_DEVICE_CORRECTIONS,
  MOBILE_DEVICE_ELEMENT_ORDER,
);

/** The mobile device groups, smart and static, that `row` is a member of, as `{id, name}`. */
function groupsOf(row: Readonly<MobileDevice>, state: MockState): Record<string, unknown>[] {
  return [...state.mobileDeviceGroups.values()]
    .filter((group) => mobileGroupMembers(group, state).some((device) => device.id === row.id))
    .map((group) => ({ id: group.id, name: group.name }));
}

/**
 * A mobile device's whole Classic record (`GET /JSSResource/mobiledevices/id/{id}`): what the mock
 * keeps of it, in the values the Pro view (`/v2/mobile-devices`) gives — names, OS, model,
 * management, the last inventory update, the user, the groups it is in, its extension attribute
 * values — and every other element
 * of {@link classicMobileDeviceShape} blank (`''`, `0`, `false`, empty lists).
 */
export function classicMobileDeviceRecord(
  row: Readonly<MobileDevice>,
  state: MockState,
): Record<string, unknown> {
  const record = {
    general: {
      id: row.id,
      display_name: row.name,
      device_name: row.name,
      name: row.name,
      ...classicDateElements('last_inventory_update', row.lastInventoryUpdate),
      os_type: row.type === 'tvos' ? 'tvOS' : 'iOS',
      os_version: row.osVersion,
      os_build: row.osBuild,
      serial_number: row.serialNumber,
      udid: row.udid,
      phone_number: row.phoneNumber,
      ip_address: row.ipAddress,
      wifi_mac_address: row.wifiMacAddress,
      model: row.model,
      model_identifier: row.modelIdentifier,
      model_display: row.model,
      managed: row.isManaged,
      supervised: row.isSupervised,
    },
    location: classicLocation(row, state),
    mobile_device_groups: groupsOf(row, state),
    extension_attributes: classicExtensionAttributes(
      classicExtensionAttributeDefinitions(state, 'mobileDevice'),
      row.extensionAttributeValues,
      false,
    ),
  };
  return withBlanks(record, classicMobileDeviceShape) as Record<string, unknown>;
}
