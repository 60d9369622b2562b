import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// `GET /v2/mobile-devices/detail` is the inventory of the same devices `/v2/mobile-devices` and
// Classic `mobiledevices` show, by section, with the flat filter and sort fields of the spec.
const jamf = setupJamfMock({ seed: 7 });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

type Record_ = Record<string, unknown> & { general?: Record<string, unknown> };
type Page = { totalCount: number; results: Record_[] };

async function get<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const detail = (query: string) => get<Page>(`/v2/mobile-devices/detail?page-size=2000&${query}`);

describe('GET /v2/mobile-devices/detail', () => {
  it('lists the devices /v2/mobile-devices lists, general section by default', async () => {
    const devices = await get<{ totalCount: number; results: { id: string; name: string }[] }>(
      '/v2/mobile-devices?page-size=2000',
    );
    const page = await detail('');
    expect(page.totalCount).toBe(devices.totalCount);
    const byId = new Map(page.results.map((record) => [record.mobileDeviceId, record]));
    for (const device of devices.results) {
      const record = byId.get(device.id);
      expect(record?.general?.displayName).toBe(device.name);
      expect(Object.keys(record ?? {}).sort()).toEqual(['deviceType', 'general', 'mobileDeviceId']);
    }
  });

  it('answers the sections asked for, repeated or comma-separated, and refuses an unknown one', async () => {
    for (const query of [
      'section=HARDWARE&section=USER_AND_LOCATION',
      'section=HARDWARE,USER_AND_LOCATION',
    ]) {
      const [record] = (await detail(query)).results;
      expect(Object.keys(record ?? {}).sort(), query).toEqual([
        'deviceType',
        'hardware',
        'mobileDeviceId',
        'userAndLocation',
      ]);
      const device = jamf.state.mobileDevices.get(Number(record?.mobileDeviceId));
      expect(record?.hardware).toMatchObject({ serialNumber: device?.serialNumber });
      expect(record?.userAndLocation).toMatchObject({ username: device?.username });
    }
    const bad = await api(jamf, token, 'GET', '/v2/mobile-devices/detail?section=TOASTERS');
    expect(bad.status).toBe(400);
  });

  it('filters, sorts and pages on the flat field names', async () => {
    const all = (await detail('sort=displayName:desc')).results.map((r) => r.general?.displayName);
    expect(all).toEqual([...all].sort().reverse());
    const first = jamf.state.mobileDevices.values().next().value;
    const filtered = await detail(`filter=serialNumber=="${first?.serialNumber}"`);
    expect(filtered.totalCount).toBe(1);
    expect(filtered.results[0]?.mobileDeviceId).toBe(String(first?.id));
    const second = await get<Page>(
      '/v2/mobile-devices/detail?page=1&page-size=2&sort=displayName:asc',
    );
    expect(second.results.map((r) => r.general?.displayName)).toEqual(
      [...all].reverse().slice(2, 4),
    );
  });

  it('reports the same IP address as the detail view and the Classic record', async () => {
    const { results } = await detail('section=GENERAL');
    const record = results[0];
    const ip = record?.general?.ipAddress as string;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const id = record?.mobileDeviceId;
    const one = await get<{ ipAddress: string }>(`/v2/mobile-devices/${id}/detail`);
    expect(one.ipAddress).toBe(ip);
    const classic = await fetch(`${jamf.baseUrl}/JSSResource/mobiledevices/id/${id}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body = (await classic.json()) as { mobile_device: { general: { ip_address: string } } };
    expect(body.mobile_device.general.ip_address).toBe(ip);
  });

  it('shows a change made through another view, and the groups a device is in', async () => {
    const device = jamf.state.mobileDevices.values().next().value;
    const renamed = await api(jamf, token, 'PATCH', `/v2/mobile-devices/${device?.id}`, {
      name: 'Renamed in Pro',
    });
    expect(renamed.status).toBe(200);
    const group = await api(jamf, token, 'POST', '/v1/mobile-device-groups/static-groups', {
      groupName: 'Inventory test group',
      assignments: [{ mobileDeviceId: String(device?.id), selected: true }],
    });
    expect(group.status).toBe(201);
    const { results } = await detail(
      `section=GENERAL&section=GROUPS&filter=mobileDeviceId==${device?.id}`,
    );
    expect(results[0]?.general?.displayName).toBe('Renamed in Pro');
    expect(results[0]?.groups).toContainEqual(
      expect.objectContaining({ groupName: 'Inventory test group', smart: false }),
    );
  });
});
