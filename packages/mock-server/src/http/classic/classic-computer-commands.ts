import type { Route } from '../route.js';
import {
  commandByUuid,
  commandList,
  COMPUTER_COMMANDS as kind,
  sendByIds,
  sendWithBody,
} from './classic-mdm-commands.js';

/**
 * Classic `computercommands` over the mock's one MDM command store (the Pro API's
 * `/v2/mdm/commands` lists what is sent here, and the reverse): POST by command and id list, or
 * with an XML body naming the computers; GET the list, by uuid, by name and the status of one.
 * Commands are acknowledged at once and fire PushSent (Jamf has no computer counterpart of
 * MobileDeviceCommandCompleted among its webhook events).
 */
export function classicComputerCommandRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: `${kind.base}/command/{command}/id/{id}`,
      handle: sendByIds(kind, 'id'),
    },
    { method: 'POST', path: `${kind.base}/command/{command}`, handle: sendWithBody(kind) },
    { method: 'GET', path: kind.base, handle: commandList(kind) },
    { method: 'GET', path: `${kind.base}/uuid/{uuid}`, handle: commandByUuid(kind, 'uuid') },
    { method: 'GET', path: `${kind.base}/name/{name}`, handle: commandList(kind, 'name') },
    {
      method: 'GET',
      path: `${kind.base}/status/{statusuuid}`,
      handle: commandByUuid(kind, 'statusuuid'),
    },
  ];
}
