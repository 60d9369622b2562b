import { listQuery } from '../../query/index.js';
import { listQueryFields } from '../../spec/resources.js';
import { managementIdOf } from '../../state/inventory/management-id.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import { mobileGroupMembers } from '../../state/mobile-group-members.js';
import type { MockState } from '../../state/mock-state.js';
import {
  type ExtensionAttributeDefinition,
  proExtensionAttributeDefinitions,
} from '../extension-attribute-definitions.js';
import type { RouteContext } from '../route.js';
import { extensionAttributeSections } from './device-extension-attributes.js';
import { onlySections, requestedSections } from './inventory-sections.js';
import { specShaped, withQuery } from './pro-answers.js';

// `GET /v2/mobile-devices/detail`: every mobile device's inventory, by section, from the same
// devices `/v2/mobile-devices` and Classic `mobiledevices` show. It answered generated records
// before, unrelated to the devices the other views list. Sections, `filter`, `sort` (default
// `displayName:asc`) and the flat field names both take are the 11.30.1 spec's
// (`MobileDeviceSection`, the parameters' `x-jamf-fields`).

/** Jamf's `section` values and the property of the inventory record each one fills. */
const SECTIONS: Readonly<Record<string, string>> = {
  GENERAL: 'general',
  HARDWARE: 'hardware',
  USER_AND_LOCATION: 'userAndLocation',
  PURCHASING: 'purchasing',
  SECURITY: 'security',
  APPLICATIONS: 'applications',
  EBOOKS: 'ebooks',
  NETWORK: 'network',
  SERVICE_SUBSCRIPTIONS: 'serviceSubscriptions',
  CERTIFICATES: 'certificates',
  PROFILES: 'profiles',
  USER_PROFILES: 'userProfiles',
  PROVISIONING_PROFILES: 'provisioningProfiles',
  SHARED_USERS: 'sharedUsers',
  GROUPS: 'groups',
  EXTENSION_ATTRIBUTES: 'extensionAttributes',
};

/** What every record carries whatever the sections: its id and its kind (the discriminator). */
const IDENTITY = ['mobileDeviceId', 'deviceType'] as const;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The groups a device is in, as the `groups` section lists them. */
function groupsOf(row: Readonly<MobileDevice>, state: MockState): Record<string, unknown>[] {
  return [...state.mobileDeviceGroups.values()]
    .filter((group) => mobileGroupMembers(group, state).some((device) => device.id === row.id))
    .map((group) => ({
      groupId: String(group.id),
      groupName: group.name,
      groupDescription: group.description,
      smart: group.isSmart,
    }));
}

/**
 * One extension attribute in an inventory record (`MobileDeviceExtensionAttribute`): the
 * definition's id, name, data type and display section beside the device's values in `value`.
 * `extensionAttributeCollectionAllowed` is read as the definition's
 * `ldapExtensionAttributeAllowed` and `inventoryDisplay` as its `inventoryDisplayType` (both
 * unverified).
 */
function inventoryAttribute(
  definition: ExtensionAttributeDefinition,
  values: readonly string[],
): Record<string, unknown> {
  return {
    id: definition.id,
    name: definition.name,
    type: definition.dataType,
    value: [...values],
    extensionAttributeCollectionAllowed: definition.isMultiValue,
    inventoryDisplay: definition.inventoryDisplay,
  };
}

/**
 * A device's inventory record (`MobileDeviceIosInventory` or `…TvOsInventory`), every section;
 * each extension attribute in the section its definition displays in.
 */
function inventoryOf(
  row: Readonly<MobileDevice>,
  state: MockState,
  definitions: readonly ExtensionAttributeDefinition[],
): Record<string, unknown> {
  const attributes = extensionAttributeSections(
    definitions,
    row.extensionAttributeValues,
    inventoryAttribute,
  );
  const department = state.departments.get(row.departmentId)?.name ?? '';
  const building = state.buildings.get(row.buildingId)?.name ?? '';
  return {
    mobileDeviceId: String(row.id),
    deviceType: row.type === 'tvos' ? 'tvOS' : 'iOS',
    general: {
      displayName: row.name,
      udid: row.udid,
      managementId: managementIdOf('mobileDevice', row.id),
      ipAddress: row.ipAddress,
      osVersion: row.osVersion,
      osBuild: row.osBuild,
      managed: row.isManaged,
      supervised: row.isSupervised,
      lastInventoryUpdateDate: iso(row.lastInventoryUpdate),
      siteId: '-1',
      extensionAttributes: attributes.general,
    },
    hardware: {
      model: row.model,
      modelIdentifier: row.modelIdentifier,
      serialNumber: row.serialNumber,
      wifiMacAddress: row.wifiMacAddress,
      extensionAttributes: attributes.hardware,
    },
    userAndLocation: {
      username: row.username,
      realName: row.realName,
      emailAddress: row.email,
      department,
      departmentId: String(row.departmentId),
      building,
      buildingId: String(row.buildingId),
      extensionAttributes: attributes.userAndLocation,
    },
    purchasing: { extensionAttributes: attributes.purchasing },
    security: {},
    network: row.type === 'tvos' ? {} : { phoneNumber: row.phoneNumber },
    applications: [],
    ebooks: [],
    serviceSubscriptions: [],
    certificates: [],
    profiles: [],
    userProfiles: [],
    provisioningProfiles: [],
    sharedUsers: [],
    groups: groupsOf(row, state),
    extensionAttributes: attributes.extensionAttributes,
  };
}

/** The flat field names `filter` and `sort` take, with the record each row stands for. */
interface QueryRow {
  readonly record: Record<string, unknown>;
  readonly [field: string]: unknown;
}

function queryRowOf(record: Record<string, unknown>): QueryRow {
  const general = record.general as Record<string, unknown>;
  const hardware = record.hardware as Record<string, unknown>;
  const user = record.userAndLocation as Record<string, unknown>;
  return {
    record,
    mobileDeviceId: record.mobileDeviceId,
    displayName: general.displayName,
    udid: general.udid,
    ipAddress: general.ipAddress,
    managementId: general.managementId,
    osVersion: general.osVersion,
    osBuild: general.osBuild,
    managed: general.managed,
    supervised: general.supervised,
    lastInventoryUpdateDate: general.lastInventoryUpdateDate,
    model: hardware.model,
    modelIdentifier: hardware.modelIdentifier,
    serialNumber: hardware.serialNumber,
    wifiMacAddress: hardware.wifiMacAddress,
    username: user.username,
    fullName: user.realName,
    emailAddress: user.emailAddress,
    department: user.department,
    building: user.building,
  };
}

/** `GET /v2/mobile-devices/detail`: the devices' inventory records, paged, by section. */
export function mobileDeviceInventoryList(ctx: RouteContext): Response {
  const sections = requestedSections(ctx.url, SECTIONS);
  if (sections instanceof Response) return sections;
  return withQuery(() => {
    const definitions = proExtensionAttributeDefinitions(ctx, 'mobileDevice');
    const rows = [...ctx.state.mobileDevices.values()].map((row) =>
      queryRowOf(inventoryOf(row, ctx.state, definitions)),
    );
    const fields = listQueryFields(ctx.operation);
    const { totalCount, results } = listQuery(rows, ctx.url, {
      defaultSort: ['displayName:asc'],
      filterFields: fields,
      sortFields: fields,
    });
    return specShaped(
      ctx,
      { totalCount, results: results.map((row) => onlySections(row.record, IDENTITY, sections)) },
      200,
      true,
    );
  });
}
