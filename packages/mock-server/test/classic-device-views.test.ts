import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Classic's read-only device views (computerhistory, mobiledevicehistory, computermanagement)
// and jssuser, over the mock's devices, groups, policies, profiles and MDM commands.
const jamf = setupJamfMock({
  seed: 3,
  counts: { computers: 5, mobileDevices: 5, policies: 0, computerGroups: 0 },
});

async function classic(
  path: string,
  init: { method?: string; body?: string; accept?: string; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${init.token ?? (await userToken(jamf))}`,
    accept: init.accept ?? 'application/json',
  };
  if (init.body !== undefined) headers['content-type'] = 'application/xml';
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
}

async function json<T>(path: string): Promise<T> {
  const response = await classic(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The id a Classic create answers (`<root><id>N</id></root>`). */
async function created(path: string, body: string): Promise<number> {
  const response = await classic(path, { method: 'POST', body });
  expect(response.status).toBe(201);
  return Number(/<id>(\d+)<\/id>/.exec(await response.text())?.[1]);
}

const managedComputer = () => [...jamf.state.computers.values()].find((row) => row.isManaged);
const managedMobileDevice = () =>
  [...jamf.state.mobileDevices.values()].find((row) => row.isManaged);

async function accountToken(privileges: string[]): Promise<string> {
  const username = `limited-${privileges.length}-${privileges.join('-').replaceAll(' ', '')}`;
  jamf.state.accounts.add({ username, password: 'pw', privileges });
  return userToken(jamf, username, 'pw');
}

interface ComputerHistory {
  computer_history: {
    general: Record<string, unknown>;
    commands: Record<'completed' | 'pending' | 'failed', Record<string, unknown>[]>;
  } & Record<string, unknown>;
}

describe('GET /JSSResource/computerhistory', () => {
  it('finds the computer by id, name, udid, serial number and MAC address, with every section', async () => {
    const computer = jamf.state.computers.get(2);
    const general = {
      id: 2,
      name: computer?.name,
      udid: computer?.udid,
      serial_number: computer?.serialNumber,
      mac_address: computer?.macAddress,
    };
    for (const lookup of [
      'id/2',
      `name/${encodeURIComponent(computer?.name ?? '')}`,
      `udid/${computer?.udid}`,
      `serialnumber/${computer?.serialNumber}`,
      `macaddress/${computer?.macAddress}`,
    ]) {
      const { computer_history } = await json<ComputerHistory>(`/computerhistory/${lookup}`);
      expect(computer_history.general, lookup).toEqual(general);
    }
    const { computer_history } = await json<ComputerHistory>('/computerhistory/id/2');
    expect(Object.keys(computer_history).sort()).toEqual([
      'audits',
      'casper_imaging_logs',
      'casper_remote_logs',
      'commands',
      'computer_usage_logs',
      'general',
      'mac_app_store_applications',
      'policy_logs',
      'screen_sharing_logs',
      'user_location',
    ]);
    expect(computer_history.commands).toEqual({ completed: [], pending: [], failed: [] });
    expect(computer_history.mac_app_store_applications).toEqual({
      installed: [],
      pending: [],
      failed: [],
    });
  });

  it('lists the MDM commands sent to the computer, split into completed, pending and failed', async () => {
    const computer = managedComputer();
    const id = computer?.id ?? 0;
    const send = async (command: string) => {
      const response = await classic(`/computercommands/command/${command}/id/${id}`, {
        method: 'POST',
      });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { computer_command: { general: { uuid: string } } };
      return body.computer_command.general.uuid;
    };
    await send('EraseDevice');
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    await send('DeviceLock');
    const busy = await send('RestartDevice');
    jamf.state.mdmCommands.settle(busy, 'NOT_NOW', jamf.clock.now());
    // Last: an unmanage leaves the computer unmanaged, and commands to it are refused.
    const failing = await send('UnmanageDevice');
    jamf.state.mdmCommands.settle(failing, 'ERROR', jamf.clock.now());

    const { computer_history } = await json<ComputerHistory>(`/computerhistory/id/${id}`);
    const { completed, pending, failed } = computer_history.commands;
    const sent = jamf.state.mdmCommands.list().filter((command) => command.target.id === id);
    const at = (ms: number | undefined) => ({
      plain: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      epoch: ms,
      utc: new Date(ms ?? 0).toISOString().replace('Z', '+0000'),
    });
    const erase = at(sent[0]?.dateCompleted);
    expect(completed).toEqual([
      {
        name: 'EraseDevice',
        completed: erase.plain,
        completed_epoch: erase.epoch,
        completed_utc: erase.utc,
        username: 'admin',
      },
    ]);
    const issued = at(sent[1]?.dateSent);
    expect(pending.map((item) => [item.name, item.status])).toEqual([
      ['DeviceLock', 'Pending'],
      ['RestartDevice', 'Not Now'],
    ]);
    expect(pending[0]).toEqual({
      name: 'DeviceLock',
      status: 'Pending',
      issued: issued.plain,
      issued_epoch: issued.epoch,
      issued_utc: issued.utc,
      last_push: issued.plain,
      last_push_epoch: issued.epoch,
      last_push_utc: issued.utc,
      username: 'admin',
    });
    expect(failed.map((item) => [item.name, item.status, item.issued_epoch])).toEqual([
      ['UnmanageDevice', 'Error', sent[3]?.dateSent],
    ]);
    expect(failed[0]?.failed_epoch).toBe(sent[3]?.dateCompleted);
    // Another computer's history has none of them.
    const other = [...jamf.state.computers.values()].find((row) => row.id !== id);
    const { computer_history: otherHistory } = await json<ComputerHistory>(
      `/computerhistory/id/${other?.id}`,
    );
    expect(otherHistory.commands).toEqual({ completed: [], pending: [], failed: [] });
  });

  it('answers only the sections a subset names, any case, &-separated', async () => {
    const { computer_history } = await json<ComputerHistory>(
      '/computerhistory/id/1/subset/General&commands&UserLocation',
    );
    expect(Object.keys(computer_history).sort()).toEqual(['commands', 'general', 'user_location']);
    const bySerial = await json<ComputerHistory>(
      `/computerhistory/serialnumber/${jamf.state.computers.get(1)?.serialNumber}/subset/PolicyLogs`,
    );
    expect(bySerial.computer_history).toEqual({ policy_logs: [] });
  });

  it('answers XML by default, with the spec’s item names, and the 404 page for an unknown computer', async () => {
    const id = managedComputer()?.id ?? 0;
    await classic(`/computercommands/command/EraseDevice/id/${id}`, { method: 'POST' });
    const response = await classic(`/computerhistory/id/${id}`, { accept: '*/*' });
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const text = await response.text();
    expect(text).toContain('<commands><completed><command><name>EraseDevice</name>');
    const parsed = new XMLParser({ parseTagValue: false }).parse(text) as {
      computer_history: { general: { id: string }; audits: string };
    };
    expect(parsed.computer_history.general.id).toBe(String(id));
    expect(parsed.computer_history.audits).toBe('');
    const missing = await classic('/computerhistory/id/999', { accept: 'application/xml' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await classic('/computerhistory/name/no-such-mac')).status).toBe(404);
  });

  it('needs Read Computers', async () => {
    const refused = await classic('/computerhistory/id/1', {
      token: await accountToken(['Read Mobile Devices']),
    });
    expect(refused.status).toBe(403);
    const allowed = await classic('/computerhistory/id/1/subset/General', {
      token: await accountToken(['Read Computers']),
    });
    expect(allowed.status).toBe(200);
  });
});

interface MobileDeviceHistory {
  mobile_device_history: {
    general: Record<string, unknown>;
    management_commands: Record<'completed' | 'pending' | 'failed', Record<string, unknown>[]>;
  } & Record<string, unknown>;
}

describe('GET /JSSResource/mobiledevicehistory', () => {
  it('finds the device by each lookup (macaddress is its Wi-Fi address) and lists its commands', async () => {
    const device = managedMobileDevice();
    const id = device?.id ?? 0;
    const sent = await classic(`/mobiledevicecommands/command/DeviceLock/id/${id}`, {
      method: 'POST',
    });
    expect(sent.status).toBe(201);
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    await classic(`/mobiledevicecommands/command/ClearPasscode/id/${id}`, { method: 'POST' });
    const commands = jamf.state.mdmCommands.list().filter((command) => command.target.id === id);
    for (const lookup of [
      `id/${id}`,
      `name/${encodeURIComponent(device?.name ?? '')}`,
      `udid/${device?.udid}`,
      `serialnumber/${device?.serialNumber}`,
      `macaddress/${device?.wifiMacAddress}`,
    ]) {
      const { mobile_device_history } = await json<MobileDeviceHistory>(
        `/mobiledevicehistory/${lookup}`,
      );
      expect(mobile_device_history.general, lookup).toEqual({
        id,
        name: device?.name,
        udid: device?.udid,
        serial_number: device?.serialNumber,
        mac_address: device?.wifiMacAddress,
      });
      const { completed, pending, failed } = mobile_device_history.management_commands;
      expect(completed.map((item) => [item.name, item.date_time_completed_epoch])).toEqual([
        ['DeviceLock', commands[0]?.dateCompleted],
      ]);
      expect(pending.map((item) => [item.name, item.date_time_issued_epoch])).toEqual([
        ['ClearPasscode', commands[1]?.dateSent],
      ]);
      expect(failed).toEqual([]);
    }
    const { mobile_device_history } = await json<MobileDeviceHistory>(
      `/mobiledevicehistory/id/${id}/subset/ManagementCommands&Ebooks`,
    );
    expect(Object.keys(mobile_device_history).sort()).toEqual(['ebooks', 'management_commands']);
  });

  it('needs Read Mobile Devices and answers 404 for an unknown device', async () => {
    expect(
      (
        await classic('/mobiledevicehistory/id/1', {
          token: await accountToken(['Read Computers']),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await classic('/mobiledevicehistory/id/1', {
          token: await accountToken(['Read Mobile Devices']),
        })
      ).status,
    ).toBe(200);
    expect((await classic('/mobiledevicehistory/udid/nope')).status).toBe(404);
  });
});

interface ComputerManagement {
  computer_management: Record<string, { id: number; name: string; trigger?: string }[]> & {
    general: Record<string, unknown>;
  };
}

describe('GET /JSSResource/computermanagement', () => {
  it('lists the groups the computer is in and the policies and profiles scoped to it', async () => {
    const computer = jamf.state.computers.get(3);
    const staticGroup = await created(
      '/computergroups/id/0',
      '<computer_group><name>Lab 3</name><is_smart>false</is_smart><computers><computer><id>3</id></computer></computers></computer_group>',
    );
    await created(
      '/computergroups/id/0',
      '<computer_group><name>Lab 4</name><is_smart>false</is_smart><computers><computer><id>4</id></computer></computers></computer_group>',
    );
    const smartGroup = await created(
      '/computergroups/id/0',
      `<computer_group><name>By serial</name><is_smart>true</is_smart><criteria><criterion><name>Serial Number</name><priority>0</priority><and_or>and</and_or><search_type>is</search_type><value>${computer?.serialNumber}</value></criterion></criteria></computer_group>`,
    );
    const policy = (name: string, scope: string, enabled = true) =>
      created(
        '/policies/id/0',
        `<policy><general><name>${name}</name><enabled>${enabled}</enabled><trigger>CHECKIN</trigger></general><scope>${scope}</scope></policy>`,
      );
    const byGroup = await policy(
      'By group',
      `<computer_groups><computer_group><id>${staticGroup}</id></computer_group></computer_groups>`,
    );
    const byComputer = await policy(
      'By computer',
      '<computers><computer><id>3</id></computer></computers>',
    );
    const everyone = await policy('Everyone', '<all_computers>true</all_computers>');
    await policy('Someone else', '<computers><computer><id>4</id></computer></computers>');
    await policy('Disabled', '<all_computers>true</all_computers>', false);
    const profile = await created(
      '/osxconfigurationprofiles/id/0',
      `<os_x_configuration_profile><general><name>Smart scoped</name></general><scope><computer_groups><computer_group><id>${smartGroup}</id></computer_group></computer_groups></scope></os_x_configuration_profile>`,
    );

    const { computer_management } = await json<ComputerManagement>('/computermanagement/id/3');
    expect(computer_management.general).toEqual({
      id: 3,
      name: computer?.name,
      udid: computer?.udid,
      serial_number: computer?.serialNumber,
      mac_address: computer?.macAddress,
    });
    expect(computer_management.static_groups).toEqual([{ id: staticGroup, name: 'Lab 3' }]);
    expect(computer_management.smart_groups).toEqual([{ id: smartGroup, name: 'By serial' }]);
    expect(computer_management.policies).toEqual([
      { id: byGroup, name: 'By group', trigger: 'CHECKIN' },
      { id: byComputer, name: 'By computer', trigger: 'CHECKIN' },
      { id: everyone, name: 'Everyone', trigger: 'CHECKIN' },
    ]);
    expect(computer_management.os_x_configuration_profiles).toEqual([
      { id: profile, name: 'Smart scoped' },
    ]);
    for (const blank of ['ebooks', 'mac_app_store_apps', 'restricted_software'])
      expect(computer_management[blank], blank).toEqual([]);
    // The same groups the computer record names.
    const record = await json<{
      computer: { groups_accounts: { computer_group_memberships: string[] } };
    }>('/computers/id/3/subset/GroupsAccounts');
    expect(record.computer.groups_accounts.computer_group_memberships.sort()).toEqual(
      ['By serial', 'Lab 3'].sort(),
    );
  });

  it('answers the username, patch filter and subset paths after any lookup', async () => {
    const computer = jamf.state.computers.get(1);
    const whole = await json<ComputerManagement>('/computermanagement/id/1');
    for (const path of [
      `/computermanagement/serialnumber/${computer?.serialNumber}`,
      `/computermanagement/macaddress/${computer?.macAddress}`,
      '/computermanagement/id/1/username/someone',
      `/computermanagement/udid/${computer?.udid}/username/someone`,
    ])
      expect(await json<ComputerManagement>(path), path).toEqual(whole);
    for (const path of [
      '/computermanagement/id/1/subset/General&SmartGroups',
      '/computermanagement/id/1/username/someone/subset/general&smartgroups',
      `/computermanagement/name/${encodeURIComponent(computer?.name ?? '')}/username/x/subset/General&SmartGroups`,
    ]) {
      const { computer_management } = await json<ComputerManagement>(path);
      expect(Object.keys(computer_management).sort(), path).toEqual(['general', 'smart_groups']);
    }
    expect((await classic('/computermanagement/id/77/username/someone')).status).toBe(404);
    const xml = await classic('/computermanagement/id/1', { accept: 'application/xml' });
    expect(await xml.text()).toMatch(/^<\?xml[^>]*\?><computer_management><general><id>1<\/id>/);
    expect(
      (
        await classic('/computermanagement/id/1', {
          token: await accountToken(['Read Mobile Devices']),
        })
      ).status,
    ).toBe(403);
  });
});

describe('GET /JSSResource/jssuser', () => {
  it('reports the server and an administrator’s privileges', async () => {
    const { user } = await json<{ user: Record<string, unknown> & { privileges: string[] } }>(
      '/jssuser',
    );
    expect(user.product).toBe('Jamf Pro');
    expect(user.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(user.privileges).toContain('Read Computers');
    expect(user.privileges).toContain('Update Policies');
    expect(user.privileges).toEqual([...user.privileges].sort());
  });

  it('lists exactly the privileges a limited account holds, for any account, in XML too', async () => {
    const token = await accountToken(['Read Computers', 'Read Buildings']);
    const asJson = await classic('/jssuser', { token });
    expect(asJson.status).toBe(200);
    const { user } = (await asJson.json()) as { user: { privileges: string[] } };
    expect(user.privileges).toEqual(['Read Buildings', 'Read Computers']);
    const asXml = await classic('/jssuser', { token, accept: 'application/xml' });
    expect(await asXml.text()).toContain(
      '<privileges><privilege>Read Buildings</privilege><privilege>Read Computers</privilege></privileges>',
    );
    const none = await classic('/jssuser', { token: await accountToken([]) });
    expect(((await none.json()) as { user: { privileges: string[] } }).user.privileges).toEqual([]);
  });

  it('needs a token', async () => {
    const response = await fetch(`${jamf.baseUrl}/JSSResource/jssuser`);
    expect(response.status).toBe(401);
  });
});
