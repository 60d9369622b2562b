import { type AnyWebhookPayload, createWebhookHandler } from '@jamf/webhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Mobile device groups are one state with two views (Pro v1/v2 smart and static groups, Classic
// /JSSResource/mobiledevicegroups), smart groups are evaluated like computer groups, and a
// registered SmartGroupMobileDeviceMembershipChange webhook fires when membership changes.
const jamf = setupJamfMock({ seed: 4 });
watchContract(jamf);
const HOOK = 'https://hooks.example.test/mobile-groups';
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

function classic(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function classicJson<T>(path: string): Promise<T> {
  const response = await classic(path, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function classicCreate(path: string, body: string): Promise<number> {
  const response = await classic(path, { method: 'POST', body });
  expect(response.status).toBe(201);
  return Number(/<id>(\d+)<\/id>/.exec(await response.text())?.[1]);
}

async function proJson<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const smartGroupXml = (name: string, prefix: string) =>
  `<mobile_device_group><name>${name}</name><is_smart>true</is_smart><criteria><criterion><name>Display Name</name><priority>0</priority><and_or>and</and_or><search_type>like</search_type><value>${prefix}</value></criterion></criteria></mobile_device_group>`;
const deviceXml = (name: string, serial: string) =>
  `<mobile_device><general><name>${name}</name><serial_number>${serial}</serial_number><udid>${serial}-UDID</udid></general></mobile_device>`;

interface ClassicGroup {
  id: number;
  name: string;
  is_smart: boolean;
  mobile_devices?: { id: number; name: string }[];
}
type Page = { totalCount: number; results: Record<string, unknown>[] };

describe('mobile device groups in Pro and Classic', () => {
  it('list the same groups, smart and static', async () => {
    const { mobile_device_groups: all } = await classicJson<{
      mobile_device_groups: ClassicGroup[];
    }>('/mobiledevicegroups');
    expect(all.length).toBeGreaterThan(0);
    for (const version of ['v1', 'v2']) {
      const listed = await proJson<{ id: number; name: string; isSmartGroup: boolean }[]>(
        `/${version}/mobile-device-groups`,
      );
      expect(listed.map((g) => [g.id, g.name, g.isSmartGroup])).toEqual(
        all.map((g) => [g.id, g.name, g.is_smart]),
      );
      const smart = await proJson<Page>(`/${version}/mobile-device-groups/smart-groups`);
      const statics = await proJson<Page>(`/${version}/mobile-device-groups/static-groups`);
      expect(smart.results.map((g) => g.groupName)).toEqual(
        all.filter((g) => g.is_smart).map((g) => g.name),
      );
      expect(smart.totalCount + statics.totalCount).toBe(all.length);
    }
  });

  it('a smart group made in Pro is the group Classic shows, with the devices it selects', async () => {
    const device = await classicCreate('/mobiledevices/id/0', deviceXml('PROSEL-1', 'PROSEL0001'));
    const created = await api(jamf, token, 'POST', '/v2/mobile-device-groups/smart-groups', {
      groupName: 'Pro selected',
      criteria: [
        { name: 'Display Name', priority: 0, andOr: 'and', searchType: 'like', value: 'PROSEL-' },
      ],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { mobile_device_group: shown } = await classicJson<{
      mobile_device_group: ClassicGroup;
    }>(`/mobiledevicegroups/id/${id}`);
    expect(shown).toMatchObject({ name: 'Pro selected', is_smart: true });
    expect(shown.mobile_devices?.map((d) => d.id)).toEqual([device]);
    const members = await proJson<Page>(`/v2/mobile-device-groups/smart-group-membership/${id}`);
    expect(members.results.map((d) => d.mobileDeviceId)).toEqual([String(device)]);
  });

  it('a static group made in Classic is read and patched through Pro', async () => {
    const id = await classicCreate(
      '/mobiledevicegroups/id/0',
      '<mobile_device_group><name>Classic static</name><is_smart>false</is_smart><mobile_devices><mobile_device><id>1</id></mobile_device></mobile_devices></mobile_device_group>',
    );
    const read = await proJson<Record<string, unknown>>(
      `/v2/mobile-device-groups/static-groups/${id}`,
    );
    expect(read).toMatchObject({ groupId: String(id), groupName: 'Classic static', count: 1 });
    const patched = await api(
      jamf,
      token,
      'PATCH',
      `/v2/mobile-device-groups/static-groups/${id}`,
      {
        groupName: 'Classic static',
        assignments: [{ mobileDeviceId: '2', selected: true }],
      },
    );
    expect(patched.status).toBe(200);
    const { mobile_device_group: shown } = await classicJson<{
      mobile_device_group: ClassicGroup;
    }>(`/mobiledevicegroups/id/${id}`);
    expect(shown.mobile_devices?.map((d) => d.id)).toEqual([1, 2]);
    expect(
      (await api(jamf, token, 'DELETE', `/v1/mobile-device-groups/static-groups/${id}`)).status,
    ).toBe(204);
    expect((await classic(`/mobiledevicegroups/id/${id}`)).status).toBe(404);
  });
});

describe('SmartGroupMobileDeviceMembershipChange', () => {
  it('fires for the registered smart group when devices join and leave it', async () => {
    const groupId = await classicCreate(
      '/mobiledevicegroups/id/0',
      smartGroupXml('Webhook devices', 'WHMOB-'),
    );
    const otherId = await classicCreate(
      '/mobiledevicegroups/id/0',
      smartGroupXml('Other devices', 'OTHERMOB-'),
    );
    const got: AnyWebhookPayload[] = [];
    for (const smartGroupId of [groupId, otherId]) {
      jamf.webhooks.register({
        name: `group ${smartGroupId}`,
        url: HOOK,
        event: 'SmartGroupMobileDeviceMembershipChange',
        smartGroupId,
      });
    }
    jamf.webhooks.attach(
      HOOK,
      createWebhookHandler({
        auth: 'none',
        on: { SmartGroupMobileDeviceMembershipChange: (p) => void got.push(p) },
      }),
    );
    const device = await classicCreate('/mobiledevices/id/0', deviceXml('WHMOB-1', 'WHMOB0001'));
    const renamed = await classic(`/mobiledevices/id/${device}`, {
      method: 'PUT',
      body: '<mobile_device><general><name>left the group</name></general></mobile_device>',
    });
    expect(renamed.status).toBe(201);
    await jamf.webhooks.settled();
    expect(got.map((p) => p.event)).toMatchObject([
      {
        jssid: groupId,
        name: 'Webhook devices',
        computer: false,
        smartGroup: true,
        groupAddedDevicesIds: [device],
        groupRemovedDevicesIds: [],
      },
      {
        jssid: groupId,
        groupAddedDevicesIds: [],
        groupRemovedDevicesIds: [device],
      },
    ]);
    expect(got[0]?.webhook.webhookEvent).toBe('SmartGroupMobileDeviceMembershipChange');
  });
});
