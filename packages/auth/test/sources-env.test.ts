import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isJamfAuthError } from '../src/index.js';
import { fromEnv, providerFor } from '../src/sources/index.js';

const URL_ = 'https://example.jamfcloud.com';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('fromEnv()', () => {
  it('prefers API client credentials, which providerFor turns into an OAuth provider', () => {
    const env = {
      JAMF_URL: URL_,
      JAMF_CLIENT_ID: 'client-1',
      JAMF_CLIENT_SECRET: 'cs-very-secret',
      JAMF_USERNAME: 'admin',
      JAMF_PASSWORD: 'pw-very-secret',
    };
    const credentials = fromEnv(env);
    expect(credentials).toMatchObject({ kind: 'client', baseUrl: URL_, clientId: 'client-1' });
    expect(credentials.kind === 'client' && credentials.clientSecret).toBe('cs-very-secret');
    const provider = providerFor(credentials);
    expect(provider.kind).toBe('oauth');
    expect(provider.origin).toBe(URL_);
  });

  it('falls back to a user account', () => {
    const env = { JAMF_URL: URL_, JAMF_USERNAME: 'admin', JAMF_PASSWORD: 'pw-very-secret' };
    const credentials = fromEnv(env);
    expect(credentials).toMatchObject({ kind: 'user', username: 'admin' });
    expect(providerFor(credentials).kind).toBe('user');
  });

  it('keeps secrets out of JSON and inspect output', () => {
    const credentials = fromEnv({
      JAMF_URL: URL_,
      JAMF_USERNAME: 'admin',
      JAMF_PASSWORD: 'pw-very-secret',
    });
    expect(JSON.stringify(credentials)).not.toContain('pw-very-secret');
    expect(inspect(credentials, { depth: 5 })).not.toContain('pw-very-secret');
    expect({ ...credentials }).not.toHaveProperty('password');
  });

  it('keeps secrets out of inspect with showHidden, which prints non-enumerable properties', () => {
    const credentials = fromEnv({
      JAMF_URL: URL_,
      JAMF_CLIENT_ID: 'client-1',
      JAMF_CLIENT_SECRET: 'cs-very-secret',
    });
    const view = inspect(credentials, { depth: 10, showHidden: true, getters: true });
    expect(view).not.toContain('cs-very-secret');
    expect(view).toContain('client-1');
    expect(credentials.kind === 'client' && credentials.clientSecret).toBe('cs-very-secret');
  });

  it.each([
    [{}, 'JAMF_URL, JAMF_CLIENT_ID and JAMF_CLIENT_SECRET (or JAMF_USERNAME and JAMF_PASSWORD)'],
    [{ JAMF_URL: URL_, JAMF_CLIENT_ID: 'client-1' }, 'JAMF_CLIENT_SECRET'],
    [{ JAMF_CLIENT_SECRET: 'cs-very-secret' }, 'JAMF_URL, JAMF_CLIENT_ID'],
    [{ JAMF_URL: URL_, JAMF_PASSWORD: 'pw-very-secret' }, 'JAMF_USERNAME'],
    [{ JAMF_URL: ' ', JAMF_USERNAME: 'admin', JAMF_PASSWORD: 'pw-very-secret' }, 'JAMF_URL'],
  ])('names exactly what is missing (%#)', (env: Record<string, string>, missing) => {
    const error = thrown(() => fromEnv(env));
    expect(isJamfAuthError(error, 'MISSING_CREDENTIALS')).toBe(true);
    expect((error as Error).message).toBe(`missing environment variables: ${missing}`);
    for (const value of Object.values(env)) {
      if (value.trim() !== '') expect((error as Error).message).not.toContain(value);
    }
  });

  it('reads process.env by default', () => {
    const saved = { ...process.env };
    try {
      for (const name of Object.keys(process.env)) {
        if (name.startsWith('JAMF_')) delete process.env[name];
      }
      process.env.JAMF_URL = URL_;
      process.env.JAMF_CLIENT_ID = 'from-process';
      process.env.JAMF_CLIENT_SECRET = 'cs';
      expect(fromEnv()).toMatchObject({ clientId: 'from-process' });
    } finally {
      process.env = saved;
    }
  });
});
