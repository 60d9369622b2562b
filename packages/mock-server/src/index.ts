export {
  AccountStore,
  DEFAULT_ACCOUNT,
  type MockAccount,
  type MockAccountOptions,
} from './accounts.js';
export {
  type ApiIntegration,
  type ApiIntegrationInput,
  ApiIntegrationStore,
  DEFAULT_CLIENT_TOKEN_LIFETIME_SECONDS,
} from './api-integrations.js';
export { type ApiRole, ApiRoleStore } from './api-roles.js';
export { createMockClock, type MockClock, type ResettableMockClock } from './clock.js';
export {
  createJamfMock,
  DEFAULT_BASE_URL,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type JamfMock,
  type JamfMockOptions,
  type JamfMockStats,
} from './create-jamf-mock.js';
export { type Fault, FaultRegistry, type FaultSpec } from './faults.js';
export {
  type Building,
  type Category,
  type Computer,
  type ComputerGroup,
  DEFAULT_INVENTORY_COUNTS,
  type Department,
  type Entity,
  EntityStore,
  type GroupCriterion,
  type Inventory,
  type InventoryCounts,
  type MobileDevice,
  type Policy,
  type Script,
  type ScriptPriority,
} from './inventory/index.js';
export { jamfError } from './jamf-error.js';
export type { OpenApiDocument, SpecOperation } from './openapi-document.js';
export type { Principal } from './principal.js';
export type { Route, RouteContext, RouteHandler } from './route.js';
export {
  type JamfMockServer,
  type JamfMockServerOptions,
  startJamfMockServer,
} from './standalone/serve.js';
export type { MockState } from './state.js';
export { type IssuedToken, type TokenGrant, TokenStore } from './tokens.js';
