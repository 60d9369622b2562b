import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { basic, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);

function call(path: string, method: string, authorization: string): Promise<Response> {
  return fetch(`${jamf.baseUrl}${path}`, { method, headers: { authorization } });
}

describe('legacy /uapi/auth and deprecated /api/auth endpoints', () => {
  it('/uapi/auth/tokens issues a token with an epoch-ms expires, accepted with the jamf-token scheme', async () => {
    const now = jamf.clock.now();
    const response = await call('/uapi/auth/tokens', 'POST', basic('admin', 'jamf1234'));
    expect(response.status).toBe(200);
    const { token, expires } = (await response.json()) as { token: string; expires: number };
    expect(typeof expires).toBe('number');
    expect(expires).toBeGreaterThanOrEqual(now + 1_200_000);
    expect((await call('/api/v1/auth', 'GET', `jamf-token ${token}`)).status).toBe(200);
    expect((await call('/uapi/auth', 'GET', `jamf-token ${token}`)).status).toBe(200);
  });

  it('/uapi/auth/tokens refuses wrong credentials', async () => {
    expect((await call('/uapi/auth/tokens', 'POST', basic('admin', 'wrong'))).status).toBe(401);
  });

  it('/uapi/auth/keepAlive and /api/auth/keepAlive renew (epoch-ms expires) and kill the old token', async () => {
    for (const path of ['/uapi/auth/keepAlive', '/api/auth/keepAlive']) {
      const old = await userToken(jamf);
      const response = await call(path, 'POST', `Bearer ${old}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { token: string; expires: number };
      expect(typeof body.expires).toBe('number');
      expect((await call('/api/v1/auth', 'GET', `Bearer ${old}`)).status).toBe(401);
      expect((await call('/api/v1/auth', 'GET', `Bearer ${body.token}`)).status).toBe(200);
    }
  });

  it('/uapi/auth/invalidateToken and /api/auth/invalidateToken answer 204, then 401', async () => {
    for (const path of ['/uapi/auth/invalidateToken', '/api/auth/invalidateToken']) {
      const token = await userToken(jamf);
      expect((await call(path, 'POST', `Bearer ${token}`)).status).toBe(204);
      expect((await call('/api/v1/auth', 'GET', `Bearer ${token}`)).status).toBe(401);
    }
  });

  it('GET /api/auth and POST /api/auth/current describe the caller with integer ids', async () => {
    const token = await userToken(jamf);
    const legacy = (await (await call('/api/auth', 'GET', `Bearer ${token}`)).json()) as {
      account: { id: number; username: string; privilegeSet: string };
    };
    expect(legacy.account).toMatchObject({
      id: 1,
      username: 'admin',
      privilegeSet: 'ADMINISTRATOR',
    });
    const current = (await (await call('/api/auth/current', 'POST', `Bearer ${token}`)).json()) as {
      account: { id: number; privileges: string[] };
    };
    expect(current.account.id).toBe(1);
    expect(current.account.privileges).toContain('Read Computers');
  });
});
