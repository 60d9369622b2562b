import { proSpec } from '../generated/pro-spec.js';

// The Pro API names a command `DEVICE_LOCK` (`MdmCommandType`), the Classic API `DeviceLock` (the
// `{command}` of `/computercommands/command/{command}` and `/mobiledevicecommands/…`): the same
// words, in upper snake case and in Pascal case. The mock pairs them by that rule (unverified
// for commands whose names differ between the two APIs).

const schemas = (proSpec.components?.schemas ?? {}) as Record<string, { enum?: unknown[] }>;

/** The 11.30.1 spec's `MdmCommandType` values: the commands `POST /v2/mdm/commands` sends. */
export const PRO_MDM_COMMAND_TYPES: ReadonlySet<string> = new Set(
  (schemas.MdmCommandType?.enum ?? []).filter((value) => typeof value === 'string'),
);

/** The Classic name of a Pro command type: `SHUT_DOWN_DEVICE` → `ShutDownDevice`. */
export function classicCommandName(commandType: string): string {
  return commandType
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The Pro command type of a Classic command name (`DeviceLock` → `DEVICE_LOCK`), or undefined
 * when the Pro API has no such type (`BlankPush`, `UpdateInventory`, `DeviceName`, …).
 */
export function proCommandType(classicName: string): string | undefined {
  const type = classicName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return PRO_MDM_COMMAND_TYPES.has(type) ? type : undefined;
}
