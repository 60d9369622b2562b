import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, userCredentials, withAuth } from '../src/index.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

describe('single-flight token requests', () => {
  it('1,000 concurrent cold callers share exactly one token request', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => provider.getToken()));
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    expect(new Set(tokens.map((token) => token.token)).size).toBe(1);
    expect(tokens[0]?.token).toBe(jamf.issued[0]);
  });

  it('200 concurrent cold API calls through withAuth make one OAuth token request', async () => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    const authed = withAuth(fetch, provider);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        authed(`${jamf.url}/api/v1/computers-inventory?page=${index}`).then((r) => r.status),
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(jamf.count('/api/oauth/token')).toBe(1);
    expect(jamf.count('/api/v1/computers-inventory')).toBe(200);
  });

  it('a failed shared request fails every waiting caller once, and the next call retries', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/v1/auth/token', (_req, res) => {
      res.writeHead(500).end('boom');
    });
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => provider.getToken()));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(jamf.count('/api/v1/auth/token')).toBe(1);
    jamf.overrides.delete('/api/v1/auth/token');
    await expect(provider.getToken()).resolves.toMatchObject({ type: 'user' });
    expect(jamf.count('/api/v1/auth/token')).toBe(2);
  });
});
