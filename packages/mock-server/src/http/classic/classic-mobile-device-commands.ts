import type { Route } from '../route.js';
import { classicError } from './classic-error.js';
import { classicResponse } from './classic-format.js';

/**
 * `POST /JSSResource/mobiledevicecommands/command/{command}/id/{ids}` (ids comma-separated): the
 * mock accepts the MDM command for the devices that exist and, having no devices to wait for,
 * treats it as pushed and completed at once (the webhooks PushSent and
 * MobileDeviceCommandCompleted fire). Per-command privileges are not modelled: any
 * authenticated caller may send one.
 */
export function classicMobileDeviceCommandRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/JSSResource/mobiledevicecommands/command/{command}/id/{ids}',
      handle: (ctx) => {
        const ids = (ctx.params.ids ?? '').split(',');
        const devices = ids
          .map((id) => (/^\d{1,9}$/.test(id) ? ctx.state.mobileDevices.get(Number(id)) : undefined))
          .filter((device) => device !== undefined);
        if (devices.length === 0 || devices.length !== ids.length) {
          return classicError(404, 'The server has not found anything matching the request URI');
        }
        return classicResponse(
          ctx.request,
          'mobile_device_command',
          {
            command: ctx.params.command,
            mobile_devices: devices.map((device) => ({ id: device.id, udid: device.udid })),
          },
          201,
        );
      },
    },
  ];
}
