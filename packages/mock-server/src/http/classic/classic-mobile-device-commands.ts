import type { Route } from '../route.js';
import {
  commandByUuid,
  commandList,
  MOBILE_DEVICE_COMMANDS as kind,
  sendByIds,
  sendWithBody,
} from './classic-mdm-commands.js';

/**
 * Classic `mobiledevicecommands` over the mock's one MDM command store (the Pro API's
 * `/v2/mdm/commands` lists what is sent here, and the reverse): POST by command and id list
 * (`DeviceName/{device_name}` renames the devices; `ScheduleOSUpdate/{install_action}[/{version}]`
 * is stored as `ScheduleOSUpdate`, its action and version not kept), or with an XML body naming
 * the devices (and
 * the command, on `/command`); GET the list, by uuid, by name and by command. Commands are
 * acknowledged at once; PushSent and MobileDeviceCommandCompleted fire for each device.
 */
export function classicMobileDeviceCommandRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: `${kind.base}/command/{command}/id/{id_list}`,
      handle: sendByIds(kind, 'id_list'),
    },
    {
      method: 'POST',
      path: `${kind.base}/command/DeviceName/{device_name}/id/{id_list}`,
      handle: sendByIds(kind, 'id_list', { command: 'DeviceName', deviceNameParam: 'device_name' }),
    },
    {
      method: 'POST',
      path: `${kind.base}/command/ScheduleOSUpdate/{install_action}/id/{id_list}`,
      handle: sendByIds(kind, 'id_list', { command: 'ScheduleOSUpdate' }),
    },
    {
      method: 'POST',
      path: `${kind.base}/command/ScheduleOSUpdate/{install_action}/{product_version}/id/{id_list}`,
      handle: sendByIds(kind, 'id_list', { command: 'ScheduleOSUpdate' }),
    },
    { method: 'POST', path: `${kind.base}/command/{command}`, handle: sendWithBody(kind) },
    { method: 'POST', path: `${kind.base}/command`, handle: sendWithBody(kind) },
    { method: 'GET', path: kind.base, handle: commandList(kind) },
    { method: 'GET', path: `${kind.base}/uuid/{uuid}`, handle: commandByUuid(kind, 'uuid') },
    { method: 'GET', path: `${kind.base}/name/{name}`, handle: commandList(kind, 'name') },
    { method: 'GET', path: `${kind.base}/command/{command}`, handle: commandList(kind, 'command') },
  ];
}
