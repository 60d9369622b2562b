import type { Computer } from '../../state/inventory/computers.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import type { MockState } from '../../state/mock-state.js';
import { groupMembers } from '../../state/smart-group-members.js';
import type { Route } from '../route.js';
import { classicResponse } from './classic-format.js';
import { type ClassicResource, guarded, xmlObject, xmlText } from './classic-resource.js';

const site = { id: -1, name: 'None' };
const utc = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** A department or building id from its Classic name; a string when the name is unknown. */
function refByName(
  state: MockState,
  kind: 'departments' | 'buildings',
  name: string | undefined,
  fallback: number,
): number | string {
  if (name === undefined) return fallback;
  if (name === '') return -1;
  const found =
    kind === 'departments'
      ? state.departments.findBy('name', name)
      : state.buildings.findBy('name', name);
  return found?.id ?? `Problem with ${kind === 'departments' ? 'department' : 'building'}`;
}

/** The serial number and location ids a Classic computer or mobile-device write resolves to. */
interface InventoryRefs {
  serialNumber: string;
  departmentId: number;
  buildingId: number;
}

/**
 * Resolves what Classic computer and mobile-device writes share: the serial number (a new record
 * may not reuse one held in `store`) and the department and building named in `location`. A
 * string is the 409 message, checked in that order.
 */
function inventoryRefs(
  state: MockState,
  store: { findBy(key: 'serialNumber', value: string): unknown },
  general: Record<string, unknown>,
  location: Record<string, unknown>,
  existing: Readonly<InventoryRefs> | undefined,
): InventoryRefs | string {
  const serialNumber = xmlText(general, 'serial_number') ?? existing?.serialNumber ?? '';
  if (existing === undefined && serialNumber !== '' && store.findBy('serialNumber', serialNumber)) {
    return 'Duplicate serial number';
  }
  const departmentId = refByName(
    state,
    'departments',
    xmlText(location, 'department'),
    existing?.departmentId ?? -1,
  );
  if (typeof departmentId === 'string') return departmentId;
  const buildingId = refByName(
    state,
    'buildings',
    xmlText(location, 'building'),
    existing?.buildingId ?? -1,
  );
  if (typeof buildingId === 'string') return buildingId;
  return { serialNumber, departmentId, buildingId };
}

/**
 * The `location` element computers and mobile devices share, in Jamf's element order, with a
 * computer's own fields (`extra`) before the department and building names.
 */
function classicLocation(
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

/**
 * The sections of a Classic computer the mock keeps no data for, in the shape of the Classic
 * computer object (`classic-schemas.json`, `computer_post`): empty lists and blank purchasing,
 * security and software, and the static and smart groups the computer is in. ruby-jss's
 * `Jamf::Computer` reads every section when it fetches a computer and fails on a missing
 * `certificates` list (`lib/jamf/api/classic/api_objects/computer.rb`, `initialize`).
 */
function classicComputerExtraSections(row: Readonly<Computer>, state: MockState) {
  const groups = [...state.computerGroups.values()]
    .filter((group) => groupMembers(group, state).some((member) => member.id === row.id))
    .map((group) => group.name);
  return {
    purchasing: {
      is_purchased: true,
      is_leased: false,
      po_number: '',
      vendor: '',
      applecare_id: '',
      purchase_price: '',
      purchasing_account: '',
      po_date: '',
      warranty_expires: '',
      lease_expires: '',
      life_expectancy: 0,
      purchasing_contact: '',
    },
    peripherals: [],
    certificates: [],
    security: {
      activation_lock: false,
      recovery_lock_enabled: false,
      secure_boot_level: '',
      external_boot_level: '',
      firewall_enabled: false,
    },
    software: {
      unix_executables: '',
      licensed_software: [],
      installed_by_casper: [],
      installed_by_installer_swu: [],
      cached_by_casper: [],
      available_software_updates: [],
      available_updates: [],
      running_services: [],
      applications: [],
      fonts: [],
      plugins: [],
    },
    extension_attributes: [],
    groups_accounts: { computer_group_memberships: groups, local_accounts: [] },
    configuration_profiles: [],
  };
}

/** Classic `computers`: list, `id`, `name`, `serialnumber`, `udid` and `macaddress` lookups. */
export const classicComputers: ClassicResource<Computer> = {
  plural: 'computers',
  privilegeObjects: ['Computers'],
  listRoot: 'computers',
  root: 'computer',
  store: (state) => state.computers,
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: (row, state) => ({
    general: {
      id: row.id,
      name: row.name,
      mac_address: row.macAddress,
      alt_mac_address: '',
      serial_number: row.serialNumber,
      udid: row.udid,
      barcode_1: '',
      barcode_2: '',
      ip_address: row.ipAddress,
      last_reported_ip: row.ipAddress,
      asset_tag: row.assetTag,
      platform: 'Mac',
      remote_management: { managed: row.isManaged },
      mdm_capable: row.isManaged,
      mdm_capable_users: {},
      management_status: {
        enrolled_via_dep: false,
        user_approved_enrollment: row.isManaged,
        user_approved_mdm: row.isManaged,
      },
      report_date_utc: utc(row.reportDate),
      report_date_epoch: row.reportDate,
      last_contact_time_utc: utc(row.lastContactTime),
      last_contact_time_epoch: row.lastContactTime,
      initial_entry_date_epoch: row.initialEntryDate,
      site,
    },
    location: {
      ...classicLocation(row, state, {
        position: row.position,
        phone: row.phone,
        phone_number: row.phone,
      }),
      room: row.room,
    },
    hardware: {
      make: 'Apple',
      model: row.model,
      model_identifier: row.modelIdentifier,
      os_name: row.osName,
      os_version: row.osVersion,
      os_build: row.osBuild,
      processor_type: row.processorType,
      processor_architecture: row.processorArchitecture,
      total_ram: row.totalRamMegabytes,
    },
    ...classicComputerExtraSections(row, state),
  }),
  lookups: {
    name: (row) => row.name,
    serialnumber: (row) => row.serialNumber,
    udid: (row) => row.udid,
    macaddress: (row) => row.macAddress,
  },
  fromXml(value, existing, state) {
    const general = xmlObject(value, 'general');
    const location = xmlObject(value, 'location');
    const refs = inventoryRefs(state, state.computers, general, location, existing);
    if (typeof refs === 'string') return refs;
    const { serialNumber, departmentId, buildingId } = refs;
    const now = Date.UTC(2026, 0, 1);
    return {
      name: xmlText(general, 'name') ?? existing?.name ?? '',
      udid: xmlText(general, 'udid') ?? existing?.udid ?? '',
      serialNumber,
      assetTag: xmlText(general, 'asset_tag') ?? existing?.assetTag ?? '',
      isManaged: existing?.isManaged ?? false,
      model: existing?.model ?? '',
      modelIdentifier: existing?.modelIdentifier ?? '',
      processorType: existing?.processorType ?? '',
      processorArchitecture: existing?.processorArchitecture ?? 'arm64',
      totalRamMegabytes: existing?.totalRamMegabytes ?? 0,
      macAddress: xmlText(general, 'mac_address') ?? existing?.macAddress ?? '',
      ipAddress: xmlText(general, 'ip_address') ?? existing?.ipAddress ?? '',
      osName: existing?.osName ?? 'macOS',
      osVersion: existing?.osVersion ?? '',
      osBuild: existing?.osBuild ?? '',
      username: xmlText(location, 'username') ?? existing?.username ?? '',
      realName:
        xmlText(location, 'realname') ?? xmlText(location, 'real_name') ?? existing?.realName ?? '',
      email: xmlText(location, 'email_address') ?? existing?.email ?? '',
      position: xmlText(location, 'position') ?? existing?.position ?? '',
      phone:
        xmlText(location, 'phone') ?? xmlText(location, 'phone_number') ?? existing?.phone ?? '',
      room: xmlText(location, 'room') ?? existing?.room ?? '',
      departmentId,
      buildingId,
      lastContactTime: existing?.lastContactTime ?? now,
      reportDate: existing?.reportDate ?? now,
      initialEntryDate: existing?.initialEntryDate ?? now,
    };
  },
  isNameUnique: false,
};

/**
 * `GET /computers/subset/basic`: every computer with the basic fields, the list ruby-jss's
 * `Jamf::Computer.all` reads (`lib/jamf/api/classic/api_objects/computer.rb`, `LIST_RSRC`) and
 * jamf-pro-sdk-python's `list_computers(subsets=['basic'])`. The path is in the Classic API
 * reference (`jamf-pro-11.30.1.classic-swagger.yaml`, `findComputersBasic`, deprecated there),
 * which gives no answer shape; the field names are those the two SDKs read from live servers
 * (jamf-pro-sdk-python `ClassicComputersItem`; ruby-jss's comment on `Computer.all`), their order
 * unverified.
 */
export function classicComputersBasicRoute(): Route {
  return {
    method: 'GET',
    path: '/JSSResource/computers/subset/basic',
    handle: guarded(classicComputers, 'GET', (ctx) => {
      const rows = [...ctx.state.computers.values()].map((row) => ({
        id: row.id,
        name: row.name,
        managed: row.isManaged,
        username: row.username,
        model: row.model,
        department: ctx.state.departments.get(row.departmentId)?.name ?? '',
        building: ctx.state.buildings.get(row.buildingId)?.name ?? '',
        mac_address: row.macAddress,
        udid: row.udid,
        serial_number: row.serialNumber,
        report_date_utc: utc(row.reportDate),
        report_date_epoch: row.reportDate,
      }));
      return classicResponse(ctx.request, classicComputers.listRoot, rows);
    }),
  };
}

const mobileSummary = (row: Readonly<MobileDevice>) => ({
  id: row.id,
  name: row.name,
  device_name: row.name,
  udid: row.udid,
  serial_number: row.serialNumber,
  phone_number: row.phoneNumber,
  wifi_mac_address: row.wifiMacAddress,
  managed: row.isManaged,
  supervised: row.isSupervised,
  model: row.model,
  model_identifier: row.modelIdentifier,
  model_display: row.model,
  username: row.username,
});

/** Classic `mobiledevices`: list, `id`, `name`, `serialnumber` and `udid` lookups. */
export const classicMobileDevices: ClassicResource<MobileDevice> = {
  plural: 'mobiledevices',
  privilegeObjects: ['Mobile Devices'],
  listRoot: 'mobile_devices',
  root: 'mobile_device',
  store: (state) => state.mobileDevices,
  summary: mobileSummary,
  detail: (row, state) => ({
    general: {
      ...mobileSummary(row),
      os_type: row.type === 'tvos' ? 'tvOS' : 'iOS',
      os_version: row.osVersion,
      os_build: row.osBuild,
      last_inventory_update_epoch: row.lastInventoryUpdate,
      last_inventory_update_utc: utc(row.lastInventoryUpdate),
      site,
    },
    location: classicLocation(row, state),
  }),
  lookups: {
    name: (row) => row.name,
    serialnumber: (row) => row.serialNumber,
    udid: (row) => row.udid,
  },
  fromXml(value, existing, state) {
    const general = xmlObject(value, 'general');
    const location = xmlObject(value, 'location');
    const refs = inventoryRefs(state, state.mobileDevices, general, location, existing);
    if (typeof refs === 'string') return refs;
    const { serialNumber, departmentId, buildingId } = refs;
    return {
      name: xmlText(general, 'name') ?? xmlText(general, 'device_name') ?? existing?.name ?? '',
      udid: xmlText(general, 'udid') ?? existing?.udid ?? '',
      serialNumber,
      type: existing?.type ?? 'ios',
      model: existing?.model ?? '',
      modelIdentifier: existing?.modelIdentifier ?? '',
      osVersion: existing?.osVersion ?? '',
      osBuild: existing?.osBuild ?? '',
      phoneNumber: xmlText(general, 'phone_number') ?? existing?.phoneNumber ?? '',
      wifiMacAddress: xmlText(general, 'wifi_mac_address') ?? existing?.wifiMacAddress ?? '',
      isManaged: existing?.isManaged ?? false,
      isSupervised: existing?.isSupervised ?? false,
      username: xmlText(location, 'username') ?? existing?.username ?? '',
      realName:
        xmlText(location, 'realname') ?? xmlText(location, 'real_name') ?? existing?.realName ?? '',
      email: xmlText(location, 'email_address') ?? existing?.email ?? '',
      departmentId,
      buildingId,
      lastInventoryUpdate: existing?.lastInventoryUpdate ?? Date.UTC(2026, 0, 1),
    };
  },
  isNameUnique: false,
};
