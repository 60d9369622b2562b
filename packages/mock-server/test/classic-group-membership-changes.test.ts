import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// ruby-jss changes a static group's members with a PUT of only <computer_additions> and
// <computer_deletions> (<mobile_device_…> for device groups), as jamf-pro-sdk-python does.
const jamf = setupJamfMock({ seed: 3, counts: { computers: 5, mobileDevices: 5 } });

async function classic(method: string, path: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await userToken(jamf)}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { method, headers, body });
}

async function memberIds(path: string, root: string, list: string): Promise<number[]> {
  const body = (await (await classic('GET', path)).json()) as Record<
    string,
    Record<string, { id: number }[]>
  >;
  return (body[root]?.[list] ?? []).map((member) => member.id);
}

describe('Classic static group membership changes', () => {
  it('adds and removes computers with computer_additions and computer_deletions', async () => {
    const created = await classic(
      'POST',
      '/computergroups/id/0',
      '<computer_group><name>Lab</name><is_smart>false</is_smart><computers><computer><id>1</id></computer><computer><id>2</id></computer></computers></computer_group>',
    );
    const id = /<id>(\d+)<\/id>/.exec(await created.text())?.[1];
    const changed = await classic(
      'PUT',
      `/computergroups/id/${id}`,
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?><computer_group><computer_additions><computer><id>3</id></computer><computer><name>MAC-00004</name></computer></computer_additions><computer_deletions><computer><id>1</id></computer></computer_deletions></computer_group>',
    );
    expect(changed.status).toBe(201);
    const ids = await memberIds(`/computergroups/id/${id}`, 'computer_group', 'computers');
    expect(ids).toEqual([2, 3, jamf.state.computers.findBy('name', 'MAC-00004')?.id]);
    expect(jamf.state.computerGroups.get(Number(id))?.name).toBe('Lab');
  });

  it('adds and removes mobile devices with mobile_device_additions and mobile_device_deletions', async () => {
    const created = await classic(
      'POST',
      '/mobiledevicegroups/id/0',
      '<mobile_device_group><name>Carts</name><is_smart>false</is_smart><mobile_devices><mobile_device><id>1</id></mobile_device></mobile_devices></mobile_device_group>',
    );
    const id = /<id>(\d+)<\/id>/.exec(await created.text())?.[1];
    const changed = await classic(
      'PUT',
      `/mobiledevicegroups/id/${id}`,
      '<mobile_device_group><mobile_device_additions><mobile_device><id>2</id></mobile_device></mobile_device_additions><mobile_device_deletions><mobile_device><id>1</id></mobile_device></mobile_device_deletions></mobile_device_group>',
    );
    expect(changed.status).toBe(201);
    expect(
      await memberIds(`/mobiledevicegroups/id/${id}`, 'mobile_device_group', 'mobile_devices'),
    ).toEqual([2]);
  });

  it('refuses an addition naming no computer with 409 and changes nothing', async () => {
    const created = await classic(
      'POST',
      '/computergroups/id/0',
      '<computer_group><name>Solo</name><is_smart>false</is_smart><computers><computer><id>1</id></computer></computers></computer_group>',
    );
    const id = /<id>(\d+)<\/id>/.exec(await created.text())?.[1];
    const refused = await classic(
      'PUT',
      `/computergroups/id/${id}`,
      '<computer_group><computer_additions><computer><id>999</id></computer></computer_additions></computer_group>',
    );
    expect(refused.status).toBe(409);
    expect(await memberIds(`/computergroups/id/${id}`, 'computer_group', 'computers')).toEqual([1]);
  });
});
