export type { Building } from './buildings.js';
export type { Category } from './categories.js';
export type { ComputerGroup, GroupCriterion } from './computer-groups.js';
export type { Computer } from './computers.js';
export {
  createInventory,
  DEFAULT_INVENTORY_COUNTS,
  type Inventory,
  type InventoryCounts,
  type InventoryOptions,
} from './create-inventory.js';
export type { Department } from './departments.js';
export { type Entity, EntityStore } from './entity-store.js';
export type { MobileDevice } from './mobile-devices.js';
export type { Policy } from './policies.js';
export type { Script, ScriptPriority } from './scripts.js';
