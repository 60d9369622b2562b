import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ tokenLifetimeSeconds: 300 });

afterEach(() => {
  vi.useRealTimers();
});

describe('token expiry on the mock clock', () => {
  it('follows vitest fake time: valid until tokenLifetimeSeconds have passed, then 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
    });
    const { token, expires } = (await response.json()) as { token: string; expires: string };
    expect(expires).toBe('2026-01-01T00:05:00.000Z');
    vi.setSystemTime(new Date('2026-01-01T00:04:59.999Z'));
    expect((await api(jamf, token, 'GET', '/v1/auth')).status).toBe(200);
    vi.setSystemTime(new Date('2026-01-01T00:05:00.000Z'));
    expect((await api(jamf, token, 'GET', '/v1/auth')).status).toBe(401);
  });

  it('clock.advance moves the mock past expiry without touching the platform clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await userToken(jamf);
    jamf.clock.advance(299_000);
    expect((await api(jamf, token, 'GET', '/v1/auth')).status).toBe(200);
    jamf.clock.advance(1_000);
    expect((await api(jamf, token, 'GET', '/v1/auth')).status).toBe(401);
  });

  it('expireTokens() kills every issued token at once; new ones work', async () => {
    const first = await userToken(jamf);
    const second = await userToken(jamf);
    jamf.expireTokens();
    expect((await api(jamf, first, 'GET', '/v1/auth')).status).toBe(401);
    expect((await api(jamf, second, 'GET', '/v1/auth')).status).toBe(401);
    expect((await api(jamf, await userToken(jamf), 'GET', '/v1/auth')).status).toBe(200);
  });

  it('claims carry iat and exp in seconds on the mock clock', async () => {
    jamf.clock.advance(3_600_000);
    const token = await userToken(jamf);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.iat).toBe(Math.floor(jamf.clock.now() / 1000));
    expect(claims.exp - claims.iat).toBe(300);
  });
});
