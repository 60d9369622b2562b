import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// What a client reads to decide how to talk to the server is coherent, not generated.
const jamf = setupJamfMock();
watchContract(jamf);

describe('server facts', () => {
  it('/v1/jamf-pro-server-url is the server’s own address until it is changed', async () => {
    const token = await userToken(jamf);
    const first = await api(jamf, token, 'GET', '/v1/jamf-pro-server-url');
    expect(await first.json()).toMatchObject({ url: new URL(jamf.baseUrl).origin });
    const url = 'https://jamf.example.com:8443';
    expect((await api(jamf, token, 'PUT', '/v1/jamf-pro-server-url', { url })).status).toBe(200);
    const after = await api(jamf, token, 'GET', '/v1/jamf-pro-server-url');
    expect(await after.json()).toMatchObject({ url });
  });

  it('/v1/cloud-information is a plain Jamf Cloud instance, without a token', async () => {
    const response = await fetch(`${jamf.baseUrl}/api/v1/cloud-information`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      cloudInstance: true,
      rampInstance: false,
      govCloudInstance: false,
      fedRampInstance: false,
      highComplianceInstance: false,
      managedServiceProviderInstance: false,
      fipsEnabled: false,
    });
  });
});
