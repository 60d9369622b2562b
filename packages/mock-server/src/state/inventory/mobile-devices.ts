import type { Entity } from './entity-store.js';
import type { ExtensionAttributeValues } from './extension-attribute-values.js';
import { type SeededRandom, serialNumber } from './seeded-random.js';

/** A managed mobile device (Pro `/v2/mobile-devices`, Classic `mobiledevices`). */
export interface MobileDevice extends Entity {
  udid: string;
  serialNumber: string;
  /** Pro's `type`: `ios`, `tvos`, … */
  type: 'ios' | 'tvos';
  model: string;
  modelIdentifier: string;
  osVersion: string;
  osBuild: string;
  phoneNumber: string;
  wifiMacAddress: string;
  /** Last reported IP address; '' when none was reported. */
  ipAddress: string;
  isManaged: boolean;
  isSupervised: boolean;
  username: string;
  realName: string;
  email: string;
  /** -1 when unassigned. */
  departmentId: number;
  /** -1 when unassigned. */
  buildingId: number;
  lastInventoryUpdate: number;
  /** Values of mobile device extension attributes, by definition id (none at first). */
  extensionAttributeValues: ExtensionAttributeValues;
}

const MODELS = [
  { model: 'iPhone 15', id: 'iPhone15,4', type: 'ios' },
  { model: 'iPad Air (5th generation)', id: 'iPad13,16', type: 'ios' },
  { model: 'iPhone 14 Pro', id: 'iPhone15,2', type: 'ios' },
  { model: 'Apple TV 4K (3rd generation)', id: 'AppleTV14,1', type: 'tvos' },
] as const;
const BASE_TIME = Date.UTC(2026, 0, 1);

/** Generates `count` mobile devices. */
export function generateMobileDevices(
  random: SeededRandom,
  count: number,
  departmentCount: number,
  buildingCount: number,
): Omit<MobileDevice, 'id'>[] {
  const rows: Omit<MobileDevice, 'id'>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const hw = random.pick(MODELS);
    const username = `user${i + 1}`;
    rows[i] = {
      name: `${hw.type === 'tvos' ? 'TV' : 'DEV'}-${String(i + 1).padStart(5, '0')}`,
      udid: random.hex(40),
      serialNumber: serialNumber(random, 'F'),
      type: hw.type,
      model: hw.model,
      modelIdentifier: hw.id,
      osVersion: hw.type === 'tvos' ? '18.1' : '18.1.1',
      osBuild: '22B91',
      phoneNumber: hw.type === 'tvos' ? '' : `555-${String(random.int(0, 9999)).padStart(4, '0')}`,
      wifiMacAddress: random
        .hex(12)
        .replace(/(..)(?!$)/g, '$1:')
        .toLowerCase(),
      // From the index, not the random stream, so every other generated value stays as it was.
      ipAddress: `10.64.${Math.floor(i / 254) % 256}.${(i % 254) + 1}`,
      isManaged: true,
      isSupervised: random.next() < 0.8,
      username,
      realName: `User ${i + 1}`,
      email: `${username}@example.com`,
      departmentId: departmentCount > 0 ? random.int(1, departmentCount) : -1,
      buildingId: buildingCount > 0 ? random.int(1, buildingCount) : -1,
      lastInventoryUpdate: BASE_TIME + random.int(0, 30 * 86_400) * 1000,
      extensionAttributeValues: {},
    };
  }
  return rows;
}
