import { describe, expect, it } from 'vitest';
import { isJamfAuthError } from '../src/index.js';
import { type ExecFile, fromKeychain, providerFor } from '../src/sources/index.js';

const DOCUMENT = JSON.stringify({
  url: 'https://example.jamfcloud.com',
  clientId: 'client-1',
  clientSecret: 'cs-very-secret',
});

function security(result: { stdout: string } | { code: unknown }) {
  const calls: Array<[string, readonly string[]]> = [];
  const execFile: ExecFile = async (file, args) => {
    calls.push([file, args]);
    if ('stdout' in result) return result;
    throw Object.assign(new Error(`failed; output: ${DOCUMENT}`), result);
  };
  return { calls, execFile };
}

describe('fromKeychain()', () => {
  it('reads the item with `security find-generic-password -w` and parses the document', async () => {
    const { calls, execFile } = security({ stdout: `${DOCUMENT}\n` });
    const credentials = await fromKeychain({
      service: 'jamf',
      account: 'prod',
      execFile,
      platform: 'darwin',
    });
    expect(calls).toEqual([
      ['security', ['find-generic-password', '-s', 'jamf', '-a', 'prod', '-w']],
    ]);
    expect(credentials).toMatchObject({ kind: 'client', clientId: 'client-1' });
    expect(providerFor(credentials).kind).toBe('oauth');
  });

  it('fails with KEYCHAIN_UNAVAILABLE off macOS, without running anything', async () => {
    const { calls, execFile } = security({ stdout: DOCUMENT });
    const error = await fromKeychain({
      service: 'jamf',
      account: 'prod',
      execFile,
      platform: 'linux',
    })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'KEYCHAIN_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/linux/);
    expect(calls).toEqual([]);
  });

  it('reports a missing item as KEYCHAIN_ITEM_NOT_FOUND and keeps output out of the cause', async () => {
    const { execFile } = security({ code: 44 });
    const error = await fromKeychain({
      service: 'jamf',
      account: 'qa',
      execFile,
      platform: 'darwin',
    })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'KEYCHAIN_ITEM_NOT_FOUND')).toBe(true);
    expect((error as Error).message).toContain('account "qa"');
    expect(String((error as Error).cause)).not.toContain('cs-very-secret');
  });

  it('reports a missing `security` tool as KEYCHAIN_UNAVAILABLE', async () => {
    const { execFile } = security({ code: 'ENOENT' });
    const error = await fromKeychain({
      service: 'jamf',
      account: 'qa',
      execFile,
      platform: 'darwin',
    })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'KEYCHAIN_UNAVAILABLE')).toBe(true);
  });

  it('rejects an item that is not a credentials document without echoing it', async () => {
    for (const stdout of [
      'cs-very-secret',
      JSON.stringify({ url: 'x', clientSecret: 'cs-very-secret' }),
    ]) {
      const { execFile } = security({ stdout });
      const error = await fromKeychain({
        service: 'jamf',
        account: 'p',
        execFile,
        platform: 'darwin',
      })
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(isJamfAuthError(error, 'CREDENTIALS_DOCUMENT_INVALID')).toBe(true);
      expect((error as Error).message).not.toContain('cs-very-secret');
    }
  });
});
