import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function getToken(): Promise<{ token: string; expires: string }> {
  const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: basic('admin', 'jamf1234'), accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; expires: string };
}

describe('POST /api/v1/auth/token', () => {
  it('issues a JWT-shaped token with an ISO 8601 expiry for the default admin', async () => {
    const { token, expires } = await getToken();
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      sub: 'admin',
      aud: expect.any(String),
      'token-uuid': expect.any(String),
    });
    // Jamf documents 30 minutes as the default lifetime of a bearer token (ledger).
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1800);
    expect(new Date(expires).toISOString()).toBe(expires);
  });

  it('answers 401 to a wrong password and to no credentials', async () => {
    for (const headers of [{ authorization: basic('admin', 'nope') }, {}] as HeadersInit[]) {
      const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ httpStatus: 401, errors: [] });
    }
  });

  it('accepts the token on a Pro endpoint and rejects a missing or unknown one with 401 {"httpStatus":401,"errors":[]}', async () => {
    const { token } = await getToken();
    const ok = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ totalCount: 0, results: [] });
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as HeadersInit[]) {
      const denied = await fetch(`${jamf.baseUrl}/api/v1/api-roles`, { headers });
      expect(denied.status).toBe(401);
      expect(await denied.text()).toBe('{"httpStatus":401,"errors":[]}');
    }
    expect(jamf.internalErrors).toEqual([]);
  });
});
