import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import { computerApplications } from '../../state/inventory/computer-applications.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { MockState } from '../../state/mock-state.js';
import { groupMembers } from '../../state/smart-group-members.js';
import { classicExtensionAttributeDefinitions } from '../extension-attribute-definitions.js';
import { JAMF_BINARY_VERSION } from '../pro/computers-inventory.js';
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
 * The recorded computer: jamf-pro-sdk-python's fixture of a computer read from a Jamf Pro 10.42.1
 * server (`tests/unit/models/test_models_classic_computers.py`, `COMPUTER_JSON`), cited below as
 * "the fixture". go-api-sdk-jamfpro's `sdk/jamfpro/classicapi_computers.go` (XML-tagged structs
 * decoding live answers) is "the Go SDK".
 */
const COMPUTER_CORRECTIONS: readonly ShapeCorrection[] = [
  // The spec's element name is a documentation note read as a name; the fixture, the Go SDK and
  // ruby-jss (`computer.rb`, `initialize`) read `management_username`.
  { path: ['general', 'remote_management', 'management_username deprecated="10.48"'] },
  { path: ['general', 'remote_management', 'management_username'], shape: 's' },
  // With no MDM-capable user the fixture has `"mdm_capable_users": {}`, not a blank
  // `mdm_capable_user`; the mock keeps none (ruby-jss reads `mdm_capable_users.values`).
  { path: ['general', 'mdm_capable_users'], shape: { o: {} } },
  // In the fixture and the Go SDK, missing from the spec; ruby-jss reads both.
  { path: ['general', 'supervised'], shape: 'b' },
  { path: ['general', 'mdm_profile_expiration_epoch'], shape: 'n' },
  { path: ['general', 'mdm_profile_expiration_utc'], shape: 's' },
  // In the fixture (the Go SDK has the first two, as omitempty); attachment items unverified.
  { path: ['purchasing', 'os_applecare_id'], shape: 's' },
  { path: ['purchasing', 'os_maintenance_expires'], shape: 's' },
  {
    path: ['purchasing', 'attachments'],
    shape: { a: 'attachment', i: { o: { id: 'n', filename: 's', uri: 's' } } },
  },
  // The spec misspells it `processor_architechture`; the fixture and the Go SDK spell it right.
  { path: ['hardware', 'processor_architechture'] },
  { path: ['hardware', 'processor_architecture'], shape: 's' },
  // In the fixture and the Go SDK, missing from the spec.
  { path: ['hardware', 'software_update_device_id'], shape: 's' },
  { path: ['hardware', 'is_apple_silicon'], shape: 'b' },
  { path: ['hardware', 'supports_ios_app_installs'], shape: 'b' },
  // Numbers in the fixture (`0`) and the Go SDK (`int`), text in the spec; jamf-pro-sdk-python's
  // model reads them as integers and refuses `''`.
  { path: ['hardware', 'processor_speed'], shape: 'n' },
  { path: ['hardware', 'processor_speed_mhz'], shape: 'n' },
  // `filevault2_users` in the fixture and the Go SDK (`filevault2_users>user`), not `filevault_2_users`.
  { path: ['hardware', 'filevault_2_users'] },
  { path: ['hardware', 'filevault2_users'], shape: { a: 'user', i: 's' } },
  // `identity` in the fixture, the Go SDK and ruby-jss, not the spec's `identify`.
  {
    path: ['certificates'],
    shape: {
      a: 'certificate',
      i: {
        o: { common_name: 's', identity: 'b', expires_utc: 's', expires_epoch: 'n', name: 's' },
      },
    },
  },
  // A list in the fixture (`[]`) and the Go SDK (`unix_executables>string`), text in the spec;
  // jamf-pro-sdk-python's model refuses `''`.
  { path: ['software', 'unix_executables'], shape: { a: 'string', i: 's' } },
  // Each application has `bundle_id` after `version` in the fixture (jamf-pro-sdk-python's model
  // reads it); the spec's item and the Go SDK's have only `name`, `path` and `version`.
  {
    path: ['software', 'applications'],
    shape: {
      a: 'application',
      i: { o: { name: 's', path: 's', version: 's', bundle_id: 's' } },
      s: true,
    },
  },
  // With no updates the fixture has `"available_updates": {}`, an object, where the spec has a
  // list (`<update>` items); the mock keeps no updates, so it always answers the empty object.
  { path: ['software', 'available_updates'], shape: { o: {} } },
  // In the fixture (`disable_automatic_login` and a `user` per account); the mock keeps no
  // account, so no `user`.
  { path: ['groups_accounts', 'user_inventories'], shape: { o: { disable_automatic_login: 'b' } } },
  // `"iphones": []` in the fixture; its item name is unverified (the mock keeps none).
  { path: ['iphones'], shape: { a: 'iphone', i: 's' } },
  // Each attribute has `multi_value` in the fixture (after `type`), not in the spec.
  {
    path: ['extension_attributes'],
    shape: {
      a: 'extension_attribute',
      i: { o: { id: 'n', name: 's', type: 's', multi_value: 'b', value: 's' } },
    },
  },
];

/**
 * Element names in the order the fixture has them, per object (the spec's order is alphabetical;
 * `master_password_set`, absent from the fixture, where the Go SDK has it).
 */
const COMPUTER_ELEMENT_ORDER: ElementOrder = {
  '': [
    'general',
    'location',
    'purchasing',
    'peripherals',
    'hardware',
    'certificates',
    'security',
    'software',
    'extension_attributes',
    'groups_accounts',
    'iphones',
    'configuration_profiles',
  ],
  general: [
    'id',
    'name',
    'network_adapter_type',
    'mac_address',
    'alt_network_adapter_type',
    'alt_mac_address',
    'ip_address',
    'last_reported_ip',
    'serial_number',
    'udid',
    'jamf_version',
    'platform',
    'barcode_1',
    'barcode_2',
    'asset_tag',
    'remote_management',
    'managed',
    'management_username',
    'supervised',
    'mdm_capable',
    'mdm_capable_users',
    'management_status',
    'enrolled_via_dep',
    'user_approved_enrollment',
    'user_approved_mdm',
    'report_date',
    'report_date_epoch',
    'report_date_utc',
    'last_contact_time',
    'last_contact_time_epoch',
    'last_contact_time_utc',
    'initial_entry_date',
    'initial_entry_date_epoch',
    'initial_entry_date_utc',
    'last_cloud_backup_date_epoch',
    'last_cloud_backup_date_utc',
    'last_enrolled_date_epoch',
    'last_enrolled_date_utc',
    'mdm_profile_expiration_epoch',
    'mdm_profile_expiration_utc',
    'distribution_point',
    'sus',
    'site',
    'itunes_store_account_is_active',
  ],
  location: LOCATION_ELEMENTS,
  purchasing: [...PURCHASING_ELEMENTS, 'os_applecare_id', 'os_maintenance_expires', 'attachments'],
  hardware: [
    'make',
    'model',
    'model_identifier',
    'os_name',
    'os_version',
    'os_build',
    'master_password_set',
    'software_update_device_id',
    'active_directory_status',
    'service_pack',
    'processor_type',
    'is_apple_silicon',
    'processor_architecture',
    'processor_speed',
    'processor_speed_mhz',
    'number_processors',
    'number_cores',
    'total_ram',
    'total_ram_mb',
    'boot_rom',
    'bus_speed',
    'bus_speed_mhz',
    'battery_capacity',
    'cache_size',
    'cache_size_kb',
    'available_ram_slots',
    'optical_drive',
    'nic_speed',
    'smc_version',
    'ble_capable',
    'supports_ios_app_installs',
    'sip_status',
    'gatekeeper_status',
    'xprotect_version',
    'institutional_recovery_key',
    'disk_encryption_configuration',
    'filevault2_users',
    'storage',
    'mapped_printers',
  ],
  security: [
    'activation_lock',
    'recovery_lock_enabled',
    'secure_boot_level',
    'external_boot_level',
    'firewall_enabled',
  ],
  software: [
    'unix_executables',
    'licensed_software',
    'installed_by_casper',
    'installed_by_installer_swu',
    'cached_by_casper',
    'available_software_updates',
    'available_updates',
    'running_services',
    'applications',
    'fonts',
    'plugins',
  ],
  groups_accounts: ['computer_group_memberships', 'local_accounts', 'user_inventories'],
};

/**
 * Every element of a Classic computer record as live servers write it: Jamf's Classic computer
 * object (`computer_post` in the spec) with the corrections above, in the fixture's order.
 */
export const classicComputerShape: XmlShape = correctedShape(
  classicXmlShapes.computer as XmlShape,
  COMPUTER_CORRECTIONS,
  COMPUTER_ELEMENT_ORDER,
);

/** The names of the computer groups, smart and static, that `row` is a member of. */
function groupNames(row: Readonly<Computer>, state: MockState): string[] {
  return [...state.computerGroups.values()]
    .filter((group) => groupMembers(group, state).some((member) => member.id === row.id))
    .map((group) => group.name);
}

/**
 * The jamf binary's version as Classic's `jamf_version` gives it: the Pro view's
 * `jamfBinaryVersion` without its build (`10.42.1` in the fixture, where Pro writes
 * `10.42.1-t…`; the pairing is unverified).
 */
function jamfVersion(): string {
  return JAMF_BINARY_VERSION.replace(/-t\d+$/, '');
}

/**
 * A computer's whole Classic record (`GET /JSSResource/computers/id/{id}`): what the mock keeps
 * of it, in the same values the Pro view (`/v1/computers-inventory`) gives — report, contact,
 * entry and enrolment dates, management, hardware, the user, its installed applications, the
 * groups it is in, its extension attribute values — and every other
 * element of {@link classicComputerShape} blank (`''`, `0`, `false`, empty lists).
 */
export function classicComputerRecord(
  row: Readonly<Computer>,
  state: MockState,
): Record<string, unknown> {
  const record = {
    general: {
      id: row.id,
      name: row.name,
      mac_address: row.macAddress,
      ip_address: row.ipAddress,
      last_reported_ip: row.ipAddress,
      serial_number: row.serialNumber,
      udid: row.udid,
      jamf_version: jamfVersion(),
      platform: 'Mac',
      asset_tag: row.assetTag,
      remote_management: {
        managed: row.isManaged,
        management_username: row.managementUsername ?? '',
      },
      // Pro's view says supervised and MDM-capable for a managed computer; so does this one.
      supervised: row.isManaged,
      mdm_capable: row.isManaged,
      management_status: {
        enrolled_via_dep: false,
        user_approved_enrollment: row.isManaged,
        user_approved_mdm: row.isManaged,
      },
      ...classicDateElements('report_date', row.reportDate),
      ...classicDateElements('last_contact_time', row.lastContactTime),
      ...classicDateElements('initial_entry_date', row.initialEntryDate, 'date'),
      // Pro's `lastEnrolledDate` is the entry date too.
      ...classicDateElements('last_enrolled_date', row.initialEntryDate, 'none'),
    },
    location: classicLocation(row, state, {
      position: row.position,
      phone: row.phone,
      phone_number: row.phone,
      room: row.room,
    }),
    purchasing: { is_purchased: true },
    hardware: {
      make: 'Apple',
      model: row.model,
      model_identifier: row.modelIdentifier,
      os_name: row.osName,
      os_version: row.osVersion,
      os_build: row.osBuild,
      processor_type: row.processorType,
      is_apple_silicon: row.processorArchitecture === 'arm64',
      processor_architecture: row.processorArchitecture,
      total_ram: row.totalRamMegabytes,
      total_ram_mb: row.totalRamMegabytes,
    },
    software: {
      applications: computerApplications(row, state.seed).map((app) => ({
        name: app.name,
        path: app.path,
        version: app.version,
        bundle_id: app.bundleId,
      })),
    },
    extension_attributes: classicExtensionAttributes(
      classicExtensionAttributeDefinitions(state, 'computer'),
      row.extensionAttributeValues,
      true,
    ),
    groups_accounts: { computer_group_memberships: groupNames(row, state) },
  };
  return withBlanks(record, classicComputerShape) as Record<string, unknown>;
}
