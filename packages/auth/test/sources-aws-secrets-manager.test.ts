import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { isJamfAuthError } from '../src/index.js';
import {
  fromAwsSecretsManager,
  providerFor,
  type SecretsManagerLike,
} from '../src/sources/aws-secrets-manager.js';

function fakeClient(answer: () => Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>) {
  const sent: object[] = [];
  const client: SecretsManagerLike = {
    send: async (command) => {
      sent.push(command);
      return answer();
    },
  };
  return { client, sent };
}

const USER_DOCUMENT = {
  url: 'https://example.jamfcloud.com',
  username: 'svc-jamf',
  password: 'pw-very-secret',
};

describe('fromAwsSecretsManager()', () => {
  it('sends GetSecretValue for the secret and parses a user document', async () => {
    const { client, sent } = fakeClient(async () => ({
      SecretString: JSON.stringify(USER_DOCUMENT),
    }));
    const credentials = await fromAwsSecretsManager({ secretId: 'jamf/prod', client });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(GetSecretValueCommand);
    expect((sent[0] as GetSecretValueCommand).input).toEqual({ SecretId: 'jamf/prod' });
    expect(credentials).toMatchObject({ kind: 'user', username: 'svc-jamf' });
    expect(JSON.stringify(credentials)).not.toContain('pw-very-secret');
    expect(providerFor(credentials).kind).toBe('user');
  });

  it('reads binary secrets and passes the version stage', async () => {
    const document = { url: 'https://example.jamfcloud.com', clientId: 'c', clientSecret: 's3' };
    const { client, sent } = fakeClient(async () => ({
      SecretBinary: new TextEncoder().encode(JSON.stringify(document)),
    }));
    const credentials = await fromAwsSecretsManager({
      secretId: 'arn:aws:secretsmanager:eu-west-1:123:secret:jamf',
      versionStage: 'AWSPREVIOUS',
      client,
    });
    expect((sent[0] as GetSecretValueCommand).input.VersionStage).toBe('AWSPREVIOUS');
    expect(credentials).toMatchObject({ kind: 'client', clientId: 'c' });
  });

  it('fails with PEER_DEPENDENCY_MISSING when the SDK cannot be loaded', async () => {
    const notInstalled = Object.assign(
      new Error("Cannot find package '@aws-sdk/client-secrets-manager'"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    const error = await fromAwsSecretsManager({
      secretId: 'jamf/prod',
      loadSdk: () => Promise.reject(notInstalled),
    }).catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'PEER_DEPENDENCY_MISSING')).toBe(true);
    expect((error as Error).message).toContain('@aws-sdk/client-secrets-manager');
    expect((error as Error).cause).toBe(notInstalled);
  });

  it('wraps service errors as SECRET_UNAVAILABLE', async () => {
    const denied = new Error('AccessDeniedException');
    const { client } = fakeClient(() => Promise.reject(denied));
    const error = await fromAwsSecretsManager({ secretId: 'jamf/prod', client }).catch(
      (e: unknown) => e,
    );
    expect(isJamfAuthError(error, 'SECRET_UNAVAILABLE')).toBe(true);
    expect((error as Error).cause).toBe(denied);
  });

  it('names missing fields of the document, never its values', async () => {
    const { client } = fakeClient(async () => ({
      SecretString: JSON.stringify({
        url: 'https://example.jamfcloud.com',
        password: 'pw-very-secret',
      }),
    }));
    const error = await fromAwsSecretsManager({ secretId: 'jamf/prod', client }).catch(
      (e: unknown) => e,
    );
    expect(isJamfAuthError(error, 'CREDENTIALS_DOCUMENT_INVALID')).toBe(true);
    expect((error as Error).message).toContain('lacks username');
    expect((error as Error).message).not.toContain('pw-very-secret');
  });
});
