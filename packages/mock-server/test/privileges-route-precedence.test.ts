import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock({
  accounts: [
    { username: 'keys', password: 'pw', privileges: ['View Disk Encryption Recovery Key'] },
    { username: 'computers', password: 'pw', privileges: ['Read Computers'] },
    { username: 'none', password: 'pw', privileges: [] },
  ],
});

// Which operation answered shows in whose privileges it checked: the ambiguous pairs of the spec
// require different ones, and the literal segment must win over `{id}`.
describe('route matching prefers literal segments over {param}', () => {
  it('GET /v1/computers-inventory/filevault is the FileVault list, not computer "filevault"', async () => {
    const keys = await userToken(jamf, 'keys', 'pw');
    const computers = await userToken(jamf, 'computers', 'pw');
    for (const version of ['v1', 'v2', 'v3', 'v4']) {
      expect(
        (await api(jamf, keys, 'GET', `/${version}/computers-inventory/filevault`)).status,
      ).toBe(200);
      expect(
        (await api(jamf, computers, 'GET', `/${version}/computers-inventory/filevault`)).status,
      ).toBe(403);
      expect((await api(jamf, keys, 'GET', `/${version}/computers-inventory/1`)).status).toBe(403);
    }
  });

  it('GET /v2/enrollment-customizations/images/history is the image route (no privilege needed)', async () => {
    const none = await userToken(jamf, 'none', 'pw');
    expect(
      (await api(jamf, none, 'GET', '/v2/enrollment-customizations/images/history')).status,
    ).toBe(200);
    expect((await api(jamf, none, 'GET', '/v2/enrollment-customizations/5/history')).status).toBe(
      403,
    );
  });

  it('GET /v1/pki/certificate-authority/active/pem is the active CA (no privilege), not CA "active"', async () => {
    const none = await userToken(jamf, 'none', 'pw');
    expect((await api(jamf, none, 'GET', '/v1/pki/certificate-authority/active/pem')).status).toBe(
      200,
    );
    expect((await api(jamf, none, 'GET', '/v1/pki/certificate-authority/7/pem')).status).toBe(403);
  });
});
