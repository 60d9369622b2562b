import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 21 });
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name, path) => name === 'script' && String(path).includes('scripts'),
});
const basic = `Basic ${btoa('admin:jamf1234')}`;

async function classic(
  path: string,
  init: RequestInit & { json?: boolean } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization'))
    headers.set('authorization', `Bearer ${await userToken(jamf)}`);
  if (init.json) headers.set('accept', 'application/json');
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, { ...init, headers });
}

describe('Classic mobile devices', () => {
  it('lists devices and finds one by serial number and udid', async () => {
    const list = (await (await classic('/mobiledevices', { json: true })).json()) as {
      mobile_devices: { id: number; serial_number: string }[];
    };
    expect(list.mobile_devices).toHaveLength(jamf.state.mobileDevices.size);
    const device = jamf.state.mobileDevices.get(2);
    for (const path of [
      `/mobiledevices/serialnumber/${device?.serialNumber}`,
      `/mobiledevices/udid/${device?.udid}`,
    ]) {
      const body = (await (await classic(path, { json: true })).json()) as {
        mobile_device: { general: { id: number; name: string } };
      };
      expect(body.mobile_device.general).toMatchObject({ id: 2, name: device?.name });
    }
  });
});

describe('Classic policies', () => {
  it('shows general, scope and scripts, and creates a policy scoped to computers', async () => {
    const one = (await (await classic('/policies/id/1', { json: true })).json()) as {
      policy: {
        general: { name: string; category: { name: string } };
        scope: { all_computers: boolean };
        scripts: { id: number }[];
      };
    };
    expect(one.policy.general.name).toBe('Policy 1');
    expect(one.policy.scripts.map((s) => s.id)).toEqual([1]);
    const created = await classic('/policies/id/0', {
      method: 'POST',
      body:
        '<policy><general><name>Install Fonts</name><enabled>true</enabled><category><name>Utilities</name></category></general>' +
        '<scope><computers><computer><id>3</id></computer></computers></scope><scripts><script><id>2</id></script></scripts></policy>',
    });
    expect(created.status).toBe(201);
    const id = (xml.parse(await created.text()) as { policy: { id: string } }).policy.id;
    const read = xml.parse(await (await classic(`/policies/id/${id}`)).text()) as {
      policy: {
        general: { category: { name: string } };
        scope: { computers: { size?: string; computer: { id: string } } };
        scripts: { size: string };
      };
    };
    expect(read.policy.general.category.name).toBe('Utilities');
    // A scope's lists carry no <size> (classic-policy-sections.test.ts says why).
    expect(read.policy.scope.computers).toEqual({
      computer: { id: '3', name: expect.any(String) },
    });
    expect(read.policy.scripts.size).toBe('1');
  });

  it('refuses a policy naming a script that does not exist', async () => {
    const before = jamf.state.policies.size;
    const response = await classic('/policies/id/0', {
      method: 'POST',
      body: '<policy><general><name>Broken</name></general><scripts><script><id>999</id></script></scripts></policy>',
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('<p>Error: Problem with script</p>');
    expect(jamf.state.policies.size).toBe(before);
  });
});

describe('Classic scripts', () => {
  it('a script posted in Classic XML is listed by Pro /v1/scripts with its contents', async () => {
    const created = await classic('/scripts/id/0', {
      method: 'POST',
      body:
        '<script><name>cleanup.sh</name><category>Browsers</category><priority>Before</priority>' +
        '<parameters><parameter4>Days</parameter4></parameters><script_contents>rm -rf /tmp/cache &amp;&amp; echo done</script_contents></script>',
    });
    expect(created.status).toBe(201);
    const id = (xml.parse(await created.text()) as { script: { id: string } }).script.id;
    const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic },
    });
    const { token } = (await auth.json()) as { token: string };
    const pro = await fetch(`${jamf.baseUrl}/api/v1/scripts/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await pro.json()).toMatchObject({
      id,
      name: 'cleanup.sh',
      priority: 'BEFORE',
      categoryName: 'Browsers',
      parameter4: 'Days',
      scriptContents: 'rm -rf /tmp/cache && echo done',
    });
  });

  it('refuses an unknown category with 409', async () => {
    const response = await classic('/scripts/id/0', {
      method: 'POST',
      body: '<script><name>x.sh</name><category>Nope</category></script>',
    });
    expect(response.status).toBe(409);
  });
});

describe('Classic access', () => {
  it('takes a Bearer token, and answers 401 with an HTML page without one or with Basic', async () => {
    const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: basic },
    });
    const { token } = (await auth.json()) as { token: string };
    expect(
      (await classic('/departments', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const anonymous = await fetch(`${jamf.baseUrl}/JSSResource/departments`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^text\/html/);
    const withBasic = await fetch(`${jamf.baseUrl}/JSSResource/departments`, {
      headers: { authorization: basic },
    });
    expect(withBasic.status).toBe(401);
    expect(withBasic.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers 415 for a JSON body on a Classic write', async () => {
    const response = await classic('/departments/id/0', {
      method: 'POST',
      body: '{"department":{"name":"x"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(415);
  });
});
