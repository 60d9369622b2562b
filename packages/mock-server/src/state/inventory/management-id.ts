import { seededRandom } from './seeded-random.js';

/** The two kinds of device an MDM command can address. */
export type ManagedDeviceKind = 'computer' | 'mobileDevice';

/**
 * The `managementId` of the computer or mobile device with `id`: the UUID Jamf Pro gives each
 * enrolled device and `POST /v2/mdm/commands` addresses (`clientData[].managementId`). Derived
 * from the kind and id, never stored: every view of the same device shows the same value, a
 * device created through either API has one at once, and the same id gives the same value under
 * every seed. Lowercase, as the API answers UUIDs.
 * @example managementIdOf('computer', 1) // '…-4…-a…-…', the same on every call
 */
export function managementIdOf(kind: ManagedDeviceKind, id: number): string {
  // Odd seeds for computers, even for mobile devices: distinct ids give distinct streams.
  const random = seededRandom((id * 2 + (kind === 'computer' ? 1 : 0)) ^ 0x6d2b79f5);
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
