import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// MDM commands are one state with a Pro and a Classic view: what one API sends the other lists.
const jamf = setupJamfMock({ seed: 7 });
watchContract(jamf);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface ProCommand {
  uuid: string;
  client: { managementId: string; clientType: string };
  commandState: string;
  commandType: string;
  dateSent: string;
  dateCompleted: string;
}

async function classic(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await userToken(jamf)}`);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

async function managementIdOfComputer(id: number): Promise<string> {
  const token = await userToken(jamf);
  const response = await api(jamf, token, 'GET', `/v1/computers-inventory/${id}?section=GENERAL`);
  return ((await response.json()) as { general: { managementId: string } }).general.managementId;
}

async function commands(query: string): Promise<{ totalCount: number; results: ProCommand[] }> {
  const token = await userToken(jamf);
  const response = await api(jamf, token, 'GET', `/v2/mdm/commands${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { totalCount: number; results: ProCommand[] };
}

const managedComputer = () => [...jamf.state.computers.values()].find((row) => row.isManaged);
const unmanagedComputer = () => [...jamf.state.computers.values()].find((row) => !row.isManaged);

describe('managementId', () => {
  it('is one stable UUID per device, the same in every Pro view', async () => {
    const token = await userToken(jamf);
    const computer = managedComputer();
    const id = computer?.id ?? 0;
    const fromList = (
      (await (
        await api(jamf, token, 'GET', `/v1/computers-inventory?filter=id==${id}`)
      ).json()) as { results: { general: { managementId: string } }[] }
    ).results[0]?.general.managementId;
    const fromDetail = await managementIdOfComputer(id);
    const fromV3 = (
      (await (await api(jamf, token, 'GET', `/v3/computers-inventory-detail/${id}`)).json()) as {
        general: { managementId: string };
      }
    ).general.managementId;
    expect(fromDetail).toMatch(UUID);
    expect([fromList, fromV3]).toEqual([fromDetail, fromDetail]);
    const filtered = (await (
      await api(
        jamf,
        token,
        'GET',
        `/v1/computers-inventory?filter=general.managementId==${fromDetail}`,
      )
    ).json()) as { results: { id: string }[] };
    expect(filtered.results.map((row) => row.id)).toEqual([String(id)]);

    const device = (await (await api(jamf, token, 'GET', '/v2/mobile-devices/1')).json()) as {
      managementId: string;
    };
    const detail = (await (
      await api(jamf, token, 'GET', '/v2/mobile-devices/1/detail')
    ).json()) as {
      managementId: string;
    };
    const inventory = (await (
      await api(
        jamf,
        token,
        'GET',
        `/v2/mobile-devices/detail?filter=managementId==${device.managementId}`,
      )
    ).json()) as { results: { mobileDeviceId: string; general: { managementId: string } }[] };
    expect(device.managementId).toMatch(UUID);
    expect(device.managementId).not.toBe(fromDetail);
    expect(detail.managementId).toBe(device.managementId);
    expect(inventory.results.map((row) => [row.mobileDeviceId, row.general.managementId])).toEqual([
      ['1', device.managementId],
    ]);
  });

  it('is given to a created computer at once', async () => {
    const token = await userToken(jamf);
    const created = await api(jamf, token, 'POST', '/v1/computers-inventory', {
      general: { name: 'MGMT-NEW' },
    });
    const { id } = (await created.json()) as { id: string };
    const first = await managementIdOfComputer(Number(id));
    expect(first).toMatch(UUID);
    expect(await managementIdOfComputer(Number(id))).toBe(first);
  });
});

describe('POST /v2/mdm/commands', () => {
  it('sends one command per device, listed by Pro and Classic alike', async () => {
    const token = await userToken(jamf);
    const computer = managedComputer();
    const computerId = await managementIdOfComputer(computer?.id ?? 0);
    const mobile = (await (await api(jamf, token, 'GET', '/v2/mobile-devices/2')).json()) as {
      managementId: string;
    };
    const sent = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: computerId }, { managementId: mobile.managementId }],
      commandData: { commandType: 'DEVICE_LOCK', message: 'Locked by IT', pin: '123456' },
    });
    expect(sent.status).toBe(201);
    const answer = (await sent.json()) as { id: string; href: string }[];
    expect(answer).toHaveLength(2);
    expect(answer[0]?.id).toMatch(UUID);
    expect(answer[0]?.href).toBe(`${jamf.baseUrl}/api/v1/mdm/commands?uuids=${answer[0]?.id}`);

    const byUuid = await commands(`?filter=uuid==${answer[0]?.id}`);
    expect(byUuid.results).toEqual([
      {
        uuid: answer[0]?.id,
        client: { managementId: computerId, clientType: 'COMPUTER' },
        commandState: 'ACKNOWLEDGED',
        commandType: 'DEVICE_LOCK',
        dateSent: expect.any(String),
        dateCompleted: expect.any(String),
      },
    ]);
    const v1 = await api(jamf, token, 'GET', `/v1/mdm/commands?uuids=${answer[1]?.id}`);
    expect(((await v1.json()) as ProCommand[]).map((command) => command.client)).toEqual([
      { managementId: mobile.managementId, clientType: 'MOBILE_DEVICE' },
    ]);

    const classicComputer = await classic(`/computercommands/uuid/${answer[0]?.id}`);
    expect(classicComputer.status).toBe(200);
    expect(await classicComputer.json()).toMatchObject({
      computer_command: {
        general: { uuid: answer[0]?.id, command: 'DeviceLock', udid: computer?.udid },
        computers: [{ id: computer?.id, udid: computer?.udid }],
      },
    });
    const mobileList = (await (await classic('/mobiledevicecommands')).json()) as {
      mobile_device_commands: { uuid: string; command: string; mobile_devices: { id: number }[] }[];
    };
    expect(mobileList.mobile_device_commands).toContainEqual(
      expect.objectContaining({
        uuid: answer[1]?.id,
        command: 'DeviceLock',
        mobile_devices: [expect.objectContaining({ id: 2 })],
      }),
    );
  });

  it('refuses an unknown or unmanaged device with 400 and stores nothing', async () => {
    const token = await userToken(jamf);
    const before = jamf.state.mdmCommands.size;
    const known = await managementIdOfComputer(managedComputer()?.id ?? 0);
    const unknown = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [
        { managementId: known },
        { managementId: '00000000-0000-4000-8000-000000000000' },
      ],
      commandData: { commandType: 'RESTART_DEVICE' },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [
        {
          code: 'INVALID_FIELD',
          field: 'clientData[1].managementId',
          description: expect.stringContaining('00000000-0000-4000-8000-000000000000'),
        },
      ],
    });
    const unmanaged = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: await managementIdOfComputer(unmanagedComputer()?.id ?? 0) }],
      commandData: { commandType: 'RESTART_DEVICE' },
    });
    expect(unmanaged.status).toBe(400);
    expect(JSON.stringify(await unmanaged.json())).toContain('not managed');
    expect(jamf.state.mdmCommands.size).toBe(before);
  });

  it("checks each command type's required fields (CLEAR_PASSCODE needs unlockToken)", async () => {
    const token = await userToken(jamf);
    const before = jamf.state.mdmCommands.size;
    const mobile = (await (await api(jamf, token, 'GET', '/v2/mobile-devices/1')).json()) as {
      managementId: string;
    };
    const missing = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: mobile.managementId }],
      commandData: { commandType: 'CLEAR_PASSCODE' },
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errors: [{ field: 'commandData.unlockToken' }] });
    const unknownType = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: mobile.managementId }],
      commandData: { commandType: 'MAKE_COFFEE' },
    });
    expect(unknownType.status).toBe(400);
    expect(jamf.state.mdmCommands.size).toBe(before);
  });
});

describe('GET /v2/mdm/commands', () => {
  it('filters by clientManagementId and command, sorts and pages', async () => {
    const token = await userToken(jamf);
    const [a, b] = [...jamf.state.mobileDevices.values()].slice(3, 5);
    const idOf = async (id: number) =>
      (
        (await (await api(jamf, token, 'GET', `/v2/mobile-devices/${id}`)).json()) as {
          managementId: string;
        }
      ).managementId;
    const first = await idOf(a?.id ?? 0);
    const second = await idOf(b?.id ?? 0);
    for (const commandType of ['RESTART_DEVICE', 'SHUT_DOWN_DEVICE']) {
      jamf.clock.advance(1000);
      const sent = await api(jamf, token, 'POST', '/v2/mdm/commands', {
        clientData: [{ managementId: first }, { managementId: second }],
        commandData: { commandType },
      });
      expect(sent.status).toBe(201);
    }
    const forFirst = await commands(`?filter=clientManagementId==${first}&sort=dateSent:desc`);
    expect(forFirst.results.map((command) => command.commandType)).toEqual([
      'SHUT_DOWN_DEVICE',
      'RESTART_DEVICE',
    ]);
    const restarts = await commands(
      `?filter=command==RESTART_DEVICE;clientManagementId=in=(${first},${second})&page-size=1`,
    );
    expect(restarts.totalCount).toBe(2);
    expect(restarts.results).toHaveLength(1);
    const bad = await api(jamf, token, 'GET', '/v2/mdm/commands?filter=nope==1');
    expect(bad.status).toBe(400);
  });
});

describe('pending commands', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stay PENDING when acknowledgesOnSend is off, until settled', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 5, 1));
    const token = await userToken(jamf);
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const managementId = await managementIdOfComputer(managedComputer()?.id ?? 0);
    const sent = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId }],
      commandData: { commandType: 'DEVICE_INFORMATION' },
    });
    const [{ id } = { id: '' }] = (await sent.json()) as { id: string }[];
    const pending = await commands(`?filter=status==PENDING;clientManagementId==${managementId}`);
    expect(pending.results.map((command) => [command.uuid, command.dateCompleted])).toEqual([
      [id, undefined],
    ]);
    jamf.clock.advance(5000);
    expect(jamf.state.mdmCommands.settle(id, 'ERROR', jamf.clock.now())?.state).toBe('ERROR');
    const [settled] = (await commands(`?filter=uuid==${id}`)).results;
    expect(settled?.commandState).toBe('ERROR');
    expect(Date.parse(settled?.dateCompleted ?? '') - Date.parse(settled?.dateSent ?? '')).toBe(
      5000,
    );
    expect(() =>
      jamf.state.mdmCommands.settle(id, 'PENDING' as 'ERROR', jamf.clock.now()),
    ).toThrowError(
      expect.objectContaining({ name: 'MockOptionError', code: 'INVALID_MOCK_OPTION' }),
    );
    expect(jamf.state.mdmCommands.settle('no-such-uuid', 'ACKNOWLEDGED', 0)).toBeUndefined();
  });
});

describe('Classic computercommands and mobiledevicecommands', () => {
  it('sends by command and id list; Pro lists it; status and name lookups find it', async () => {
    const computer = managedComputer();
    const sent = await classic(`/computercommands/command/EraseDevice/id/${computer?.id}`, {
      method: 'POST',
    });
    expect(sent.status).toBe(201);
    const { computer_command } = (await sent.json()) as {
      computer_command: { general: { uuid: string; command: string } };
    };
    expect(computer_command.general.command).toBe('EraseDevice');
    const uuid = computer_command.general.uuid;
    const pro = await commands(`?filter=uuid==${uuid}`);
    expect(pro.results.map((command) => [command.commandType, command.client.clientType])).toEqual([
      ['ERASE_DEVICE', 'COMPUTER'],
    ]);
    expect(pro.results[0]?.client.managementId).toBe(
      await managementIdOfComputer(computer?.id ?? 0),
    );
    expect((await classic(`/computercommands/status/${uuid}`)).status).toBe(200);
    const named = (await (await classic('/computercommands/name/erasedevice')).json()) as {
      computer_commands: { uuid: string }[];
    };
    expect(named.computer_commands.map((command) => command.uuid)).toContain(uuid);
    const xml = await classic('/computercommands', { headers: { accept: 'application/xml' } });
    expect(await xml.text()).toContain(`<uuid>${uuid}</uuid>`);
  });

  it('sends with an XML body naming the devices, and DeviceName renames them', async () => {
    const body =
      '<mobile_device_command><general><command>DeviceName</command><device_name>Renamed iPad</device_name></general>' +
      '<mobile_devices><mobile_device><id>6</id></mobile_device></mobile_devices></mobile_device_command>';
    const sent = await classic('/mobiledevicecommands/command', { method: 'POST', body });
    expect(sent.status).toBe(201);
    expect(jamf.state.mobileDevices.get(6)?.name).toBe('Renamed iPad');
    const byPath = await classic('/mobiledevicecommands/command/DeviceName/Path%20Name/id/7', {
      method: 'POST',
    });
    expect(byPath.status).toBe(201);
    expect(jamf.state.mobileDevices.get(7)?.name).toBe('Path Name');
    const update = await classic('/mobiledevicecommands/command/ScheduleOSUpdate/2/id/8', {
      method: 'POST',
    });
    expect(update.status).toBe(201);
    // DeviceName has no Pro command type: Classic lists it, Pro does not.
    const listed = (await (await classic('/mobiledevicecommands/command/DeviceName')).json()) as {
      mobile_device_commands: unknown[];
    };
    expect(listed.mobile_device_commands).toHaveLength(2);
  });

  it('refuses unknown ids with 404 and unmanaged computers with 400, storing nothing', async () => {
    const before = jamf.state.mdmCommands.size;
    const computer = managedComputer();
    expect(
      (
        await classic(`/computercommands/command/DeviceLock/id/${computer?.id},999999`, {
          method: 'POST',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await classic(`/computercommands/command/DeviceLock/id/${unmanagedComputer()?.id}`, {
          method: 'POST',
        })
      ).status,
    ).toBe(400);
    expect((await classic('/computercommands/uuid/not-a-command')).status).toBe(404);
    expect(jamf.state.mdmCommands.size).toBe(before);
  });

  it("needs the command's privilege", async () => {
    const admin = await userToken(jamf);
    const role = await api(jamf, admin, 'POST', '/v1/api-roles', {
      displayName: 'Lock only',
      privileges: ['Send Computer Remote Lock Command'],
    });
    expect(role.status).toBe(200);
    const integration = (await (
      await api(jamf, admin, 'POST', '/v1/api-integrations', {
        displayName: 'Locker',
        authorizationScopes: ['Lock only'],
        enabled: true,
        accessTokenLifetimeSeconds: 60,
      })
    ).json()) as { id: number };
    const { clientId, clientSecret } = (await (
      await api(jamf, admin, 'POST', `/v1/api-integrations/${integration.id}/client-credentials`)
    ).json()) as { clientId: string; clientSecret: string };
    const tokenResponse = await fetch(`${jamf.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const post = (command: string) =>
      fetch(
        `${jamf.baseUrl}/JSSResource/computercommands/command/${command}/id/${managedComputer()?.id}`,
        { method: 'POST', headers: { authorization: `Bearer ${access_token}` } },
      );
    expect((await post('DeviceLock')).status).toBe(201);
    expect((await post('EraseDevice')).status).toBe(403);
    // The Pro operation needs its x-required-privileges, which this client lacks.
    const pro = await fetch(`${jamf.baseUrl}/api/v2/mdm/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientData: [{ managementId: await managementIdOfComputer(managedComputer()?.id ?? 0) }],
        commandData: { commandType: 'DEVICE_LOCK' },
      }),
    });
    expect(pro.status).toBe(403);
  });
});

describe('blank push, redeploy and remove-mdm-profile', () => {
  it('blank push names the ids no managed device has and stores no command', async () => {
    const token = await userToken(jamf);
    const before = jamf.state.mdmCommands.size;
    const known = await managementIdOfComputer(managedComputer()?.id ?? 0);
    const response = await api(jamf, token, 'POST', '/v2/mdm/blank-push', {
      clientManagementIds: [known, 'nobody'],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ errorUuids: ['nobody'] });
    expect(jamf.state.mdmCommands.size).toBe(before);
  });

  it('remove-mdm-profile sends UnmanageDevice and leaves the computer unmanaged', async () => {
    const token = await userToken(jamf);
    const computer = [...jamf.state.computers.values()].filter((row) => row.isManaged)[1];
    const response = await api(
      jamf,
      token,
      'POST',
      `/v4/computers-inventory/${computer?.id}/remove-mdm-profile`,
    );
    expect(response.status).toBe(200);
    const { deviceId, commandUuid } = (await response.json()) as {
      deviceId: string;
      commandUuid: string;
    };
    expect(deviceId).toBe(String(computer?.id));
    expect(jamf.state.computers.get(computer?.id ?? 0)?.isManaged).toBe(false);
    const record = (await (await classic(`/computercommands/uuid/${commandUuid}`)).json()) as {
      computer_command: { general: { command: string } };
    };
    expect(record.computer_command.general.command).toBe('UnmanageDevice');
    const redeploy = await api(
      jamf,
      token,
      'POST',
      `/v1/jamf-management-framework/redeploy/${computer?.id}`,
    );
    expect(redeploy.status).toBe(202);
    expect(
      (await api(jamf, token, 'POST', '/v1/jamf-management-framework/redeploy/999999')).status,
    ).toBe(404);
  });
});
