import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';

// Classic /JSSResource/webhooks over the mock's registrations (fields of Jamf's Classic
// `webhook` object); what it creates is what mock.webhooks fires.
const jamf = setupJamfMock({
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'reader', password: 'readonly', privileges: ['Read Webhooks'] },
  ],
});
const xml = new XMLParser({ parseTagValue: false });

async function classic(path: string, init: RequestInit = {}, user = 'admin:jamf1234') {
  const auth = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(user)}` },
  });
  const { token } = (await auth.json()) as { token: string };
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/xml');
  return fetch(`${jamf.baseUrl}/JSSResource/webhooks${path}`, { ...init, headers });
}

const body = (fields: string) => `<webhook>${fields}</webhook>`;

describe('Classic /JSSResource/webhooks', () => {
  it('creates, reads (without the password), updates and deletes', async () => {
    const created = await classic('/id/0', {
      method: 'POST',
      body: body(
        '<name>Enrolled</name><url>https://hooks.example.test/in</url><event>ComputerAdded</event><content_type>application/json</content_type><authentication_type>BASIC</authentication_type><username>jamf</username><password>s3cret-pw</password><connection_timeout>3</connection_timeout>',
      ),
    });
    expect(created.status).toBe(201);
    expect(await created.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><webhook><id>1</id></webhook>',
    );

    const read = await classic('/id/1');
    const text = await read.text();
    expect(text).not.toContain('s3cret-pw');
    expect(xml.parse(text).webhook).toEqual({
      id: '1',
      name: 'Enrolled',
      enabled: 'true',
      url: 'https://hooks.example.test/in',
      content_type: 'application/json',
      event: 'ComputerAdded',
      connection_timeout: '3',
      read_timeout: '2',
      authentication_type: 'BASIC',
      username: 'jamf',
      smart_group_id: '',
    });
    expect(jamf.webhooks.list()).toMatchObject([{ id: 1, name: 'Enrolled', hasPassword: true }]);

    const list = await classic('', { headers: { accept: 'application/json' } });
    expect(await list.json()).toEqual({ webhooks: [{ id: 1, name: 'Enrolled' }] });

    const updated = await classic('/name/Enrolled', {
      method: 'PUT',
      body: body('<enabled>false</enabled>'),
    });
    expect(updated.status).toBe(201);
    expect(jamf.webhooks.list()[0]).toMatchObject({
      enabled: false,
      hasPassword: true,
      event: 'ComputerAdded',
    });

    expect((await classic('/id/1', { method: 'DELETE' })).status).toBe(200);
    expect(jamf.webhooks.list()).toEqual([]);
  });

  it('refuses what Jamf refuses with a 409', async () => {
    const refused = async (fields: string) =>
      (await classic('/id/0', { method: 'POST', body: body(fields) })).status;
    expect(
      await refused('<name>a</name><url>https://h.test/</url><event>ComputerDeleted</event>'),
    ).toBe(409);
    expect(await refused('<name>a</name><url>not a url</url><event>ComputerAdded</event>')).toBe(
      409,
    );
    expect(
      await refused(
        '<name>a</name><url>https://h.test/</url><event>ComputerAdded</event><smart_group_id>3</smart_group_id>',
      ),
    ).toBe(409);
    expect(await refused('<url>https://h.test/</url><event>ComputerAdded</event>')).toBe(409);
    expect(jamf.webhooks.list()).toEqual([]);
  });

  it('checks the Webhooks privileges', async () => {
    const reader = 'reader:readonly';
    expect((await classic('', {}, reader)).status).toBe(200);
    const create = await classic(
      '/id/0',
      {
        method: 'POST',
        body: body('<name>a</name><url>https://h.test/</url><event>JSSStartup</event>'),
      },
      reader,
    );
    expect(create.status).toBe(403);
  });
});
