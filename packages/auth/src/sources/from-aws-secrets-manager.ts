import { JamfAuthError } from '../errors.js';
import { parseCredentialsDocument } from './credentials-document.js';
import type { JamfCredentials } from './jamf-credentials.js';

/** What the source needs of a `SecretsManagerClient`: its `send`. */
export interface SecretsManagerLike {
  send(command: object): Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>;
}

/** The parts of `@aws-sdk/client-secrets-manager` the source uses. */
export interface SecretsManagerSdk {
  SecretsManagerClient: new (config: object) => SecretsManagerLike;
  GetSecretValueCommand: new (input: { SecretId: string; VersionStage?: string }) => object;
}

/** Options of {@link fromAwsSecretsManager}. */
export interface AwsSecretsManagerOptions {
  /** Name or ARN of the secret. */
  secretId: string;
  /** Version stage to read. Default: the SDK's (`AWSCURRENT`). */
  versionStage?: string;
  /** Client to use. Default: `new SecretsManagerClient({})` (region and credentials from the environment). */
  client?: SecretsManagerLike;
  /** How the SDK is loaded. Default: `import('@aws-sdk/client-secrets-manager')`. */
  loadSdk?: () => Promise<SecretsManagerSdk>;
}

const SDK = '@aws-sdk/client-secrets-manager';

/**
 * Reads credentials from an AWS Secrets Manager secret whose value is a credentials JSON document:
 * `{"url","clientId","clientSecret"}` or `{"url","username","password"}`. Needs the optional peer
 * dependency `@aws-sdk/client-secrets-manager` (`PEER_DEPENDENCY_MISSING` without it).
 *
 * @example
 * const provider = providerFor(await fromAwsSecretsManager({ secretId: 'jamf/prod' }));
 */
export async function fromAwsSecretsManager(
  options: AwsSecretsManagerOptions,
): Promise<JamfCredentials> {
  if (typeof options?.secretId !== 'string' || options.secretId === '') {
    throw new JamfAuthError(
      'INVALID_OPTIONS',
      'fromAwsSecretsManager needs { secretId }: the name or ARN of the secret',
    );
  }
  const loadSdk = options.loadSdk ?? (() => import(SDK) as Promise<SecretsManagerSdk>);
  let sdk: SecretsManagerSdk;
  try {
    sdk = await loadSdk();
  } catch (error) {
    throw new JamfAuthError(
      'PEER_DEPENDENCY_MISSING',
      `fromAwsSecretsManager needs the optional peer dependency ${SDK}; install it next to @jamf/auth`,
      { cause: error },
    );
  }
  const client = options.client ?? new sdk.SecretsManagerClient({});
  const where = `AWS secret "${options.secretId}"`;
  let output: Awaited<ReturnType<SecretsManagerLike['send']>>;
  try {
    output = await client.send(
      new sdk.GetSecretValueCommand({
        SecretId: options.secretId,
        ...(options.versionStage === undefined ? {} : { VersionStage: options.versionStage }),
      }),
    );
  } catch (error) {
    throw new JamfAuthError('SECRET_UNAVAILABLE', `could not read the ${where}`, { cause: error });
  }
  // `?.`: a `client` of the caller's may resolve with nothing at all.
  const text =
    output?.SecretString ??
    (output?.SecretBinary === undefined
      ? undefined
      : new TextDecoder().decode(output.SecretBinary));
  if (text === undefined) {
    throw new JamfAuthError('CREDENTIALS_DOCUMENT_INVALID', `the ${where} has no value`);
  }
  return parseCredentialsDocument(text, where);
}
