import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { apiClient, oauthToken, userToken } from './support/auth-support.js';

const jamf = setupJamfMock();

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

describe('claims of an API client token', () => {
  it('carry the client id as sub and aud, subject-type REGISTERED_CLIENT_ID and nbf, as a live server issues them', async () => {
    const client = await apiClient(jamf, await userToken(jamf), ['Read Computers']);
    const response = await oauthToken(jamf, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      sub: client.clientId,
      aud: client.clientId,
      'subject-type': 'REGISTERED_CLIENT_ID',
      'authentication-type': 'CLIENT_CREDENTIALS',
      scope: [`api-role:${client.roleId}`],
    });
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.exp).toBe((claims.iat as number) + 60);
  });
});
