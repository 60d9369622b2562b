import type { ManagedDeviceKind } from '../../state/inventory/management-id.js';

// The privilege a Classic MDM command needs, by device kind and command. Jamf's privilege list
// (`../shared/reference/jamf-pro-11.25.2.api-role-privileges.txt`) has one "Send … Command"
// privilege per remote command; which Classic command each one guards is read from the names
// (unverified). A command with no privilege of its own here (`UpdateInventory`, a computer's
// `BlankPush`, `UnmanageDevice` on a mobile device, …) needs only an authenticated caller.

const COMPUTER: Readonly<Record<string, string>> = {
  DeviceLock: 'Send Computer Remote Lock Command',
  EraseDevice: 'Send Computer Remote Wipe Command',
  UnmanageDevice: 'Send Computer Unmanage Command',
  DeleteUser: 'Send Computer Delete User Account Command',
  UnlockUserAccount: 'Send Computer Unlock User Account Command',
  EnableRemoteDesktop: 'Send Computer Remote Desktop Command',
  DisableRemoteDesktop: 'Send Computer Remote Desktop Command',
  SettingsEnableBluetooth: 'Send Computer Bluetooth Command',
  SettingsDisableBluetooth: 'Send Computer Bluetooth Command',
  ScheduleOSUpdate: 'Send Computer Remote Command to Download and Install OS X Update',
  SetRecoveryLock: 'Send Set Recovery Lock Command',
  RestartDevice: 'Send Computer Restart Command',
  ShutDownDevice: 'Send Computer Shut Down Command',
};

const MOBILE_DEVICE: Readonly<Record<string, string>> = {
  BlankPush: 'Send Blank Pushes to Mobile Devices',
  DeviceLock: 'Send Mobile Device Remote Lock Command',
  EraseDevice: 'Send Mobile Device Remote Wipe Command',
  ClearPasscode: 'Send Mobile Device Remove Passcode Command',
  ClearRestrictionsPassword: 'Send Mobile Device Remove Restrictions Password Command',
  EnableLostMode: 'Send Mobile Device Lost Mode Command',
  DisableLostMode: 'Send Mobile Device Lost Mode Command',
  PlayLostModeSound: 'Send Mobile Device Lost Mode Command',
  DeviceName: 'Send Mobile Device Set Device Name Command',
  RestartDevice: 'Send Mobile Device Restart Device Command',
  ShutDownDevice: 'Send Mobile Device Shut Down Command',
  Wallpaper: 'Send Mobile Device Set Wallpaper Command',
  ScheduleOSUpdate: 'Send Mobile Device Remote Command to Download and Install iOS Update',
  SettingsEnableBluetooth: 'Send Mobile Device Bluetooth Command',
  SettingsDisableBluetooth: 'Send Mobile Device Bluetooth Command',
  SettingsEnablePersonalHotspot: 'Send Mobile Device Personal Hotspot Command',
  SettingsDisablePersonalHotspot: 'Send Mobile Device Personal Hotspot Command',
  SettingsEnableDataRoaming: 'Send Mobile Device Enable Data Roaming Command',
  SettingsDisableDataRoaming: 'Send Mobile Device Disable Data Roaming Command',
  SettingsEnableVoiceRoaming: 'Send Mobile Device Enable Voice Roaming Command',
  SettingsDisableVoiceRoaming: 'Send Mobile Device Disable Voice Roaming Command',
  PasscodeLockGracePeriod: 'Send Update Passcode Lock Grace Period Command',
  RefreshCellularPlans: 'Send Mobile Device Refresh Cellular Plans Command',
};

/** The privilege sending Classic command `command` to a device of `kind` needs, if any. */
export function classicCommandPrivilege(
  kind: ManagedDeviceKind,
  command: string,
): string | undefined {
  const table = kind === 'computer' ? COMPUTER : MOBILE_DEVICE;
  return Object.hasOwn(table, command) ? table[command] : undefined;
}
