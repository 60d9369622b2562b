import type { WebhookEventData, WebhookEventName } from '@jamf/webhooks';
import type { MobileDevice } from '../state/inventory/mobile-devices.js';
import { mobileGroupMembers } from '../state/mobile-group-members.js';
import type { MockState } from '../state/mock-state.js';
import { groupMembers } from '../state/smart-group-members.js';
import { webhookComputer, webhookMobileDevice } from './event-builders.js';

/** One event the firing rules found, for the registrations of `event` (and `smartGroupId`). */
export interface FiredEvent<E extends WebhookEventName = WebhookEventName> {
  event: E;
  data: WebhookEventData<E>;
  /** Set for smart group events: only registrations for this group get it. */
  smartGroupId?: number;
}

/** What the rules compare across one write; only the parts registered events need are taken. */
export interface StateSnapshot {
  /** Computer id → its record as JSON (to see updates). */
  computers?: Map<number, string>;
  /** Mobile device id → its record (records are replaced, never changed, so this is a copy). */
  mobileDevices?: Map<number, Readonly<MobileDevice>>;
  /** Smart computer group id → member computer ids. */
  groups?: Map<number, Set<number>>;
  /** Smart mobile device group id → member device ids. */
  mobileGroups?: Map<number, Set<number>>;
  /** How many MDM pushes had been sent (each command's, and blank pushes). */
  pushCount?: number;
}

/** Which parts of the state the registered events need compared. */
export interface SnapshotNeeds {
  computers: boolean;
  mobileDevices: boolean;
  smartGroupIds: readonly number[];
  /** Smart mobile device groups some registration watches. */
  mobileSmartGroupIds?: readonly number[];
  /** Whether PushSent or MobileDeviceCommandCompleted is registered. */
  commands?: boolean;
}

/** Takes the parts of `state` that `needs` names, before a write. */
export function takeSnapshot(state: MockState, needs: SnapshotNeeds): StateSnapshot {
  const snapshot: StateSnapshot = {};
  if (needs.computers) {
    snapshot.computers = new Map();
    for (const row of state.computers.values()) snapshot.computers.set(row.id, JSON.stringify(row));
  }
  if (needs.mobileDevices) {
    snapshot.mobileDevices = new Map();
    for (const row of state.mobileDevices.values()) snapshot.mobileDevices.set(row.id, row);
  }
  if (needs.commands === true) snapshot.pushCount = state.mdmCommands.pushCount;
  if (needs.smartGroupIds.length > 0) {
    snapshot.groups = new Map(
      needs.smartGroupIds.map((id) => [id, smartGroupMemberIds(state, id)]),
    );
  }
  if (needs.mobileSmartGroupIds !== undefined && needs.mobileSmartGroupIds.length > 0) {
    snapshot.mobileGroups = new Map(
      needs.mobileSmartGroupIds.map((id) => [id, mobileSmartGroupMemberIds(state, id)]),
    );
  }
  return snapshot;
}

function mobileSmartGroupMemberIds(state: MockState, groupId: number): Set<number> {
  const group = state.mobileDeviceGroups.get(groupId);
  if (group === undefined || !group.isSmart) return new Set();
  return new Set(mobileGroupMembers(group, state).map((device) => device.id));
}

function smartGroupMemberIds(state: MockState, groupId: number): Set<number> {
  const group = state.computerGroups.get(groupId);
  if (group === undefined || !group.isSmart) return new Set();
  return new Set(groupMembers(group, state).map((computer) => computer.id));
}

/**
 * The state-change events between `before` and `state` now:
 * - ComputerAdded: a computer id that was not there (Pro or Classic create);
 * - ComputerInventoryCompleted: a computer whose record changed (an inventory update);
 * - MobileDeviceEnrolled / MobileDeviceUnEnrolled: a device record appeared (the mock's
 *   stand-in for an enrollment) or became managed; a record was deleted or became unmanaged;
 * - SmartGroupComputerMembershipChange: a registered smart group gained or lost members;
 * - SmartGroupMobileDeviceMembershipChange: the same for a smart mobile device group;
 * - PushSent and MobileDeviceCommandCompleted: see {@link commandEvents}.
 */
export function stateChanges(before: StateSnapshot, state: MockState): FiredEvent[] {
  const fired: FiredEvent[] = [];
  if (before.computers) {
    for (const row of state.computers.values()) {
      const previous = before.computers.get(row.id);
      if (previous === undefined) {
        fired.push({ event: 'ComputerAdded', data: webhookComputer(row, state) });
      } else if (previous !== JSON.stringify(row)) {
        fired.push({ event: 'ComputerInventoryCompleted', data: webhookComputer(row, state) });
      }
    }
  }
  if (before.mobileDevices) {
    const seen = new Set<number>();
    for (const row of state.mobileDevices.values()) {
      seen.add(row.id);
      const wasManaged = before.mobileDevices.get(row.id)?.isManaged;
      if (wasManaged === undefined || (row.isManaged && !wasManaged)) {
        fired.push({ event: 'MobileDeviceEnrolled', data: webhookMobileDevice(row) });
      } else if (!row.isManaged && wasManaged) {
        fired.push({ event: 'MobileDeviceUnEnrolled', data: webhookMobileDevice(row) });
      }
    }
    for (const [id, row] of before.mobileDevices) {
      // The record is gone; the payload describes the device as it was before the write.
      if (!seen.has(id))
        fired.push({ event: 'MobileDeviceUnEnrolled', data: webhookMobileDevice(row) });
    }
  }
  if (before.pushCount !== undefined) fired.push(...commandEvents(before.pushCount, state));
  for (const [groupId, previous] of before.groups ?? []) {
    const change = membershipChange(groupId, previous, smartGroupMemberIds(state, groupId), {
      isComputer: true,
      name: state.computerGroups.get(groupId)?.name ?? '',
      device: (id) => {
        const computer = state.computers.get(id);
        return computer ? webhookComputer(computer, state) : { jssID: id };
      },
    });
    if (change) fired.push({ event: 'SmartGroupComputerMembershipChange', ...change });
  }
  for (const [groupId, previous] of before.mobileGroups ?? []) {
    const change = membershipChange(groupId, previous, mobileSmartGroupMemberIds(state, groupId), {
      isComputer: false,
      name: state.mobileDeviceGroups.get(groupId)?.name ?? '',
      device: (id) => {
        const row = state.mobileDevices.get(id);
        return row ? webhookMobileDevice(row) : { jssID: id };
      },
    });
    if (change) fired.push({ event: 'SmartGroupMobileDeviceMembershipChange', ...change });
  }
  return fired;
}

/** A smart group's membership change between two member sets; undefined when none changed. */
function membershipChange(
  groupId: number,
  previous: ReadonlySet<number>,
  now: ReadonlySet<number>,
  group: { isComputer: boolean; name: string; device: (id: number) => { jssID: number } },
): Pick<FiredEvent<'SmartGroupComputerMembershipChange'>, 'data' | 'smartGroupId'> | undefined {
  const added = [...now].filter((id) => !previous.has(id)).sort((a, b) => a - b);
  const removed = [...previous].filter((id) => !now.has(id)).sort((a, b) => a - b);
  if (added.length === 0 && removed.length === 0) return undefined;
  return {
    smartGroupId: groupId,
    data: {
      computer: group.isComputer,
      groupAddedDevices: added.map(group.device),
      groupAddedDevicesIds: added,
      groupRemovedDevices: removed.map(group.device),
      groupRemovedDevicesIds: removed,
      jssid: groupId,
      name: group.name,
      smartGroup: true,
    },
  };
}

/**
 * PushSent for each MDM push sent since there were `pushCount` (a command through either API,
 * or a blank push), and MobileDeviceCommandCompleted for each command to a mobile device that
 * completed as it was sent (the default: the mock has no devices to wait for). PushSent
 * names the device by its managementId and `type` `Computer` or `MobileDevice` (unverified: the
 * payload schema allows a number or a string). Jamf has no event for a computer's completed
 * command.
 */
export function commandEvents(pushCount: number, state: MockState): FiredEvent[] {
  return state.mdmCommands.pushesSince(pushCount).flatMap(({ target, commandUuid }) => {
    const pushed: FiredEvent = {
      event: 'PushSent',
      data: {
        managementId: target.managementId,
        type: target.kind === 'computer' ? 'Computer' : 'MobileDevice',
      },
    };
    if (target.kind === 'computer' || commandUuid === undefined) return [pushed];
    const device = state.mobileDevices.get(target.id);
    const command = state.mdmCommands.byUuid(commandUuid);
    if (device === undefined || command === undefined || command.state === 'PENDING')
      return [pushed];
    return [
      pushed,
      {
        event: 'MobileDeviceCommandCompleted',
        data: {
          ...webhookMobileDevice(device),
          mdmCommand: command.classicName,
          mdmCommandUUID: command.uuid,
        },
      },
    ];
  });
}

const AUTH_PATHS = /^\/(api\/(v\d+\/)?(auth|oauth)|uapi\/auth)(\/|$)/;

/**
 * RestAPIOperation for an authenticated write (POST, PUT, PATCH, DELETE) other than the token
 * endpoints. `objectTypeName` is the path's resource segment and `restAPIOperationType` the
 * method: how Jamf fills these two is unverified.
 */
export function apiOperationEvent(
  request: { method: string; path: string },
  status: number,
  body: string,
  username: string,
  state: MockState,
): FiredEvent<'RestAPIOperation'> | undefined {
  if (AUTH_PATHS.test(request.path)) return undefined;
  const segments = request.path.split('/').filter(Boolean);
  const isClassic = segments[0] === 'JSSResource';
  const type =
    (isClassic ? segments[1] : segments.find((s, i) => i > 1 || !/^(api|v\d+)$/.test(s))) ?? '';
  // The path's id, or for a create (Classic POST …/id/0, Pro POST …) the id the answer names.
  const pathId = Number(/\/(?:id\/)?(\d+)(\/|$)/.exec(request.path)?.[1] ?? 0);
  const bodyId = /"id"\s*:\s*"?(\d+)|<id>(\d+)<\/id>/.exec(body)?.slice(1).find(Boolean);
  const objectID = pathId !== 0 ? pathId : Number(bodyId ?? 0);
  return {
    event: 'RestAPIOperation',
    data: {
      authorizedUsername: username,
      objectID,
      objectName: objectName(type, objectID, state),
      objectTypeName: type,
      operationSuccessful: status >= 200 && status < 300,
      restAPIOperationType: request.method.toUpperCase(),
    },
  };
}

function objectName(type: string, id: number, state: MockState): string {
  if (/computergroups|computer-groups/.test(type)) return state.computerGroups.get(id)?.name ?? '';
  if (/computer/.test(type)) return state.computers.get(id)?.name ?? '';
  if (/mobile/.test(type)) return state.mobileDevices.get(id)?.name ?? '';
  return '';
}
