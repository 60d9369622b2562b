import { listQuery } from '../../query/index.js';
import { jamfError } from '../../spec/jamf-error.js';
import { listQueryFields } from '../../spec/resources.js';
import type { MdmCommand } from '../../state/mdm-commands.js';
import { type MdmDevice, mdmDevice, mdmDeviceByManagementId } from '../../state/mdm-targets.js';
import type { MockState } from '../../state/mock-state.js';
import { classicCommandName } from '../mdm-command-names.js';
import { jsonResponse } from '../responses/json-response.js';
import { readJsonObject } from '../responses/read-json-body.js';
import type { Route, RouteContext } from '../route.js';
import { sendMdmCommand } from '../send-mdm-command.js';
import { idParam, notFound, specShaped, withQuery } from './pro-answers.js';

// The Pro API's MDM commands, over the one command store the Classic `computercommands` and
// `mobiledevicecommands` share (11.30.1 spec: `MdmCommandRequest` in, `HrefResponse` list out;
// `MdmCommandResults` of `MdmCommand`). What Jamf answers for a device that is not managed, or
// a managementId that names nothing, is unverified: the mock refuses the whole request with 400
// and stores nothing.

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** `MdmClientType` of a command's device: a computer, a mobile device, or an Apple TV. */
function clientTypeOf(state: MockState, command: MdmCommand): string {
  if (command.target.kind === 'computer') return 'COMPUTER';
  return state.mobileDevices.get(command.target.id)?.type === 'tvos' ? 'TV' : 'MOBILE_DEVICE';
}

/** The Pro view of a command (`MdmCommand`). */
function proCommand(state: MockState, command: MdmCommand): Record<string, unknown> {
  return {
    uuid: command.uuid,
    client: {
      managementId: command.target.managementId,
      clientType: clientTypeOf(state, command),
    },
    commandState: command.state,
    commandType: command.commandType,
    dateSent: iso(command.dateSent),
    dateCompleted: iso(command.dateCompleted),
  };
}

/** The commands the Pro API lists: those it has a `commandType` for. */
function proCommands(state: MockState): MdmCommand[] {
  return state.mdmCommands.list().filter((command) => command.commandType !== undefined);
}

/**
 * The devices `managementIds` name, or Jamf's 400 naming the first that is unknown or not
 * managed (`field` says where it was, e.g. `clientData[1].managementId`).
 */
function devicesOf(
  state: MockState,
  managementIds: readonly unknown[],
  field: (index: number) => string,
): MdmDevice[] | Response {
  const devices: MdmDevice[] = [];
  for (const [index, value] of managementIds.entries()) {
    const device = typeof value === 'string' ? mdmDeviceByManagementId(state, value) : undefined;
    if (device === undefined) {
      return jamfError(
        400,
        'INVALID_FIELD',
        `No computer or mobile device has managementId ${String(value)}`,
        field(index),
      );
    }
    if (!device.isManaged) {
      return jamfError(
        400,
        'INVALID_FIELD',
        `The device with managementId ${device.managementId} is not managed`,
        field(index),
      );
    }
    devices.push(device);
  }
  return devices;
}

/**
 * `POST /v2/mdm/commands`: one command per `clientData` device, answered 201 with an `{id, href}`
 * per command. The href names the command in `/v1/mdm/commands?uuids=`, as Jamf's answer did in
 * jamf-pro-sdk-python's example (PR #9, for the preview of this endpoint). The request body is
 * validated against the spec first (each `commandType`'s required fields).
 */
async function send(ctx: RouteContext): Promise<Response> {
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const clients = Array.isArray(read.body.clientData) ? read.body.clientData : [];
  if (clients.length === 0) {
    return jamfError(
      400,
      'INVALID_FIELD',
      'clientData must name at least one device',
      'clientData',
    );
  }
  const data = read.body.commandData as Record<string, unknown> | undefined;
  const commandType = typeof data?.commandType === 'string' ? data.commandType : '';
  const devices = devicesOf(
    ctx.state,
    clients.map((client) => (client as Record<string, unknown> | null)?.managementId),
    (index) => `clientData[${index}].managementId`,
  );
  if (devices instanceof Response) return devices;
  const deviceName =
    commandType === 'SETTINGS' && typeof data?.deviceName === 'string'
      ? data.deviceName
      : undefined;
  const commands = sendMdmCommand(ctx, devices, {
    commandType,
    classicName: classicCommandName(commandType),
    deviceName,
  });
  return jsonResponse(
    commands.map((command) => ({
      id: command.uuid,
      href: `${ctx.url.origin}/api/v1/mdm/commands?uuids=${command.uuid}`,
    })),
    201,
  );
}

/** The fields `filter` and `sort` of `GET /v2/mdm/commands` take, with the command's view. */
function queryRowOf(state: MockState, command: MdmCommand): Record<string, unknown> {
  const view = proCommand(state, command);
  const client = view.client as Record<string, unknown>;
  return {
    view,
    uuid: command.uuid,
    clientManagementId: client.managementId,
    clientType: client.clientType,
    command: command.commandType,
    status: command.state,
    dateSent: view.dateSent,
    validAfter: view.dateSent,
    dateCompleted: view.dateCompleted ?? '',
    active: command.state === 'PENDING' || command.state === 'NOT_NOW',
  };
}

// The filter fields the mock has values for; the spec's others (`x-jamf-fields`: profile ids
// and identifiers, which belong to profile commands the mock does not send) are taken and match
// nothing. Sorting takes the same fields and `active` (jamf-pro-sdk-python's
// `get_mdm_commands_v2_allowed_sort_fields`).
const FILTER_FIELDS = [
  'uuid',
  'clientManagementId',
  'command',
  'status',
  'clientType',
  'dateSent',
  'validAfter',
  'dateCompleted',
];
const SORT_FIELDS = [...FILTER_FIELDS, 'active'];

/** `GET /v2/mdm/commands`: the commands, filtered, sorted (default `dateSent:asc`) and paged. */
function list(ctx: RouteContext): Response {
  return withQuery(() => {
    const rows = proCommands(ctx.state).map((command) => queryRowOf(ctx.state, command));
    const { totalCount, results } = listQuery(rows, ctx.url, {
      defaultSort: ['dateSent:asc'],
      filterFields: [...FILTER_FIELDS, ...(listQueryFields(ctx.operation) ?? [])],
      sortFields: SORT_FIELDS,
    });
    return specShaped(ctx, { totalCount, results: results.map((row) => row.view) }, 200, true);
  });
}

/**
 * `GET /v1/mdm/commands` (deprecated): the commands whose uuid is one of `uuids` (repeated or
 * comma-separated) and whose device is `client-management-id`, each when given; a plain list.
 */
function listV1(ctx: RouteContext): Response {
  const uuids = ctx.url.searchParams
    .getAll('uuids')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  const client = ctx.url.searchParams.get('client-management-id')?.toLowerCase();
  const commands = proCommands(ctx.state).filter(
    (command) =>
      (uuids.length === 0 || uuids.includes(command.uuid)) &&
      (client === undefined || client === '' || command.target.managementId === client),
  );
  return specShaped(
    ctx,
    commands.map((command) => proCommand(ctx.state, command)),
    200,
    true,
  );
}

/**
 * `POST /v2/mdm/blank-push`: a push to each device of `clientManagementIds`, no command stored
 * (a blank push only wakes the device). `errorUuids` names the ids no managed device has
 * (unverified: the field's meaning is read from its name).
 */
async function blankPush(ctx: RouteContext): Promise<Response> {
  const read = await readJsonObject(ctx.request);
  if ('error' in read) return read.error;
  const ids = Array.isArray(read.body.clientManagementIds) ? read.body.clientManagementIds : [];
  const errorUuids: string[] = [];
  for (const value of ids) {
    const device =
      typeof value === 'string' ? mdmDeviceByManagementId(ctx.state, value) : undefined;
    if (device === undefined || !device.isManaged) errorUuids.push(String(value));
    else ctx.state.mdmCommands.blankPush(device);
  }
  return specShaped(ctx, { errorUuids }, 200);
}

/**
 * A computer action that sends one command and answers `{ deviceId, commandUuid }`:
 * `redeploy` (the Jamf management framework, sent as `InstallEnterpriseApplication`, unverified)
 * and `remove-mdm-profile` (`UnmanageDevice`: the computer is unmanaged once it acknowledges,
 * unverified). An unknown computer is Jamf's 404. Both are accepted for a computer that is not
 * managed (unverified; neither operation declares a 400).
 */
function computerAction(classicName: string, status: number) {
  return (ctx: RouteContext): Response => {
    const id = idParam(ctx);
    const device = id === undefined ? undefined : mdmDevice(ctx.state, 'computer', id);
    if (device === undefined) return notFound('Computer', ctx.params.id);
    const [command] = sendMdmCommand(ctx, [device], { commandType: undefined, classicName });
    return specShaped(ctx, { deviceId: String(device.id), commandUuid: command?.uuid }, status);
  };
}

/**
 * The Pro MDM command routes: send and list commands (`/v2/mdm/commands`, `/v1/mdm/commands`),
 * blank pushes, the management framework's redeploy and the computer's remove-mdm-profile.
 */
export function mdmCommandRoutes(): Route[] {
  const removeProfile = computerAction('UnmanageDevice', 200);
  return [
    { method: 'POST', path: '/v2/mdm/commands', handle: send },
    { method: 'GET', path: '/v2/mdm/commands', handle: list },
    { method: 'GET', path: '/v1/mdm/commands', handle: listV1 },
    { method: 'POST', path: '/v2/mdm/blank-push', handle: blankPush },
    {
      method: 'POST',
      path: '/v1/jamf-management-framework/redeploy/{id}',
      handle: computerAction('InstallEnterpriseApplication', 202),
    },
    {
      method: 'POST',
      path: '/v1/computer-inventory/{id}/remove-mdm-profile',
      handle: removeProfile,
    },
    {
      method: 'POST',
      path: '/v4/computers-inventory/{id}/remove-mdm-profile',
      handle: removeProfile,
    },
  ];
}
