import { type ManagedDeviceKind, managementIdOf } from './inventory/management-id.js';
import type { MdmCommandTarget } from './mdm-commands.js';
import type { MockState } from './mock-state.js';

/** A device an MDM command may address, with whether it is managed (enrolled) now. */
export interface MdmDevice extends MdmCommandTarget {
  name: string;
  udid: string;
  serialNumber: string;
  isManaged: boolean;
}

/** The computer or mobile device with `id`, as a command target; undefined when there is none. */
export function mdmDevice(
  state: MockState,
  kind: ManagedDeviceKind,
  id: number,
): MdmDevice | undefined {
  const row = kind === 'computer' ? state.computers.get(id) : state.mobileDevices.get(id);
  if (row === undefined) return undefined;
  return {
    kind,
    id,
    managementId: managementIdOf(kind, id),
    name: row.name,
    udid: row.udid,
    serialNumber: row.serialNumber,
    isManaged: row.isManaged,
  };
}

/**
 * The computer or mobile device whose `managementId` is `managementId` (compared
 * case-insensitively); undefined when none is.
 */
export function mdmDeviceByManagementId(
  state: MockState,
  managementId: string,
): MdmDevice | undefined {
  const wanted = managementId.toLowerCase();
  for (const row of state.computers.values()) {
    if (managementIdOf('computer', row.id) === wanted) return mdmDevice(state, 'computer', row.id);
  }
  for (const row of state.mobileDevices.values()) {
    if (managementIdOf('mobileDevice', row.id) === wanted)
      return mdmDevice(state, 'mobileDevice', row.id);
  }
  return undefined;
}
