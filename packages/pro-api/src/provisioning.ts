export { ApiClientCredentials } from './api-client-credentials.js';
export type {
  ProvisionApiClientOptions,
  ProvisionedApiClient,
  ProvisioningClient,
} from './provision-api-client.js';
export { provisionApiClient } from './provision-api-client.js';
export type { ProvisioningStep } from './provisioning-error.js';
export { ProvisioningError } from './provisioning-error.js';
