import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// The Classic spec's `/mobiledevices/macaddress/{macaddress}` ("Finds mobile devices by wifi
// mac address") reads, updates and deletes a device by its Wi-Fi MAC address, in any case.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 1, mobileDevices: 3 } });

async function classic(method: string, path: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await userToken(jamf)}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource/mobiledevices${path}`, { method, headers, body });
}

describe('Classic mobile devices by MAC address', () => {
  it('finds a device by its Wi-Fi MAC address, in either case', async () => {
    const device = jamf.state.mobileDevices.get(2);
    const mac = device?.wifiMacAddress ?? '';
    for (const written of [mac.toLowerCase(), mac.toUpperCase()]) {
      const found = await classic('GET', `/macaddress/${written}`);
      expect(found.status).toBe(200);
      const body = (await found.json()) as {
        mobile_device: { general: { id: number; wifi_mac_address: string } };
      };
      expect(body.mobile_device.general).toMatchObject({ id: 2, wifi_mac_address: mac });
    }
    const subset = await classic('GET', `/macaddress/${mac}/subset/general`);
    expect(subset.status).toBe(200);
  });

  it('updates and deletes by MAC address; a MAC naming no device is 404', async () => {
    const mac = jamf.state.mobileDevices.get(3)?.wifiMacAddress ?? '';
    const updated = await classic(
      'PUT',
      `/macaddress/${mac}`,
      '<mobile_device><general><name>Cart iPad</name></general></mobile_device>',
    );
    expect(updated.status).toBe(201);
    expect(jamf.state.mobileDevices.get(3)?.name).toBe('Cart iPad');
    expect((await classic('DELETE', `/macaddress/${mac.toLowerCase()}`)).status).toBe(200);
    expect(jamf.state.mobileDevices.get(3)).toBeUndefined();
    expect((await classic('GET', '/macaddress/00:00:00:00:00:00')).status).toBe(404);
  });
});
