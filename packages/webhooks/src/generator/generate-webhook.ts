import { JamfWebhookError } from '../errors.js';
import { isWebhookEventName, type WebhookEventName } from '../events/event-names.js';
import type {
  WebhookComputer,
  WebhookEventData,
  WebhookMobileDevice,
  WebhookPayload,
} from '../events/types.js';
import { SeededRandom } from './seeded-random.js';

/** Options of {@link generateWebhook}. */
export interface GenerateWebhookOptions {
  /** The same seed gives the same payload (default 1). */
  seed?: number;
  /** `webhook.id` (default: drawn from the seed). */
  webhookId?: number;
  /** `webhook.name` (default: the event name and " hook"). */
  webhookName?: string;
  /** `webhook.eventTimestamp` in ms (default: a fixed day in 2026 plus a seeded offset). */
  eventTimestamp?: number;
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Radia', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee'];
const BUILDINGS = ['Main Campus', 'Block D', 'North Tower', 'Lab Annex'];
const DEPARTMENTS = ['Engineering', 'Information Technology', 'Finance', 'Design', 'Sales'];
const MACS = [
  ['MacBook Pro (14-inch, M3, 2023)', '15.3.1', '24D70'],
  ['MacBook Air (13-inch, M2, 2022)', '14.7.4', '23H420'],
  ['iMac (24-inch, M4, 2024)', '15.4', '24E248'],
  ['Mac mini (M2, 2023)', '15.2', '24C101'],
] as const;
const IDEVICES = [
  ['iPhone 15', 'iPhone15,4', '18.3.1', '22D72'],
  ['iPad Air (5th generation)', 'iPad13,16', '17.7.2', '21H221'],
  ['iPhone 14 Pro', 'iPhone15,2', '18.2', '22C152'],
] as const;
const TRIGGERS = ['CHECKIN', 'ENROLLMENT', 'LOGIN', 'STARTUP', 'CUSTOM'];
const OBJECT_TYPES = ['Computer', 'Policy', 'Script', 'Mobile Device', 'Computer Group'];
const OPERATIONS = ['GET', 'POST', 'PUT', 'DELETE'];
const PATCH_TITLES = ['Google Chrome', 'Mozilla Firefox', 'Zoom', 'Slack', 'Microsoft Word'];
const COMMANDS = ['DeviceInformation', 'InstallApplication', 'DeviceLock', 'RestartDevice'];
const HEX = '0123456789ABCDEF';
const SERIAL = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const BASE_TIMESTAMP = Date.UTC(2026, 0, 15, 9, 0, 0);

/**
 * A realistic, deterministic payload of `event`: the same `seed` always gives the same payload,
 * which passes {@link parseWebhook}. For tests, demos and load (with {@link fireWebhooks}).
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for an unknown event name, options that are not an
 * object, a seed that is not a whole number, a `webhookId` that is not a positive whole number,
 * an `eventTimestamp` that is not whole epoch milliseconds or a `webhookName` that is not text.
 * @example
 * const payload = generateWebhook('ComputerAdded', { seed: 42 });
 */
export function generateWebhook<E extends WebhookEventName>(
  event: E,
  options: GenerateWebhookOptions = {},
): WebhookPayload<E> {
  if (!isWebhookEventName(event)) {
    throw new JamfWebhookError('INVALID_OPTIONS', `"${String(event)}" is not a webhook event.`);
  }
  checkGenerateOptions(options);
  const random = new SeededRandom((options.seed ?? 1) * 2654435761 + event.length);
  const data = eventData(event, random) as WebhookEventData<E>;
  return {
    webhook: {
      id: options.webhookId ?? random.int(1, 40),
      name: options.webhookName ?? `${event} hook`,
      webhookEvent: event,
      eventTimestamp: options.eventTimestamp ?? BASE_TIMESTAMP + random.int(0, 86_400_000),
    },
    event: data,
  };
}

/**
 * Refuses options that would make a payload {@link parseWebhook} rejects (a text `webhookId`, an
 * `Infinity` timestamp written as `null`) or that only look seeded (`NaN` is seed 0).
 */
function checkGenerateOptions(options: GenerateWebhookOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'generateWebhook options must be an object.');
  }
  const isWhole = (value: unknown, minimum: number) =>
    value === undefined ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum);
  if (!isWhole(options.seed, Number.MIN_SAFE_INTEGER)) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'seed must be a whole number.');
  }
  if (!isWhole(options.webhookId, 1)) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'webhookId must be a positive whole number.');
  }
  if (!isWhole(options.eventTimestamp, 0)) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'eventTimestamp must be whole milliseconds since the epoch.',
    );
  }
  if (options.webhookName !== undefined && typeof options.webhookName !== 'string') {
    throw new JamfWebhookError('INVALID_OPTIONS', 'webhookName must be a string.');
  }
}

function eventData(event: WebhookEventName, random: SeededRandom): unknown {
  switch (event) {
    case 'ComputerAdded':
    case 'ComputerInventoryCompleted':
    case 'ComputerPushCapabilityChanged':
      return computer(random);
    case 'ComputerCheckIn': {
      const mac = computer(random);
      return { computer: mac, trigger: random.pick(TRIGGERS), username: mac.username };
    }
    case 'ComputerPolicyFinished':
      return {
        computer: computer(random),
        policyId: random.int(1, 300),
        successful: random.chance(0.9),
      };
    case 'JSSStartup':
    case 'JSSShutdown':
      return {
        hostAddress: `10.0.${random.int(0, 255)}.${random.int(1, 254)}`,
        institution: 'Example Corp',
        isClusterMaster: random.chance(0.5),
        jssUrl: 'https://example.jamfcloud.com/',
        webApplicationPath: '/usr/local/jss/tomcat/webapps/ROOT',
      };
    case 'MobileDeviceCommandCompleted':
    case 'MobileDevicePushSent':
      return {
        ...mobileDevice(random),
        mdmCommand: random.pick(COMMANDS),
        mdmCommandUUID: uuid(random),
      };
    case 'MobileDeviceCheckIn':
    case 'MobileDeviceEnrolled':
    case 'MobileDeviceUnEnrolled':
      return mobileDevice(random);
    case 'PatchSoftwareTitleUpdated': {
      const jssID = random.int(1, 120);
      return {
        jssID,
        lastUpdate: BASE_TIMESTAMP - random.int(0, 30) * 86_400_000,
        latestVersion: `${random.int(1, 130)}.${random.int(0, 9)}.${random.int(0, 99)}`,
        name: random.pick(PATCH_TITLES),
        reportUrls: [`https://example.jamfcloud.com/patch.html?id=${jssID}&o=r&v=report`],
      };
    }
    case 'PushSent':
      return {
        managementId: uuid(random),
        type: random.pick(['Computer', 'MobileDevice', 'User']),
      };
    case 'RestAPIOperation': {
      const type = random.pick(OBJECT_TYPES);
      return {
        authorizedUsername: person(random).username,
        objectID: random.int(1, 5000),
        objectName: `${type} ${random.int(1, 999)}`,
        objectTypeName: type,
        operationSuccessful: random.chance(0.95),
        restAPIOperationType: random.pick(OPERATIONS),
      };
    }
    case 'SCEPChallenge':
      return {
        scepServerUrl: 'https://scep.example.com/scep/pkiclient.exe',
        payloadIdentifier: uuid(random),
        payloadTypes: ['com.apple.security.scep'],
      };
    case 'SmartGroupComputerMembershipChange':
      return groupChange(random, true, () => computer(random));
    case 'SmartGroupMobileDeviceMembershipChange':
      return groupChange(random, false, () => mobileDevice(random));
  }
}

function groupChange(random: SeededRandom, isComputer: boolean, device: () => { jssID: number }) {
  const added = Array.from({ length: random.int(0, 3) }, device);
  const removed = Array.from({ length: random.int(0, 2) }, device);
  return {
    computer: isComputer,
    groupAddedDevices: added,
    groupAddedDevicesIds: added.map((d) => d.jssID),
    groupRemovedDevices: removed,
    groupRemovedDevicesIds: removed.map((d) => d.jssID),
    jssid: random.int(1, 60),
    name: random.pick(['Needs macOS update', 'FileVault off', 'Lab machines', 'Stale check-in']),
    smartGroup: true,
  };
}

function person(random: SeededRandom) {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const username = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return { realName: `${first} ${last}`, username, emailAddress: `${username}@example.com` };
}

function computer(random: SeededRandom): WebhookComputer {
  const who = person(random);
  const [model, osVersion, osBuild] = random.pick(MACS);
  return {
    alternateMacAddress: mac(random),
    building: random.pick(BUILDINGS),
    department: random.pick(DEPARTMENTS),
    deviceName: `${who.realName.split(' ')[0]}'s ${model.split(' (')[0]}`,
    emailAddress: who.emailAddress,
    ipAddress: `203.0.113.${random.int(1, 254)}`,
    jssID: random.int(1, 5000),
    macAddress: mac(random),
    model,
    osBuild,
    osVersion,
    phone: `555-${random.int(100, 999)}-${random.int(1000, 9999)}`,
    position: random.pick(['Engineer', 'Designer', 'Analyst', 'Desktop Services Specialist']),
    realName: who.realName,
    reportedIpAddress: `10.1.${random.int(0, 255)}.${random.int(1, 254)}`,
    room: String(random.int(100, 599)),
    serialNumber: `C02${random.chars(SERIAL, 9)}`,
    udid: uuid(random),
    userDirectoryID: '-1',
    username: who.username,
    managementId: uuid(random).toLowerCase(),
  };
}

function mobileDevice(random: SeededRandom): WebhookMobileDevice {
  const who = person(random);
  const [modelDisplay, product, osVersion, osBuild] = random.pick(IDEVICES);
  return {
    bluetoothMacAddress: mac(random),
    deviceName: `${who.realName.split(' ')[0]}'s ${modelDisplay.split(' (')[0]}`,
    icciID: random.chars('0123456789', 19),
    imei: random.chars('0123456789', 15),
    ipAddress: `203.0.113.${random.int(1, 254)}`,
    jssID: random.int(1, 5000),
    model: modelDisplay,
    modelDisplay,
    osBuild,
    osVersion,
    product,
    room: String(random.int(100, 599)),
    serialNumber: random.chars(SERIAL, 12),
    udid: random.chars(HEX, 40).toLowerCase(),
    userDirectoryID: '-1',
    username: who.username,
    version: osVersion,
    wifiMacAddress: mac(random),
    managementId: uuid(random).toLowerCase(),
  };
}

function mac(random: SeededRandom): string {
  return Array.from({ length: 6 }, () => random.chars(HEX, 2)).join(':');
}

function uuid(random: SeededRandom): string {
  const hex = random.chars(HEX, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
