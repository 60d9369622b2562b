import type { Computer } from '../../state/inventory/computers.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import type { MockState } from '../../state/mock-state.js';
import { classicExtensionAttributeDefinitions } from '../extension-attribute-definitions.js';
import type { Route } from '../route.js';
import { classicComputerRecord, classicComputerShape } from './classic-computer-record.js';
import { classicExtensionAttributeValues } from './classic-device-extension-attributes.js';
import { classicResponse } from './classic-format.js';
import {
  classicMobileDeviceRecord,
  classicMobileDeviceShape,
} from './classic-mobile-device-record.js';
import { classicUtc } from './classic-record-dates.js';
import { type ClassicResource, guarded, xmlObject, xmlText } from './classic-resource.js';

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
 * The management state a Classic computer write sets in `general.remote_management.managed`
 * (`true`/`false`), or undefined when it leaves it out. Clients unmanage and manage computers
 * this way: jamf-pro-sdk-python's `set_computer_unmanaged_by_id`/`set_computer_managed_by_id`
 * (`clients/classic_api.py`) and ruby-jss's `Computer#make_unmanaged` (`computer.rb`, which
 * writes `remote_management/managed` in `rest_xml`). The `management_username` sent beside it
 * is kept and answered; the password never is (unverified: what Jamf does with it beyond the
 * hash it shows).
 */
function managedOf(general: Record<string, unknown>): boolean | undefined {
  const managed = xmlText(xmlObject(general, 'remote_management'), 'managed')?.trim().toLowerCase();
  return managed === 'true' ? true : managed === 'false' ? false : undefined;
}

/** Classic `computers`: list, `id`, `name`, `serialnumber`, `udid` and `macaddress` lookups. */
export const classicComputers: ClassicResource<Computer> = {
  plural: 'computers',
  privilegeObjects: ['Computers'],
  listRoot: 'computers',
  root: 'computer',
  store: (state) => state.computers,
  summary: (row) => ({ id: row.id, name: row.name }),
  detail: classicComputerRecord,
  xmlShapes: { object: classicComputerShape },
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
    const extensionAttributeValues = classicExtensionAttributeValues(
      value,
      existing?.extensionAttributeValues,
      classicExtensionAttributeDefinitions(state, 'computer'),
    );
    if (typeof extensionAttributeValues === 'string') return extensionAttributeValues;
    const now = Date.UTC(2026, 0, 1);
    return {
      name: xmlText(general, 'name') ?? existing?.name ?? '',
      udid: xmlText(general, 'udid') ?? existing?.udid ?? '',
      serialNumber,
      assetTag: xmlText(general, 'asset_tag') ?? existing?.assetTag ?? '',
      isManaged: managedOf(general) ?? existing?.isManaged ?? false,
      managementUsername:
        xmlText(xmlObject(general, 'remote_management'), 'management_username') ??
        existing?.managementUsername ??
        '',
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
      extensionAttributeValues,
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
        report_date_utc: classicUtc(row.reportDate),
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

/**
 * Classic `mobiledevices`: list, `id`, `name`, `serialnumber`, `udid` and `macaddress` lookups;
 * `macaddress` matches the Wi-Fi MAC address in any case ("Finds mobile devices by wifi mac
 * address", the 11.30.1 Classic spec's `findMobileDevicesByMacAddress`).
 */
export const classicMobileDevices: ClassicResource<MobileDevice> = {
  plural: 'mobiledevices',
  privilegeObjects: ['Mobile Devices'],
  listRoot: 'mobile_devices',
  root: 'mobile_device',
  store: (state) => state.mobileDevices,
  summary: mobileSummary,
  detail: classicMobileDeviceRecord,
  xmlShapes: { object: classicMobileDeviceShape },
  // jps-api-wrapper's `get_mobile_device` (`classic.py`) offers `Security` among the subsets;
  // the section it names is `security_object`.
  subsetSections: { security: 'security_object' },
  lookups: {
    name: (row) => row.name,
    serialnumber: (row) => row.serialNumber,
    udid: (row) => row.udid,
    macaddress: (row) => row.wifiMacAddress,
  },
  fromXml(value, existing, state) {
    const general = xmlObject(value, 'general');
    const location = xmlObject(value, 'location');
    const refs = inventoryRefs(state, state.mobileDevices, general, location, existing);
    if (typeof refs === 'string') return refs;
    const { serialNumber, departmentId, buildingId } = refs;
    const extensionAttributeValues = classicExtensionAttributeValues(
      value,
      existing?.extensionAttributeValues,
      classicExtensionAttributeDefinitions(state, 'mobileDevice'),
    );
    if (typeof extensionAttributeValues === 'string') return extensionAttributeValues;
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
      ipAddress: xmlText(general, 'ip_address') ?? existing?.ipAddress ?? '',
      isManaged: existing?.isManaged ?? false,
      isSupervised: existing?.isSupervised ?? false,
      username: xmlText(location, 'username') ?? existing?.username ?? '',
      realName:
        xmlText(location, 'realname') ?? xmlText(location, 'real_name') ?? existing?.realName ?? '',
      email: xmlText(location, 'email_address') ?? existing?.email ?? '',
      departmentId,
      buildingId,
      lastInventoryUpdate: existing?.lastInventoryUpdate ?? Date.UTC(2026, 0, 1),
      extensionAttributeValues,
    };
  },
  isNameUnique: false,
};
