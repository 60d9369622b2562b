import { checkWholeNumber } from '../mock-option-error.js';
import { type Building, generateBuildings } from './buildings.js';
import { type Category, generateCategories } from './categories.js';
import { type ComputerGroup, generateComputerGroups } from './computer-groups.js';
import { type Computer, generateComputers } from './computers.js';
import { type Department, generateDepartments } from './departments.js';
import { EntityStore } from './entity-store.js';
import { generateMobileDeviceGroups, type MobileDeviceGroup } from './mobile-device-groups.js';
import { generateMobileDevices, type MobileDevice } from './mobile-devices.js';
import { generatePolicies, type Policy } from './policies.js';
import { generateScripts, type Script } from './scripts.js';
import { seededRandom } from './seeded-random.js';

/** How many records of each kind a fresh inventory holds. */
export interface InventoryCounts {
  computers: number;
  mobileDevices: number;
  departments: number;
  buildings: number;
  categories: number;
  scripts: number;
  policies: number;
  computerGroups: number;
  mobileDeviceGroups: number;
}

/** The small default: enough to page and filter, quick to read in a test's output. */
export const DEFAULT_INVENTORY_COUNTS: Readonly<InventoryCounts> = Object.freeze({
  computers: 25,
  mobileDevices: 15,
  departments: 5,
  buildings: 4,
  categories: 6,
  scripts: 5,
  policies: 6,
  computerGroups: 4,
  mobileDeviceGroups: 4,
});

/** Options of {@link createInventory}. */
export interface InventoryOptions {
  /** Seed of the generator: the same seed and counts always give the same records. */
  seed?: number;
  /** Counts to override, e.g. `{ computers: 10_000 }` for benchmarks. */
  counts?: Partial<InventoryCounts>;
}

/** The inventory stores one mock's Pro and Classic views share. */
export interface Inventory {
  computers: EntityStore<Computer>;
  mobileDevices: EntityStore<MobileDevice>;
  departments: EntityStore<Department>;
  buildings: EntityStore<Building>;
  categories: EntityStore<Category>;
  scripts: EntityStore<Script>;
  policies: EntityStore<Policy>;
  computerGroups: EntityStore<ComputerGroup>;
  /** Mobile device groups, shared by Classic `mobiledevicegroups` and Pro's mobile device groups. */
  mobileDeviceGroups: EntityStore<MobileDeviceGroup>;
}

/** Largest count: one entity store is one array (an array holds at most 2^32 - 1 items). */
const MAX_COUNT = 2 ** 32 - 1;

function count(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  checkWholeNumber('an inventory count', value, 0, MAX_COUNT);
  return value;
}

/**
 * Builds a fresh, deterministic inventory: departments, buildings and categories first, then
 * computers, mobile devices, scripts, policies and groups that refer to them by id.
 * @example createInventory({ seed: 7, counts: { computers: 10_000 } })
 */
export function createInventory(options: InventoryOptions): Inventory {
  const d = DEFAULT_INVENTORY_COUNTS;
  const c = options.counts ?? {};
  const n: InventoryCounts = {
    computers: count(c.computers, d.computers),
    mobileDevices: count(c.mobileDevices, d.mobileDevices),
    departments: count(c.departments, d.departments),
    buildings: count(c.buildings, d.buildings),
    categories: count(c.categories, d.categories),
    scripts: count(c.scripts, d.scripts),
    policies: count(c.policies, d.policies),
    computerGroups: count(c.computerGroups, d.computerGroups),
    mobileDeviceGroups: count(c.mobileDeviceGroups, d.mobileDeviceGroups),
  };
  const random = seededRandom(options.seed ?? 1);
  const inventory: Inventory = {
    computers: new EntityStore(),
    mobileDevices: new EntityStore(),
    departments: new EntityStore(),
    buildings: new EntityStore(),
    categories: new EntityStore(),
    scripts: new EntityStore(),
    policies: new EntityStore(),
    computerGroups: new EntityStore(),
    mobileDeviceGroups: new EntityStore(),
  };
  inventory.departments.seed(generateDepartments(n.departments));
  inventory.buildings.seed(generateBuildings(random, n.buildings));
  inventory.categories.seed(generateCategories(n.categories));
  inventory.computers.seed(generateComputers(random, n.computers, n.departments, n.buildings));
  inventory.mobileDevices.seed(
    generateMobileDevices(random, n.mobileDevices, n.departments, n.buildings),
  );
  inventory.scripts.seed(generateScripts(n.scripts, n.categories));
  inventory.policies.seed(generatePolicies(n.policies, n.scripts, n.categories));
  inventory.computerGroups.seed(generateComputerGroups(n.computerGroups, n.computers));
  inventory.mobileDeviceGroups.seed(
    generateMobileDeviceGroups(n.mobileDeviceGroups, n.mobileDevices),
  );
  return inventory;
}
