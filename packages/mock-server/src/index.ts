export { CLUSTER_COOKIE, type MockClusterOptions } from './http/cluster.js';
export type { Fault, FaultRegistry, FaultSpec } from './http/faults.js';
export type { Route, RouteContext, RouteHandler } from './http/route.js';
export {
  createJamfMock,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type JamfMock,
  type JamfMockOptions,
  type JamfMockStats,
} from './mock.js';
export { jamfError } from './spec/jamf-error.js';
export type { OpenApiDocument, SpecOperation } from './spec/openapi-document.js';
export {
  type JamfMockServer,
  type JamfMockServerOptions,
  startJamfMockServer,
} from './standalone/serve.js';
export {
  type AccountAccessLevel,
  type AccountPrivilegeSet,
  type AccountStore,
  DEFAULT_ACCOUNT,
  type MockAccount,
  type MockAccountFields,
  type MockAccountGroup,
  type MockAccountGroupFields,
  type MockAccountOptions,
} from './state/accounts.js';
export {
  type ApiIntegration,
  type ApiIntegrationInput,
  type ApiIntegrationStore,
  DEFAULT_CLIENT_TOKEN_LIFETIME_SECONDS,
} from './state/api-integrations.js';
export type { ApiRole, ApiRoleStore } from './state/api-roles.js';
export type { ClassicObject, ClassicObjectStores } from './state/classic-objects.js';
export { createMockClock, type MockClock, type ResettableMockClock } from './state/clock.js';
export type { FileUpload, FileUploadKind, FileUploadStore } from './state/file-uploads.js';
export {
  type Building,
  type Category,
  type Computer,
  type ComputerGroup,
  DEFAULT_INVENTORY_COUNTS,
  type Department,
  type Entity,
  type EntityStore,
  type GroupCriterion,
  type Inventory,
  type InventoryCounts,
  type MobileDevice,
  type Policy,
  type Script,
  type ScriptPriority,
} from './state/inventory/index.js';
export {
  type ManagedDeviceKind,
  managementIdOf,
} from './state/inventory/management-id.js';
export type { IssuedToken, IssuedTokens, TokenGrant } from './state/issued-tokens.js';
export type { JsonCollection, JsonObject } from './state/json-collection.js';
export type { JsonCollections } from './state/json-collections.js';
export type {
  MdmCommand,
  MdmCommandInput,
  MdmCommandState,
  MdmCommandStore,
  MdmCommandTarget,
  MdmPush,
} from './state/mdm-commands.js';
export { MockOptionError, type MockOptionErrorCode } from './state/mock-option-error.js';
export type { MockState } from './state/mock-state.js';
export type { Principal } from './state/principal.js';
export type { InProcessReceiver, WebhookDelivery } from './webhooks/delivery.js';
export { MockWebhookError, MockWebhooks } from './webhooks/mock-webhooks.js';
export type { MockWebhook, MockWebhookInput, MockWebhookView } from './webhooks/registration.js';
