import {
  type AnyWebhookPayload,
  basicAuth,
  createWebhookHandler,
  type WebhookEventName,
  type WebhookHandlers,
  webhookEventNames,
} from '@jamf/webhooks';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';

// Each firing rule of the mock's webhooks, through its public API: register (in code or over
// Classic /JSSResource/webhooks), change the state over HTTP, and see what an in-process
// @jamf/webhooks receiver got.
const jamf = setupJamfMock({ seed: 5 });
const HOOK = 'https://hooks.example.test/jamf';

async function token(): Promise<string> {
  const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
  });
  return ((await response.json()) as { token: string }).token;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await token()}`);
  if (typeof init.body === 'string' && !headers.has('content-type')) {
    headers.set(
      'content-type',
      path.startsWith('/JSSResource') ? 'application/xml' : 'application/json',
    );
  }
  return fetch(`${jamf.baseUrl}${path}`, { ...init, headers });
}

/** Registers `events` to HOOK and collects what an in-process receiver validated. */
function receive(
  events: WebhookEventName[],
  settings: { contentType?: 'application/json' | 'text/xml' } = {},
) {
  const got: AnyWebhookPayload[] = [];
  for (const event of events) {
    jamf.webhooks.register({ name: `${event} hook`, url: HOOK, event, ...settings });
  }
  const on = Object.fromEntries(
    webhookEventNames.map((name) => [name, (payload: AnyWebhookPayload) => void got.push(payload)]),
  ) as WebhookHandlers;
  jamf.webhooks.attach(HOOK, createWebhookHandler({ auth: 'none', on }));
  return got;
}

const createComputerXml = (name: string, serial: string) =>
  `<computer><general><name>${name}</name><serial_number>${serial}</serial_number></general></computer>`;

describe('mock webhooks: firing rules', () => {
  it('ComputerAdded when a computer is created (Pro and Classic), as XML by default', async () => {
    const got = receive(['ComputerAdded']);
    const pro = await call('/api/v1/computers-inventory', {
      method: 'POST',
      body: JSON.stringify({
        general: { name: 'WH-PRO' },
        hardware: { serialNumber: 'WHPRO0001' },
      }),
    });
    expect(pro.status).toBe(201);
    const classic = await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('WH-CLASSIC', 'WHCLS0001'),
    });
    expect(classic.status).toBe(201);
    await jamf.webhooks.settled();
    expect(
      got.map((p) => [p.webhook.webhookEvent, (p.event as { deviceName: string }).deviceName]),
    ).toEqual([
      ['ComputerAdded', 'WH-PRO'],
      ['ComputerAdded', 'WH-CLASSIC'],
    ]);
    const [first] = jamf.webhooks.deliveries;
    expect(first).toMatchObject({
      event: 'ComputerAdded',
      contentType: 'text/xml',
      outcome: 'delivered',
      status: 200,
    });
    const id = Number(/"id"\s*:\s*"(\d+)"/.exec(await pro.text())?.[1]);
    expect((got[0]!.event as { jssID: number }).jssID).toBe(id);
  });

  it('ComputerInventoryCompleted when a computer is updated (Classic PUT, Pro PATCH), not when created', async () => {
    const got = receive(['ComputerInventoryCompleted'], { contentType: 'application/json' });
    const update = await call('/JSSResource/computers/id/2', {
      method: 'PUT',
      body: '<computer><general><name>Renamed by inventory</name></general></computer>',
    });
    expect(update.status).toBe(201);
    await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('NEW', 'WHNEW0001'),
    });
    const patched = await call('/api/v1/computers-inventory-detail/3', {
      method: 'PATCH',
      body: JSON.stringify({ general: { name: 'Patched over Pro' } }),
    });
    expect(patched.status).toBe(200);
    await jamf.webhooks.settled();
    expect(got.map((p) => p.event)).toMatchObject([
      { jssID: 2, deviceName: 'Renamed by inventory' },
      { jssID: 3, deviceName: 'Patched over Pro' },
    ]);
  });

  it('SmartGroupComputerMembershipChange for the registered smart group only', async () => {
    const group = await call('/JSSResource/computergroups/id/0', {
      method: 'POST',
      body: '<computer_group><name>Webhook lab</name><is_smart>true</is_smart><criteria><criterion><name>Computer Name</name><search_type>like</search_type><value>WHLAB-</value><and_or>and</and_or></criterion></criteria></computer_group>',
    });
    const groupId = Number(/<id>(\d+)<\/id>/.exec(await group.text())?.[1]);
    const other = await call('/JSSResource/computergroups/id/0', {
      method: 'POST',
      body: '<computer_group><name>Other lab</name><is_smart>true</is_smart><criteria><criterion><name>Computer Name</name><search_type>like</search_type><value>OTHER-</value><and_or>and</and_or></criterion></criteria></computer_group>',
    });
    const otherId = Number(/<id>(\d+)<\/id>/.exec(await other.text())?.[1]);
    const got: AnyWebhookPayload[] = [];
    jamf.webhooks.register({
      name: 'lab',
      url: HOOK,
      event: 'SmartGroupComputerMembershipChange',
      smartGroupId: groupId,
    });
    jamf.webhooks.register({
      name: 'other',
      url: HOOK,
      event: 'SmartGroupComputerMembershipChange',
      smartGroupId: otherId,
    });
    jamf.webhooks.attach(
      HOOK,
      createWebhookHandler({
        auth: 'none',
        on: { SmartGroupComputerMembershipChange: (p) => void got.push(p) },
      }),
    );
    const created = await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('WHLAB-1', 'WHLAB0001'),
    });
    const computerId = Number(/<id>(\d+)<\/id>/.exec(await created.text())?.[1]);
    await call(`/JSSResource/computers/id/${computerId}`, {
      method: 'PUT',
      body: '<computer><general><name>left the lab</name></general></computer>',
    });
    await jamf.webhooks.settled();
    expect(got.map((p) => p.event)).toMatchObject([
      {
        jssid: groupId,
        name: 'Webhook lab',
        groupAddedDevicesIds: [computerId],
        groupRemovedDevicesIds: [],
      },
      { jssid: groupId, groupAddedDevicesIds: [], groupRemovedDevicesIds: [computerId] },
    ]);
    expect(got.every((p) => p.webhook.name === 'lab')).toBe(true);
  });

  it('RestAPIOperation for API writes, not for reads or token requests', async () => {
    const got = receive(['RestAPIOperation'], { contentType: 'application/json' });
    await call('/JSSResource/categories');
    const created = await call('/JSSResource/categories/id/0', {
      method: 'POST',
      body: '<category><name>From a hook test</name><priority>3</priority></category>',
    });
    const id = Number(/<id>(\d+)<\/id>/.exec(await created.text())?.[1]);
    await jamf.webhooks.settled();
    expect(got.map((p) => p.event)).toEqual([
      {
        authorizedUsername: 'admin',
        objectID: id,
        objectName: '',
        objectTypeName: 'categories',
        operationSuccessful: true,
        restAPIOperationType: 'POST',
      },
    ]);
  });

  it('MobileDeviceEnrolled when a device record appears, MobileDeviceUnEnrolled when it goes', async () => {
    const got = receive(['MobileDeviceEnrolled', 'MobileDeviceUnEnrolled']);
    const created = await call('/JSSResource/mobiledevices/id/0', {
      method: 'POST',
      body: '<mobile_device><general><name>Hook iPad</name><serial_number>WHIPAD0001</serial_number><udid>0000-HOOK</udid><ip_address>10.9.8.7</ip_address></general></mobile_device>',
    });
    expect(created.status).toBe(201);
    const id = Number(/<id>(\d+)<\/id>/.exec(await created.text())?.[1]);
    expect((await call(`/JSSResource/mobiledevices/id/${id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    await jamf.webhooks.settled();
    expect(got.map((p) => [p.webhook.webhookEvent, (p.event as { jssID: number }).jssID])).toEqual([
      ['MobileDeviceEnrolled', id],
      ['MobileDeviceUnEnrolled', id],
    ]);
    // Both name the device as it was, the second after its record is gone.
    for (const payload of got) {
      expect(payload.event).toMatchObject({
        deviceName: 'Hook iPad',
        serialNumber: 'WHIPAD0001',
        udid: '0000-HOOK',
        ipAddress: '10.9.8.7',
      });
    }
  });

  it('PushSent and MobileDeviceCommandCompleted for an MDM command, per device', async () => {
    const got = receive(['PushSent', 'MobileDeviceCommandCompleted'], {
      contentType: 'application/json',
    });
    const sent = await call('/JSSResource/mobiledevicecommands/command/DeviceLock/id/1,2', {
      method: 'POST',
    });
    expect(sent.status).toBe(201);
    await jamf.webhooks.settled();
    expect(got.map((p) => p.webhook.webhookEvent).sort()).toEqual([
      'MobileDeviceCommandCompleted',
      'MobileDeviceCommandCompleted',
      'PushSent',
      'PushSent',
    ]);
    const completed = got.filter((p) => p.webhook.webhookEvent === 'MobileDeviceCommandCompleted');
    expect(completed.map((p) => p.event)).toMatchObject([
      { jssID: 1, mdmCommand: 'DeviceLock' },
      { jssID: 2, mdmCommand: 'DeviceLock' },
    ]);
    expect(
      (
        await call('/JSSResource/mobiledevicecommands/command/DeviceLock/id/999999', {
          method: 'POST',
        })
      ).status,
    ).toBe(404);
  });

  it('disabled registrations and other events stay silent', async () => {
    jamf.webhooks.register({ name: 'off', url: HOOK, event: 'ComputerAdded', enabled: false });
    const got = receive(['JSSShutdown']);
    await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('QUIET', 'QUIET0001'),
    });
    await jamf.webhooks.settled();
    expect(got).toEqual([]);
    expect(jamf.webhooks.deliveries).toEqual([]);
  });
});

describe('mock webhooks: delivery', () => {
  it('sends the registered Basic credentials; a wrong password is a recorded 401 failure', async () => {
    const failures: unknown[] = [];
    jamf.webhooks.register({
      name: 'basic ok',
      url: HOOK,
      event: 'ComputerAdded',
      authenticationType: 'BASIC',
      username: 'jamf',
      password: 'right',
    });
    jamf.webhooks.register({
      name: 'basic wrong',
      url: HOOK,
      event: 'ComputerAdded',
      authenticationType: 'BASIC',
      username: 'jamf',
      password: 'wrong',
    });
    let handled = 0;
    jamf.webhooks.attach(
      HOOK,
      createWebhookHandler({
        auth: basicAuth({ username: 'jamf', password: 'right' }),
        on: { ComputerAdded: () => void handled++ },
      }),
    );
    const warn = console.warn;
    console.warn = (line: unknown) => void failures.push(line);
    try {
      await call('/JSSResource/computers/id/0', {
        method: 'POST',
        body: createComputerXml('AUTH', 'AUTH00001'),
      });
      await jamf.webhooks.settled();
    } finally {
      console.warn = warn;
    }
    expect(handled).toBe(1);
    expect(jamf.webhooks.deliveries.map((d) => [d.outcome, d.status])).toEqual([
      ['delivered', 200],
      ['failed', 401],
    ]);
    expect(String(failures[0])).toMatch(
      /webhook 2 \(ComputerAdded\) to https:\/\/hooks\.example\.test\/jamf failed: HTTP 401/,
    );
    expect(String(failures[0])).not.toContain('wrong');
  });

  it('a failing receiver never fails or delays the request that fired it', async () => {
    jamf.webhooks.register({
      name: 'broken',
      url: HOOK,
      event: 'ComputerAdded',
      contentType: 'application/json',
    });
    let release: () => void = () => {};
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    jamf.webhooks.attach(HOOK, async () => {
      await stuck;
      throw new Error('receiver crashed');
    });
    const response = await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('STILL-OK', 'STILL0001'),
    });
    expect(response.status).toBe(201);
    expect(jamf.webhooks.deliveries[0]?.outcome).toBe('pending');
    release();
    const warn = console.warn;
    console.warn = () => {};
    await jamf.webhooks.settled().finally(() => {
      console.warn = warn;
    });
    expect(jamf.webhooks.deliveries[0]).toMatchObject({
      outcome: 'failed',
      error: 'receiver crashed',
    });
    expect(jamf.internalErrors).toEqual([]);
  });

  it('header authentication sends the registered headers', async () => {
    jamf.webhooks.register({
      name: 'header',
      url: HOOK,
      event: 'ComputerAdded',
      authenticationType: 'HEADER',
      header: JSON.stringify({ 'X-Hook-Token': 'tok' }),
    });
    const seen: (string | null)[] = [];
    jamf.webhooks.attach(HOOK, (request) => {
      seen.push(request.headers.get('x-hook-token'));
      return new Response(null, { status: 204 });
    });
    await call('/JSSResource/computers/id/0', {
      method: 'POST',
      body: createComputerXml('HDR', 'HDR000001'),
    });
    await jamf.webhooks.settled();
    expect(seen).toEqual(['tok']);
  });

  it('register refuses what Jamf would, with a typed error; list never shows secrets', () => {
    expect(() =>
      jamf.webhooks.register({ name: 'x', url: 'ftp://x', event: 'ComputerAdded' }),
    ).toThrow(expect.objectContaining({ name: 'MockWebhookError', code: 'INVALID_WEBHOOK' }));
    expect(() =>
      jamf.webhooks.register({ name: 'x', url: HOOK, event: 'ComputerAdded', smartGroupId: 1 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_WEBHOOK' }));
    expect(() => jamf.webhooks.register(undefined as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_WEBHOOK' }),
    );
    expect(() => jamf.webhooks.attach('/relative', () => new Response())).toThrow(
      expect.objectContaining({ code: 'INVALID_WEBHOOK' }),
    );
    expect(() => jamf.webhooks.register({ name: 'x', url: HOOK, event: 'Nope' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_WEBHOOK' }),
    );
    jamf.webhooks.register({
      name: 's',
      url: HOOK,
      event: 'PushSent',
      authenticationType: 'BASIC',
      username: 'u',
      password: 'p4ss-secret',
    });
    expect(JSON.stringify(jamf.webhooks.list())).not.toContain('p4ss-secret');
    expect(jamf.webhooks.list()[0]).toMatchObject({
      name: 's',
      hasPassword: true,
      contentType: 'text/xml',
      connectionTimeoutSeconds: 5,
      readTimeoutSeconds: 2,
    });
  });
});
