import type { Entity } from './entity-store.js';
import type { ExtensionAttributeValues } from './extension-attribute-values.js';
import { type SeededRandom, seededUuid, serialNumber } from './seeded-random.js';

/**
 * A managed computer, in one neutral shape: the Pro view (`/v1/computers-inventory`, sections)
 * and the Classic view (`computers`, `general`/`hardware`/`location`) are both rendered from it.
 */
export interface Computer extends Entity {
  udid: string;
  serialNumber: string;
  assetTag: string;
  isManaged: boolean;
  /**
   * The management account's username (Classic `general.remote_management.management_username`);
   * its password is never kept. Absent is `''`.
   */
  managementUsername?: string;
  model: string;
  modelIdentifier: string;
  processorType: string;
  processorArchitecture: 'arm64' | 'x86_64';
  totalRamMegabytes: number;
  macAddress: string;
  ipAddress: string;
  osName: string;
  osVersion: string;
  osBuild: string;
  username: string;
  realName: string;
  email: string;
  position: string;
  phone: string;
  room: string;
  /** -1 when unassigned. */
  departmentId: number;
  /** -1 when unassigned. */
  buildingId: number;
  /** Epoch ms. */
  lastContactTime: number;
  reportDate: number;
  initialEntryDate: number;
  /** Values of computer extension attributes, by definition id (none at first). */
  extensionAttributeValues: ExtensionAttributeValues;
}

const MODELS = [
  { model: 'MacBook Pro (14-inch, 2023)', id: 'Mac14,5', cpu: 'Apple M2 Max', arch: 'arm64' },
  { model: 'MacBook Air (M2, 2022)', id: 'Mac14,2', cpu: 'Apple M2', arch: 'arm64' },
  { model: 'Mac mini (2023)', id: 'Mac14,3', cpu: 'Apple M2', arch: 'arm64' },
  { model: 'iMac (24-inch, 2023)', id: 'Mac15,4', cpu: 'Apple M3', arch: 'arm64' },
  {
    model: 'MacBook Pro (16-inch, 2019)',
    id: 'MacBookPro16,1',
    cpu: 'Intel Core i9',
    arch: 'x86_64',
  },
] as const;
const OS = [
  { version: '15.1.1', build: '24B91' },
  { version: '14.7.1', build: '23H222' },
  { version: '15.2', build: '24C101' },
  { version: '13.7.1', build: '22H221' },
] as const;
const FIRST = ['Alex', 'Sam', 'Jo', 'Kim', 'Lee', 'Max', 'Ana', 'Eva', 'Tom', 'Zoe', 'Ian', 'Mia'];
const LAST = [
  'Nowak',
  'Smith',
  'Tanaka',
  'Garcia',
  'Jansen',
  'Kowalski',
  'Brown',
  'Rossi',
  'Muller',
  'Silva',
];
const BASE_TIME = Date.UTC(2026, 0, 1);

/** Generates `count` computers; departments and buildings are assigned from ids 1..n (or -1). */
export function generateComputers(
  random: SeededRandom,
  count: number,
  departmentCount: number,
  buildingCount: number,
): Omit<Computer, 'id'>[] {
  const rows: Omit<Computer, 'id'>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const hw = random.pick(MODELS);
    const os = random.pick(OS);
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const username = `${first}.${last}${i + 1}`.toLowerCase();
    const contact = BASE_TIME + random.int(0, 30 * 86_400) * 1000;
    rows[i] = {
      name: `MAC-${String(i + 1).padStart(5, '0')}`,
      udid: seededUuid(random),
      serialNumber: serialNumber(random, 'C02'),
      assetTag: `JAMF-${String(i + 1).padStart(6, '0')}`,
      isManaged: random.next() < 0.95,
      managementUsername: '',
      model: hw.model,
      modelIdentifier: hw.id,
      processorType: hw.cpu,
      processorArchitecture: hw.arch,
      totalRamMegabytes: random.pick([8192, 16384, 32768, 65536]),
      macAddress: random
        .hex(12)
        .replace(/(..)(?!$)/g, '$1:')
        .toUpperCase(),
      ipAddress: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      osName: 'macOS',
      osVersion: os.version,
      osBuild: os.build,
      username,
      realName: `${first} ${last}`,
      email: `${username}@example.com`,
      position: random.pick(['Engineer', 'Manager', 'Analyst', 'Designer']),
      phone: `555-${String(random.int(0, 9999)).padStart(4, '0')}`,
      room: String(random.int(100, 599)),
      departmentId: departmentCount > 0 ? random.int(1, departmentCount) : -1,
      buildingId: buildingCount > 0 ? random.int(1, buildingCount) : -1,
      lastContactTime: contact,
      reportDate: contact,
      initialEntryDate: BASE_TIME - random.int(30, 900) * 86_400_000,
      extensionAttributeValues: {},
    };
  }
  return rows;
}
