import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock({ seed: 3 });
watchContract(jamf);

describe('POST /v1/mdm/renew-profile', () => {
  it('answers 202 naming only the UDIDs of no managed device', async () => {
    const token = await userToken(jamf);
    const computers = [...jamf.state.computers.values()];
    const managed = computers.find((computer) => computer.isManaged);
    const unmanaged = computers.find((computer) => !computer.isManaged);
    const device = jamf.state.mobileDevices.values().next().value;
    expect(managed && unmanaged && device?.isManaged).toBeTruthy();
    const unknown = '00000000-0000-4000-8000-00000000BEEF';
    const response = await api(jamf, token, 'POST', '/v1/mdm/renew-profile', {
      udids: [managed?.udid.toLowerCase(), device?.udid, unmanaged?.udid, unknown],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      udidsNotProcessed: { udids: [unmanaged?.udid, unknown] },
    });
  });

  it('answers an empty list when every device takes the renewal', async () => {
    const token = await userToken(jamf);
    const managed = [...jamf.state.computers.values()].filter((computer) => computer.isManaged);
    const response = await api(jamf, token, 'POST', '/v1/mdm/renew-profile', {
      udids: managed.slice(0, 3).map((computer) => computer.udid),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ udidsNotProcessed: { udids: [] } });
  });
});
