import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import { withExtensionAttributeValues } from '../../state/inventory/extension-attribute-values.js';
import { managementIdOf } from '../../state/inventory/management-id.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import {
  type ExtensionAttributeDefinition,
  proExtensionAttributeDefinitions,
} from '../extension-attribute-definitions.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { proValueUpdates, proValueWrites } from './device-extension-attributes.js';
import { mobileDeviceInventoryList } from './mobile-device-inventory.js';
import { idParam, notFound, specShaped, withQuery } from './pro-answers.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The fields that name a mobile device, first in both its Pro list and detail views. */
function identityOf(row: Readonly<MobileDevice>) {
  return {
    id: String(row.id),
    name: row.name,
    serialNumber: row.serialNumber,
    udid: row.udid,
    type: row.type,
    managementId: managementIdOf('mobileDevice', row.id),
  };
}

/** The Pro list view of a mobile device (`MobileDeviceV2`). */
export function proMobileDevice(row: Readonly<MobileDevice>): Record<string, unknown> {
  return {
    ...identityOf(row),
    model: row.model,
    modelIdentifier: row.modelIdentifier,
    phoneNumber: row.phoneNumber,
    wifiMacAddress: row.wifiMacAddress,
    username: row.username,
  };
}

/**
 * One extension attribute in the detail view (`ExtensionAttributeV2`): the definition's id, name
 * and data type, the device's values in `value`. `extensionAttributeCollectionAllowed` is read
 * as the definition's `ldapExtensionAttributeAllowed` (unverified).
 */
function detailAttribute(
  definition: ExtensionAttributeDefinition,
  values: readonly string[],
): Record<string, unknown> {
  return {
    id: definition.id,
    name: definition.name,
    type: definition.dataType,
    value: [...values],
    extensionAttributeCollectionAllowed: definition.isMultiValue,
  };
}

/**
 * The Pro detail view (`MobileDeviceDetailsGetV2`), every mobile device extension attribute in
 * its one `extensionAttributes` list.
 */
function proMobileDeviceDetail(
  row: Readonly<MobileDevice>,
  definitions: readonly ExtensionAttributeDefinition[],
): Record<string, unknown> {
  const hardware = {
    model: row.model,
    modelIdentifier: row.modelIdentifier,
    supervised: row.isSupervised,
  };
  return {
    ...identityOf(row),
    managed: row.isManaged,
    ipAddress: row.ipAddress,
    osVersion: row.osVersion,
    osBuild: row.osBuild,
    lastInventoryUpdateTimestamp: iso(row.lastInventoryUpdate),
    location: {
      username: row.username,
      realName: row.realName,
      emailAddress: row.email,
      departmentId: String(row.departmentId),
      buildingId: String(row.buildingId),
    },
    [row.type]: hardware,
    extensionAttributes: definitions.map((definition) =>
      detailAttribute(definition, row.extensionAttributeValues[definition.id] ?? []),
    ),
    groups: [],
  };
}

function find(ctx: RouteContext): MobileDevice | undefined {
  const id = idParam(ctx);
  return id === undefined ? undefined : ctx.state.mobileDevices.get(id);
}

/** A GET handler answering the path's mobile device through `view`, or Jamf's 404. */
function answerOne(
  view: (row: Readonly<MobileDevice>, ctx: RouteContext) => Record<string, unknown>,
) {
  return (ctx: RouteContext): Response => {
    const row = find(ctx);
    return row === undefined
      ? notFound('Mobile device', ctx.params.id)
      : specShaped(ctx, view(row, ctx), 200, true);
  };
}

const detailOf = (row: Readonly<MobileDevice>, ctx: RouteContext) =>
  proMobileDeviceDetail(row, proExtensionAttributeDefinitions(ctx, 'mobileDevice'));

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

async function update(ctx: RouteContext): Promise<Response> {
  const row = find(ctx);
  if (row === undefined) return notFound('Mobile device', ctx.params.id);
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const fields: Partial<MobileDevice> = {};
  const name = text(read.body.name);
  if (name !== undefined) {
    if (name.trim() === '')
      return jamfError(400, 'INVALID_FIELD', 'name must not be empty', 'name');
    fields.name = name;
  }
  const location = read.body.location;
  if (typeof location === 'object' && location !== null) {
    const l = location as Record<string, unknown>;
    if (text(l.username) !== undefined) fields.username = text(l.username) as string;
    if (text(l.realName) !== undefined) fields.realName = text(l.realName) as string;
    if (text(l.emailAddress) !== undefined) fields.email = text(l.emailAddress) as string;
  }
  // `updatedExtensionAttributes` items (`ExtensionAttributeV2`) name their definition by `id`,
  // else by `name`; their `value` list replaces the device's values. An item naming no
  // definition is skipped, not refused as a computer's `definitionId` is: `id` is read-only in
  // the schema, so clients name attributes by `name`, and the operation declares no 400 (200,
  // 403 and 404 in the 11.30.1 spec). What Jamf does with one is unverified.
  const writes = proValueWrites(read.body, 'updatedExtensionAttributes', 'id', 'value');
  if (writes.length > 0) {
    const updates = proValueUpdates(
      proExtensionAttributeDefinitions(ctx, 'mobileDevice'),
      writes,
      true,
    );
    if (updates instanceof Response) return updates;
    fields.extensionAttributeValues = withExtensionAttributeValues(
      row.extensionAttributeValues,
      updates,
    );
  }
  const updated = ctx.state.mobileDevices.update(row.id, fields);
  return updated === undefined
    ? notFound('Mobile device', ctx.params.id)
    : specShaped(ctx, detailOf(updated, ctx), 200, true);
}

/** Pro mobile-device routes: `/v2/mobile-devices` list, inventory detail, single, detail and PATCH. */
export function mobileDeviceRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v2/mobile-devices',
      handle: (ctx) =>
        withQuery(() => {
          const views = [...ctx.state.mobileDevices.values()].map(proMobileDevice);
          return specShaped(
            ctx,
            listQuery(views, ctx.url, {
              defaultSort: ['id:asc'],
              filterFields: listQueryFields(ctx.operation),
              sortFields: listQueryFields(ctx.operation),
            }),
            200,
            true,
          );
        }),
    },
    { method: 'GET', path: '/v2/mobile-devices/detail', handle: mobileDeviceInventoryList },
    { method: 'GET', path: '/v2/mobile-devices/{id}', handle: answerOne(proMobileDevice) },
    {
      method: 'GET',
      path: '/v2/mobile-devices/{id}/detail',
      handle: answerOne(detailOf),
    },
    { method: 'PATCH', path: '/v2/mobile-devices/{id}', handle: update },
  ];
}
