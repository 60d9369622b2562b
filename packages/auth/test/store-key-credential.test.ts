import { afterEach, describe, expect, it } from 'vitest';
import {
  clientCredentials,
  isJamfAuthError,
  memoryTokenStore,
  userCredentials,
} from '../src/index.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

describe('the store key binds the credential', () => {
  it('a provider with a wrong password never receives the token cached by the right one', async () => {
    jamf = await startFakeJamf();
    const store = memoryTokenStore();
    const common = { baseUrl: jamf.url, username: 'admin', store };
    await userCredentials({ ...common, password: 'correct horse' }).getToken();
    const error = await userCredentials({ ...common, password: 'wrong horse' })
      .getToken()
      .catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'INVALID_CREDENTIALS')).toBe(true);
  });

  it('a wrong client secret or another scope does not share the cached OAuth token', async () => {
    jamf = await startFakeJamf();
    const store = memoryTokenStore();
    const common = { baseUrl: jamf.url, clientId: 'client-1', store };
    const right = await clientCredentials({
      ...common,
      clientSecret: 'shh-client-secret',
    }).getToken();
    const wrong = await clientCredentials({ ...common, clientSecret: 'not-it' })
      .getToken()
      .catch((e: unknown) => e);
    expect(isJamfAuthError(wrong, 'INVALID_CLIENT')).toBe(true);
    const scoped = await clientCredentials({
      ...common,
      clientSecret: 'shh-client-secret',
      scope: 'read',
    }).getToken();
    expect(scoped.token).not.toBe(right.token);
    // The same credential still shares.
    const again = await clientCredentials({
      ...common,
      clientSecret: 'shh-client-secret',
    }).getToken();
    expect(again.token).toBe(right.token);
  });
});
