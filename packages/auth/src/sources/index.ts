export type { Environment } from './from-env.js';
export { fromEnv } from './from-env.js';
export type { ExecFile, KeychainOptions } from './from-keychain.js';
export { fromKeychain } from './from-keychain.js';
export type { PromptInput, PromptOptions } from './from-prompt.js';
export { fromPrompt } from './from-prompt.js';
export type {
  JamfClientCredentials,
  JamfCredentials,
  JamfUserCredentials,
} from './jamf-credentials.js';
export type { SourceProviderOptions } from './provider-for.js';
export { providerFor } from './provider-for.js';
