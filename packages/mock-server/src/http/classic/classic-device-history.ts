import { classicXmlShapes, type XmlShape } from '../../generated/classic-resources.js';
import type { Computer } from '../../state/inventory/computers.js';
import type { ManagedDeviceKind } from '../../state/inventory/management-id.js';
import type { MobileDevice } from '../../state/inventory/mobile-devices.js';
import type { MdmCommand } from '../../state/mdm-commands.js';
import type { MockState } from '../../state/mock-state.js';
import { classicDateElements } from './classic-record-dates.js';
import { withBlanks } from './classic-shape.js';
import { correctedShape } from './classic-shape-corrections.js';

// Element names of both history views: the 11.30.1 Classic spec's `computer_history` and
// `mobile_device_history` schemas. Where the spec types an `_epoch` element as text, the mock
// writes a number, as its other Classic records do: a Swift client of `computerhistory`
// (`CompHistoryLogs.swift`, 2019) reads `completed_epoch`, `issued_epoch`, `failed_epoch` and
// `last_push_epoch` as numbers, and each of `completed`, `pending`, `failed` as a JSON array.
// The mock keeps no usage, audit, policy, Casper Remote, screen sharing, imaging, location or
// app history: those lists are empty.

/**
 * The Classic `computer_history` object's elements, sections in the order of the subset names
 * jps-api-wrapper's `get_computer_history` lists (`classic.py`; the spec's order is alphabetical,
 * Jamf's on the wire unverified).
 */
export const classicComputerHistoryShape: XmlShape = correctedShape(
  classicXmlShapes.computer_history as XmlShape,
  [],
  {
    '': [
      'general',
      'computer_usage_logs',
      'audits',
      'policy_logs',
      'casper_remote_logs',
      'screen_sharing_logs',
      'casper_imaging_logs',
      'commands',
      'user_location',
      'mac_app_store_applications',
    ],
    commands: ['completed', 'pending', 'failed'],
  },
);

/**
 * The Classic `mobile_device_history` object's elements, sections in the order of
 * jps-api-wrapper's `get_mobile_device_history` subset names (as above).
 */
export const classicMobileDeviceHistoryShape: XmlShape = correctedShape(
  classicXmlShapes.mobile_device_history as XmlShape,
  [],
  {
    '': ['general', 'management_commands', 'user_location', 'audits', 'applications', 'ebooks'],
    management_commands: ['completed', 'pending', 'failed'],
  },
);

/**
 * How a command still open reads in `status`: `Pending` until the device answers, `Not Now`
 * when it answered that it was busy (both unverified wordings of Jamf's history page).
 */
const OPEN_STATUS: Readonly<Record<string, string>> = { PENDING: 'Pending', NOT_NOW: 'Not Now' };

/** The device's commands, oldest first, split as the history views split them. */
function commandsByOutcome(state: MockState, kind: ManagedDeviceKind, id: number) {
  const commands = state.mdmCommands
    .list()
    .filter((command) => command.target.kind === kind && command.target.id === id);
  return {
    completed: commands.filter((command) => command.state === 'ACKNOWLEDGED'),
    pending: commands.filter((command) => command.state in OPEN_STATUS),
    failed: commands.filter((command) => command.state === 'ERROR'),
  };
}

/**
 * A computer's `commands`: acknowledged commands in `completed` (with who sent them), pending
 * and "not now" ones in `pending` (the last push is the send: the mock pushes once), errors in
 * `failed`. The failed item's `status` text is unverified.
 */
function computerCommands(state: MockState, id: number) {
  const { completed, pending, failed } = commandsByOutcome(state, 'computer', id);
  return {
    completed: completed.map((command: MdmCommand) => ({
      name: command.classicName,
      ...classicDateElements('completed', command.dateCompleted),
      username: command.sentBy,
    })),
    pending: pending.map((command) => ({
      name: command.classicName,
      status: OPEN_STATUS[command.state],
      ...classicDateElements('issued', command.dateSent),
      ...classicDateElements('last_push', command.dateSent),
      username: command.sentBy,
    })),
    failed: failed.map((command) => ({
      name: command.classicName,
      status: 'Error',
      ...classicDateElements('issued', command.dateSent),
      ...classicDateElements('failed', command.dateCompleted),
    })),
  };
}

/**
 * A mobile device's `management_commands`, split as a computer's are; the spec's items have
 * `date_time_…` elements without `_utc` and no sender. The failed item's `error` text is
 * unverified.
 */
function mobileDeviceCommands(state: MockState, id: number) {
  const { completed, pending, failed } = commandsByOutcome(state, 'mobileDevice', id);
  const dates = (name: string, ms: number | undefined) => {
    const { [`${name}_utc`]: _utc, ...rest } = classicDateElements(name, ms);
    return rest;
  };
  return {
    completed: completed.map((command) => ({
      name: command.classicName,
      ...dates('date_time_completed', command.dateCompleted),
    })),
    pending: pending.map((command) => ({
      name: command.classicName,
      ...dates('date_time_issued', command.dateSent),
    })),
    failed: failed.map((command) => ({
      name: command.classicName,
      error: 'Error',
      ...dates('date_time_issued', command.dateSent),
      ...dates('date_time_failed', command.dateCompleted),
    })),
  };
}

/**
 * A computer's Classic history (`GET /JSSResource/computerhistory/id/{id}`): who it is, and the
 * MDM commands the mock's command store holds for it, sent through either API; every other
 * element of {@link classicComputerHistoryShape} blank.
 */
export function classicComputerHistory(
  row: Readonly<Computer>,
  state: MockState,
): Record<string, unknown> {
  const record = {
    general: {
      id: row.id,
      name: row.name,
      udid: row.udid,
      serial_number: row.serialNumber,
      mac_address: row.macAddress,
    },
    commands: computerCommands(state, row.id),
  };
  return withBlanks(record, classicComputerHistoryShape) as Record<string, unknown>;
}

/**
 * A mobile device's Classic history (`GET /JSSResource/mobiledevicehistory/id/{id}`): who it is
 * (`mac_address` is its Wi-Fi address) and its MDM commands, as {@link classicComputerHistory};
 * every other element of {@link classicMobileDeviceHistoryShape} blank.
 */
export function classicMobileDeviceHistory(
  row: Readonly<MobileDevice>,
  state: MockState,
): Record<string, unknown> {
  const record = {
    general: {
      id: row.id,
      name: row.name,
      udid: row.udid,
      serial_number: row.serialNumber,
      mac_address: row.wifiMacAddress,
    },
    management_commands: mobileDeviceCommands(state, row.id),
  };
  return withBlanks(record, classicMobileDeviceHistoryShape) as Record<string, unknown>;
}
