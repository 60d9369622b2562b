export type {
  AwsSecretsManagerOptions,
  SecretsManagerLike,
  SecretsManagerSdk,
} from './from-aws-secrets-manager.js';
export { fromAwsSecretsManager } from './from-aws-secrets-manager.js';
export type {
  JamfClientCredentials,
  JamfCredentials,
  JamfUserCredentials,
} from './jamf-credentials.js';
export type { SourceProviderOptions } from './provider-for.js';
export { providerFor } from './provider-for.js';
