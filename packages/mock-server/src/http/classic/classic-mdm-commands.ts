import type { ManagedDeviceKind } from '../../state/inventory/management-id.js';
import type { MdmCommand } from '../../state/mdm-commands.js';
import { type MdmDevice, mdmDevice } from '../../state/mdm-targets.js';
import type { MockState } from '../../state/mock-state.js';
import { hasPrivileges } from '../../state/principal.js';
import { proCommandType } from '../mdm-command-names.js';
import type { RouteContext, RouteHandler } from '../route.js';
import { sendMdmCommand } from '../send-mdm-command.js';
import { classicCommandPrivilege } from './classic-command-privileges.js';
import { classicError } from './classic-error.js';
import { classicResponse, readClassicXml } from './classic-format.js';
import { classicDateElements } from './classic-record-dates.js';
import { xmlList, xmlObject, xmlText } from './classic-resource.js';

// The Classic views of the one MDM command store (`computercommands`, `mobiledevicecommands`):
// paths from the 11.30.1 Classic spec; element names from its `computer_command(_post)`,
// `computer_commands` and `mobile_device_command(_post)` schemas. A send to several ids stores
// one command per device, as the Pro API does; the answer's `general` names the first. A
// command to an id that names nothing is 404, to a device that is not managed 400, and nothing
// is stored (unverified).

/** What differs between the computer and the mobile device views. */
interface CommandKind {
  kind: ManagedDeviceKind;
  /** `/JSSResource/computercommands` */
  base: string;
  /** `computer_command` */
  root: string;
  /** `computer_commands` */
  listRoot: string;
  /** `computers` */
  devicesKey: string;
  /** `computer` */
  deviceKey: string;
}

/** The computer views' names. */
export const COMPUTER_COMMANDS: CommandKind = {
  kind: 'computer',
  base: '/JSSResource/computercommands',
  root: 'computer_command',
  listRoot: 'computer_commands',
  devicesKey: 'computers',
  deviceKey: 'computer',
};

/** The mobile device views' names. */
export const MOBILE_DEVICE_COMMANDS: CommandKind = {
  kind: 'mobileDevice',
  base: '/JSSResource/mobiledevicecommands',
  root: 'mobile_device_command',
  listRoot: 'mobile_device_commands',
  devicesKey: 'mobile_devices',
  deviceKey: 'mobile_device',
};

/** A device as a command's device list shows it. */
function deviceElement(state: MockState, kind: CommandKind, id: number): Record<string, unknown> {
  if (kind.kind === 'computer') {
    const row = state.computers.get(id);
    return { id, serial_number: row?.serialNumber ?? '', udid: row?.udid ?? '' };
  }
  const row = state.mobileDevices.get(id);
  return {
    id,
    phone_number: row?.phoneNumber ?? '',
    serial_number: row?.serialNumber ?? '',
    udid: row?.udid ?? '',
    wifi_mac_address: row?.wifiMacAddress ?? '',
  };
}

/** `general` of one command: its name, uuid, when it was sent and how the push went. */
function generalOf(state: MockState, command: MdmCommand): Record<string, unknown> {
  const device =
    command.target.kind === 'computer'
      ? state.computers.get(command.target.id)
      : state.mobileDevices.get(command.target.id);
  return {
    id: command.id,
    uuid: command.uuid,
    command: command.classicName,
    udid: device?.udid ?? '',
    ...classicDateElements('date_sent', command.dateSent),
    // The push is acknowledged with the command (unverified wording of the APNs result).
    apns_result_status: command.state === 'ERROR' ? 'Error' : 'Acknowledged',
  };
}

/** One command with the devices of `commands` (one send), as POST and GET by uuid answer it. */
function commandRecord(
  state: MockState,
  kind: CommandKind,
  commands: readonly MdmCommand[],
): Record<string, unknown> {
  const [first] = commands;
  return {
    general: first === undefined ? {} : generalOf(state, first),
    [kind.devicesKey]: commands.map((command) => deviceElement(state, kind, command.target.id)),
  };
}

/** One item of the list: the command and its device. */
function listItem(state: MockState, kind: CommandKind, command: MdmCommand) {
  return {
    id: command.id,
    uuid: command.uuid,
    command: command.classicName,
    udid: deviceElement(state, kind, command.target.id).udid,
    [kind.devicesKey]: [deviceElement(state, kind, command.target.id)],
  };
}

function commandsOf(state: MockState, kind: CommandKind): MdmCommand[] {
  return state.mdmCommands.list().filter((command) => command.target.kind === kind.kind);
}

/** What a POST names: the command, its device ids, and a new device name. */
interface ClassicSend {
  command: string;
  ids: string[];
  deviceName?: string;
}

/** Reads the command and device ids of an XML body (`general/command`, `<computers>` ids). */
async function readSendBody(
  ctx: RouteContext,
  kind: CommandKind,
): Promise<Partial<ClassicSend> | Response> {
  const read = await readClassicXml(ctx.request, kind.root, ctx.maxBodyBytes);
  if ('error' in read) return read.error;
  const general = xmlObject(read.value, 'general');
  const command = xmlText(general, 'command') ?? xmlText(read.value, 'command');
  const ids = xmlList(read.value, kind.devicesKey, kind.deviceKey)
    .map((device) => xmlText(device, 'id') ?? '')
    .filter((id) => id !== '');
  const deviceName = xmlText(general, 'device_name') ?? xmlText(read.value, 'device_name');
  return { command, ids, deviceName };
}

/**
 * Sends `send` to its devices after the checks: the caller holds the command's privilege (if it
 * has one, see `classicCommandPrivilege`), every id names a device (404 otherwise) and each is
 * managed (400). Answers 201 with the command.
 */
function sendClassic(ctx: RouteContext, kind: CommandKind, send: ClassicSend): Response {
  const { principal } = ctx;
  const privilege = classicCommandPrivilege(kind.kind, send.command);
  if (
    privilege !== undefined &&
    (principal === undefined || !hasPrivileges(principal, [privilege]))
  )
    return classicError(403, `The account lacks the privilege ${privilege}`);
  if (send.command.trim() === '') return classicError(400, 'No command given');
  if (send.ids.length === 0) return classicError(400, `No ${kind.devicesKey} given`);
  const devices: MdmDevice[] = [];
  for (const id of send.ids) {
    const device = /^\d{1,9}$/.test(id) ? mdmDevice(ctx.state, kind.kind, Number(id)) : undefined;
    if (device === undefined)
      return classicError(404, 'The server has not found anything matching the request URI');
    if (!device.isManaged) return classicError(400, `Device ${device.id} is not managed`);
    devices.push(device);
  }
  if (send.command === 'BlankPush') {
    // A blank push wakes the device and sends no command; the answer names no uuid.
    for (const device of devices) ctx.state.mdmCommands.blankPush(device);
    return classicResponse(
      ctx.request,
      kind.root,
      {
        general: { command: 'BlankPush' },
        [kind.devicesKey]: devices.map((device) => deviceElement(ctx.state, kind, device.id)),
      },
      201,
    );
  }
  const commands = sendMdmCommand(ctx, devices, {
    commandType: proCommandType(send.command),
    classicName: send.command,
    deviceName: send.command === 'DeviceName' ? send.deviceName : undefined,
  });
  return classicResponse(ctx.request, kind.root, commandRecord(ctx.state, kind, commands), 201);
}

const idsOf = (text: string | undefined): string[] =>
  (text ?? '').split(',').map((id) => id.trim());

/**
 * POST by command and id list (`…/command/{command}/id/{ids}`), or with the command fixed by the
 * path (`…/command/DeviceName/{device_name}/id/{ids}`, whose name parameter is `deviceNameParam`;
 * `…/command/ScheduleOSUpdate/{install_action}/id/{ids}`).
 */
export function sendByIds(
  kind: CommandKind,
  idParam: string,
  fixed?: { command: string; deviceNameParam?: string },
): RouteHandler {
  return (ctx) =>
    sendClassic(ctx, kind, {
      command: fixed?.command ?? ctx.params.command ?? '',
      ids: idsOf(ctx.params[idParam]),
      deviceName:
        fixed?.deviceNameParam === undefined ? undefined : ctx.params[fixed.deviceNameParam],
    });
}

/**
 * POST with an XML body naming the devices (`<computers><computer><id>`), the command from the
 * path's `{command}` or else the body's `general/command`.
 */
export function sendWithBody(kind: CommandKind): RouteHandler {
  return async (ctx) => {
    const body = await readSendBody(ctx, kind);
    if (body instanceof Response) return body;
    return sendClassic(ctx, kind, {
      command: ctx.params.command ?? body.command ?? '',
      ids: body.ids ?? [],
      deviceName: body.deviceName,
    });
  };
}

/** GET the command with the uuid in path parameter `param` (`/uuid/{uuid}`, `/status/{…}`). */
export function commandByUuid(kind: CommandKind, param: string): RouteHandler {
  return (ctx) => {
    const command = ctx.state.mdmCommands.byUuid(ctx.params[param] ?? '');
    if (command === undefined || command.target.kind !== kind.kind)
      return classicError(404, 'The server has not found anything matching the request URI');
    return classicResponse(ctx.request, kind.root, commandRecord(ctx.state, kind, [command]));
  };
}

/** GET the list, or only the commands whose name is path parameter `param` (any case). */
export function commandList(kind: CommandKind, param?: string): RouteHandler {
  return (ctx) => {
    const name = param === undefined ? undefined : (ctx.params[param] ?? '').toLowerCase();
    const commands = commandsOf(ctx.state, kind).filter(
      (command) => name === undefined || command.classicName.toLowerCase() === name,
    );
    return classicResponse(
      ctx.request,
      kind.listRoot,
      commands.map((command) => listItem(ctx.state, kind, command)),
    );
  };
}
