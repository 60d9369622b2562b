import type { WebhookComputer, WebhookEventData, WebhookMobileDevice } from '@jamf/webhooks';
import type { Computer } from '../state/inventory/computers.js';
import type { MobileDevice } from '../state/inventory/mobile-devices.js';
import type { MockState } from '../state/mock-state.js';

// The mock's records in the shape Jamf's webhook events carry them. Fields the mock does not
// model (alternate MAC, IMEI, …) are empty strings, as Jamf sends for unknown values.

/** A mock computer as computer events describe it. */
export function webhookComputer(computer: Readonly<Computer>, state: MockState): WebhookComputer {
  return {
    alternateMacAddress: '',
    building: state.buildings.get(computer.buildingId)?.name ?? '',
    department: state.departments.get(computer.departmentId)?.name ?? '',
    deviceName: computer.name,
    emailAddress: computer.email,
    ipAddress: computer.ipAddress,
    jssID: computer.id,
    macAddress: computer.macAddress,
    model: computer.model,
    osBuild: computer.osBuild,
    osVersion: computer.osVersion,
    phone: computer.phone,
    position: computer.position,
    realName: computer.realName,
    reportedIpAddress: computer.ipAddress,
    room: computer.room,
    serialNumber: computer.serialNumber,
    udid: computer.udid,
    userDirectoryID: '-1',
    username: computer.username,
  };
}

/** A mock mobile device as mobile device events describe it. */
export function webhookMobileDevice(device: Readonly<MobileDevice>): WebhookMobileDevice {
  return {
    bluetoothMacAddress: '',
    deviceName: device.name,
    icciID: '',
    imei: '',
    ipAddress: device.ipAddress,
    jssID: device.id,
    model: device.model,
    modelDisplay: device.model,
    osBuild: device.osBuild,
    osVersion: device.osVersion,
    product: device.modelIdentifier,
    room: '',
    serialNumber: device.serialNumber,
    udid: device.udid,
    userDirectoryID: '-1',
    username: device.username,
    version: device.osVersion,
    wifiMacAddress: device.wifiMacAddress,
  };
}

/** `JSSStartup` / `JSSShutdown` data for a mock answering at `baseUrl`. */
export function serverLifecycle(baseUrl: string): WebhookEventData<'JSSStartup'> {
  const url = new URL(baseUrl);
  return {
    hostAddress: url.hostname,
    institution: 'Jamf Pro mock',
    isClusterMaster: true,
    jssUrl: `${url.origin}/`,
    webApplicationPath: '/',
  };
}
