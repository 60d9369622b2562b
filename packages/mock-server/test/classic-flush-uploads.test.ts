import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

// Classic commandflush and logflush: what a flush removes leaves every view of the command store.
const jamf = setupJamfMock({ seed: 11 });

async function classic(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token ?? (await userToken(jamf))}`);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function accountToken(privileges: string[]): Promise<string> {
  const username = `flusher-${privileges.length}`;
  jamf.state.accounts.add({ username, password: 'pw', privileges });
  return userToken(jamf, username, 'pw');
}

const managed = <T extends { isManaged: boolean }>(rows: Iterable<T>) =>
  [...rows].filter((row) => row.isManaged);

/** Sends `command` to computer `id` through Classic; returns its uuid. */
async function sendToComputer(id: number, command: string): Promise<string> {
  const response = await classic(`/computercommands/command/${command}/id/${id}`, {
    method: 'POST',
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { computer_command: { general: { uuid: string } } })
    .computer_command.general.uuid;
}

async function sendToMobileDevice(id: number, command: string): Promise<string> {
  const response = await classic(`/mobiledevicecommands/command/${command}/id/${id}`, {
    method: 'POST',
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { mobile_device_command: { general: { uuid: string } } })
    .mobile_device_command.general.uuid;
}

/** Uuids the Pro API lists, the Classic list shows and the computer's history shows as pending. */
async function views(computerId: number) {
  const token = await userToken(jamf);
  const pro = (await (await api(jamf, token, 'GET', '/v2/mdm/commands?page-size=2000')).json()) as {
    results: { uuid: string }[];
  };
  const list = (await (await classic('/computercommands')).json()) as {
    computer_commands: { uuid: string }[];
  };
  const history = (await (await classic(`/computerhistory/id/${computerId}`)).json()) as {
    computer_history: { commands: Record<'pending' | 'failed' | 'completed', unknown[]> };
  };
  return {
    pro: pro.results.map((row) => row.uuid),
    classic: list.computer_commands.map((row) => row.uuid),
    history: history.computer_history.commands,
  };
}

describe('DELETE /JSSResource/commandflush/{idtype}/id/{id}/status/{status}', () => {
  it('removes a computer’s pending commands from every view and keeps the others', async () => {
    const [first, second] = managed(jamf.state.computers.values());
    const id = first?.id ?? 0;
    const done = await sendToComputer(id, 'DeviceLock');
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const pending = await sendToComputer(id, 'RestartDevice');
    const busy = await sendToComputer(id, 'EraseDevice');
    jamf.state.mdmCommands.settle(busy, 'NOT_NOW', jamf.clock.now());
    const failed = await sendToComputer(id, 'ShutDownDevice');
    jamf.state.mdmCommands.settle(failed, 'ERROR', jamf.clock.now());
    const elsewhere = await sendToComputer(second?.id ?? 0, 'RestartDevice');
    expect((await views(id)).history.pending).toHaveLength(2);

    const response = await classic(`/commandflush/computers/id/${id}/status/Pending`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      commandflush: { status: 'Pending', computers: [{ id }] },
    });

    const after = await views(id);
    for (const view of [after.pro, after.classic]) {
      expect(view).toEqual(expect.arrayContaining([done, failed, elsewhere]));
      expect(view).not.toContain(pending);
      expect(view).not.toContain(busy);
    }
    expect(after.history.pending).toEqual([]);
    expect(after.history.failed).toHaveLength(1);
    expect(jamf.state.mdmCommands.byUuid(pending)).toBeUndefined();
  });

  it('flushes Failed, Pending+Failed (also %2B-encoded) and several ids, never reusing an id', async () => {
    const [a, b] = managed(jamf.state.computers.values());
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const pendingA = await sendToComputer(a?.id ?? 0, 'DeviceLock');
    const failedA = await sendToComputer(a?.id ?? 0, 'EraseDevice');
    jamf.state.mdmCommands.settle(failedA, 'ERROR', jamf.clock.now());
    const pendingB = await sendToComputer(b?.id ?? 0, 'DeviceLock');

    const failedOnly = await classic(`/commandflush/computers/id/${a?.id}/status/Failed`, {
      method: 'DELETE',
    });
    expect(failedOnly.status).toBe(200);
    expect(jamf.state.mdmCommands.list().map((c) => c.uuid)).toEqual([pendingA, pendingB]);

    const both = await classic(
      `/commandflush/computers/id/${a?.id},${b?.id}/status/Pending%2BFailed`,
      { method: 'DELETE' },
    );
    expect(both.status).toBe(200);
    expect(jamf.state.mdmCommands.size).toBe(0);
    // Ids keep counting after a flush, so Classic's /computercommands ids stay unique.
    const next = await sendToComputer(a?.id ?? 0, 'DeviceLock');
    expect(jamf.state.mdmCommands.byUuid(next)?.id).toBe(4);
  });

  it('flushes a computer group’s and a mobile device group’s members', async () => {
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const [computer] = managed(jamf.state.computers.values());
    const [device] = managed(jamf.state.mobileDevices.values());
    const computerGroup = jamf.state.computerGroups.create({
      name: 'Flush me',
      isSmart: false,
      criteria: [],
      computerIds: [computer?.id ?? 0],
    });
    const deviceGroup = jamf.state.mobileDeviceGroups.create({
      name: 'Flush us',
      description: '',
      isSmart: false,
      criteria: [],
      mobileDeviceIds: [device?.id ?? 0],
    });
    await sendToComputer(computer?.id ?? 0, 'DeviceLock');
    await sendToMobileDevice(device?.id ?? 0, 'DeviceLock');

    const computers = await classic(
      `/commandflush/computergroups/id/${computerGroup.id}/status/Pending`,
      { method: 'DELETE' },
    );
    expect(computers.status).toBe(200);
    expect(jamf.state.mdmCommands.list().map((c) => c.target.kind)).toEqual(['mobileDevice']);
    const devices = await classic(
      `/commandflush/mobiledevicegroups/id/${deviceGroup.id}/status/Pending`,
      { method: 'DELETE' },
    );
    expect(devices.status).toBe(200);
    expect(jamf.state.mdmCommands.size).toBe(0);
  });

  it('refuses a bad idtype, status or id and an unknown device, and flushes nothing', async () => {
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const [computer] = managed(jamf.state.computers.values());
    const id = computer?.id ?? 0;
    await sendToComputer(id, 'DeviceLock');
    const cases: [string, number][] = [
      [`/commandflush/printers/id/${id}/status/Pending`, 400],
      [`/commandflush/computers/id/${id}/status/Done`, 400],
      [`/commandflush/computers/id/abc/status/Pending`, 400],
      [`/commandflush/computers/id/${id},999999/status/Pending`, 404],
      [`/commandflush/computergroups/id/999999/status/Pending`, 404],
    ];
    for (const [path, status] of cases) {
      const response = await classic(path, { method: 'DELETE' });
      expect([path, response.status]).toEqual([path, status]);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
    expect(jamf.state.mdmCommands.size).toBe(1);
  });

  it('needs Flush MDM Commands', async () => {
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const [computer] = managed(jamf.state.computers.values());
    await sendToComputer(computer?.id ?? 0, 'DeviceLock');
    const path = `/commandflush/computers/id/${computer?.id}/status/Pending`;
    const without = await classic(
      path,
      { method: 'DELETE' },
      await accountToken(['Read Computers']),
    );
    expect(without.status).toBe(403);
    expect(await without.text()).toContain('Flush MDM Commands');
    expect(jamf.state.mdmCommands.size).toBe(1);
    const withIt = await classic(
      path,
      { method: 'DELETE' },
      await accountToken(['Flush MDM Commands']),
    );
    expect(withIt.status).toBe(200);
    expect(jamf.state.mdmCommands.size).toBe(0);
  });
});

describe('DELETE /JSSResource/commandflush with an XML body', () => {
  it('flushes the devices and groups the body lists', async () => {
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const [c1, c2, c3] = managed(jamf.state.computers.values());
    const [device] = managed(jamf.state.mobileDevices.values());
    await sendToComputer(c1?.id ?? 0, 'DeviceLock');
    await sendToComputer(c2?.id ?? 0, 'DeviceLock');
    const kept = await sendToComputer(c3?.id ?? 0, 'DeviceLock');
    const failed = await sendToMobileDevice(device?.id ?? 0, 'DeviceLock');
    jamf.state.mdmCommands.settle(failed, 'ERROR', jamf.clock.now());

    const response = await classic('/commandflush', {
      method: 'DELETE',
      headers: { accept: 'application/xml' },
      body:
        '<commandflush><status>Pending+Failed</status>' +
        `<computers><computer><id>${c1?.id}</id></computer><computer><id>${c2?.id}</id></computer></computers>` +
        `<mobile_devices><mobile_device><id>${device?.id}</id></mobile_device></mobile_devices>` +
        '</commandflush>',
    });
    expect(response.status).toBe(200);
    const echo = await response.text();
    expect(echo).toContain('<commandflush><status>Pending+Failed</status>');
    expect(echo).toContain(
      `<computer><id>${c1?.id}</id></computer><computer><id>${c2?.id}</id></computer>`,
    );
    expect(jamf.state.mdmCommands.list().map((c) => c.uuid)).toEqual([kept]);
  });

  it('refuses a body naming no device, a wrong root and a non-XML body', async () => {
    const none = await classic('/commandflush', {
      method: 'DELETE',
      body: '<commandflush><status>Pending</status></commandflush>',
    });
    expect(none.status).toBe(400);
    const root = await classic('/commandflush', {
      method: 'DELETE',
      body: '<logflush><status>Pending</status></logflush>',
    });
    expect(root.status).toBe(409);
    const json = await classic('/commandflush', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    expect(json.status).toBe(415);
  });
});

describe('DELETE /JSSResource/logflush', () => {
  it('accepts policy log flushes by interval, for all policies or one, by path and by body', async () => {
    const paths = [
      '/logflush/policies/interval/Zero+Days',
      '/logflush/policy/interval/Three%20Months',
      '/logflush/policies/id/1/interval/One+Week',
      '/logflush/policy/id/1/interval/SIX+YEARS',
    ];
    for (const path of paths) {
      const response = await classic(path, { method: 'DELETE' });
      expect([path, response.status]).toEqual([path, 200]);
    }
    const one = await classic('/logflush/policies/id/1/interval/Two+Months', {
      method: 'DELETE',
    });
    expect(await one.json()).toEqual({
      logflush: { log: 'policies', interval: 'Two+Months', log_id: 1 },
    });
    const body = await classic('/logflush', {
      method: 'DELETE',
      body: '<logflush><log>policy</log><log_id>1</log_id><interval>THREE MONTHS</interval></logflush>',
    });
    expect(body.status).toBe(200);
  });

  it('refuses an unknown log, a bad interval or an unknown policy, and needs Flush Policy Logs', async () => {
    const cases: [string, number][] = [
      ['/logflush/computers/interval/One+Day', 400],
      ['/logflush/policies/interval/Four+Days', 400],
      ['/logflush/policies/interval/One+Fortnight', 400],
      ['/logflush/policies/id/999999/interval/One+Day', 404],
    ];
    for (const [path, status] of cases) {
      const response = await classic(path, { method: 'DELETE' });
      expect([path, response.status]).toEqual([path, status]);
    }
    const denied = await classic(
      '/logflush/policies/interval/One+Day',
      { method: 'DELETE' },
      await accountToken(['Read Policies']),
    );
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('Flush Policy Logs');
    const allowed = await classic(
      '/logflush/policies/interval/One+Day',
      { method: 'DELETE' },
      await accountToken(['Flush Policy Logs']),
    );
    expect(allowed.status).toBe(200);
  });
});
