import type { MdmCommand } from '../state/mdm-commands.js';
import type { MdmDevice } from '../state/mdm-targets.js';
import type { RouteContext } from './route.js';

/** What one send asks of its devices: the command's names and what it changes. */
export interface MdmSend {
  commandType: string | undefined;
  classicName: string;
  /** The new name of a `DeviceName` command (Classic) or a `SETTINGS` command's `deviceName`. */
  deviceName?: string;
}

/**
 * Sends one command to each of `devices` (already checked: they exist and are managed) for the
 * caller of `ctx`, and applies what an acknowledged command changes in the inventory: a new
 * device name, and `UnmanageDevice` leaves the device unmanaged (unverified: Jamf keeps the
 * record and shows it unmanaged once the device has removed its MDM profile). Commands are
 * acknowledged at once, as the mock has no device to wait for.
 */
export function sendMdmCommand(
  ctx: RouteContext,
  devices: readonly MdmDevice[],
  send: MdmSend,
): MdmCommand[] {
  const now = ctx.clock.now();
  return devices.map((device) => {
    const command = ctx.state.mdmCommands.send(
      {
        commandType: send.commandType,
        classicName: send.classicName,
        target: { kind: device.kind, id: device.id, managementId: device.managementId },
        sentBy: ctx.principal?.name ?? '',
      },
      now,
    );
    const store = device.kind === 'computer' ? ctx.state.computers : ctx.state.mobileDevices;
    if (send.deviceName !== undefined && send.deviceName.trim() !== '') {
      store.update(device.id, { name: send.deviceName });
    }
    if (send.classicName === 'UnmanageDevice') store.update(device.id, { isManaged: false });
    return command;
  });
}
