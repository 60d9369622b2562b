import { AccountStore, type MockAccountOptions } from './accounts.js';
import { type ActivationCode, defaultActivationCode } from './activation-code.js';
import { ApiIntegrationStore } from './api-integrations.js';
import { ApiRoleStore } from './api-roles.js';
import { ClassicObjectStores } from './classic-objects.js';
import type { MockClock } from './clock.js';
import { FileUploadStore } from './file-uploads.js';
import { EntityStore } from './inventory/entity-store.js';
import { createInventory, type Inventory, type InventoryCounts } from './inventory/index.js';
import { IssuedTokens } from './issued-tokens.js';
import { JsonCollections } from './json-collections.js';
import {
  type MacosConfigurationProfile,
  seedMacosConfigurationProfiles,
} from './macos-configuration-profiles.js';
import { MdmCommandStore } from './mdm-commands.js';

/** Options that shape a fresh state. */
export interface MockStateOptions {
  accounts?: readonly MockAccountOptions[];
  /** Seed of the deterministic inventory. */
  seed?: number;
  /** How many of each inventory object to generate, e.g. `{ computers: 10_000 }`. */
  counts?: Partial<InventoryCounts>;
}

/**
 * The whole state of one mock: accounts, tokens, API roles and integrations, and the inventory.
 * Pro and Classic routes share it.
 */
export interface MockState extends Inventory {
  accounts: AccountStore;
  tokens: IssuedTokens;
  apiRoles: ApiRoleStore;
  apiIntegrations: ApiIntegrationStore;
  /** macOS configuration profiles (Classic only). */
  macosConfigurationProfiles: EntityStore<MacosConfigurationProfile>;
  /** The activation code, shared by Classic `/activationcode` and Pro `/v1/activation-code`. */
  activationCode: ActivationCode;
  /** Objects of the collections and settings derived from the spec (those without a hand-written model). */
  collections: JsonCollections;
  /** Objects of the Classic resources derived from the spec (printers, users, …), by URL segment. */
  classicObjects: ClassicObjectStores;
  /** MDM commands and pushes sent through either API. */
  mdmCommands: MdmCommandStore;
  /** Files uploaded to objects through Classic `fileuploads` (what they are, not their bytes). */
  fileUploads: FileUploadStore;
  /** Seed of the deterministic inventory and of the generated objects. */
  seed: number;
  /** The mock's clock (criteria such as "more than x days ago" read it). */
  clock: MockClock;
}

/** Builds a fresh state on `clock`. */
export function createMockState(clock: MockClock, options: MockStateOptions = {}): MockState {
  const apiRoles = new ApiRoleStore();
  const macosConfigurationProfiles = new EntityStore<MacosConfigurationProfile>();
  macosConfigurationProfiles.seed(seedMacosConfigurationProfiles());
  return {
    ...createInventory({ seed: options.seed ?? 1, counts: options.counts }),
    accounts: new AccountStore(options.accounts),
    tokens: new IssuedTokens(clock),
    apiRoles,
    apiIntegrations: new ApiIntegrationStore(apiRoles),
    macosConfigurationProfiles,
    activationCode: defaultActivationCode(),
    collections: new JsonCollections(),
    classicObjects: new ClassicObjectStores(),
    mdmCommands: new MdmCommandStore(options.seed ?? 1),
    fileUploads: new FileUploadStore(),
    seed: options.seed ?? 1,
    clock,
  };
}
